/**
 * `npm run bench`: how fast is the build, against a plain Starlight site of the same size?
 *
 *   npm run bench                      # scales 1,10,100 (1 = the Saghaugen model in model/)
 *   npm run bench -- --quick           # scales 1,10
 *   npm run bench -- --scales 1,10     # any list; scale 1 is model/, others are synthetic
 *   npm run bench -- --keep            # keep the temp folder (builds, logs) for a look
 *   npm run bench -- --no-plain        # skip the plain Starlight comparison
 *   npm run bench -- --no-warm         # skip the warm rebuilds
 *   npm run bench -- --no-alone        # skip the two floors: the pages alone and the diagrams alone
 *   npm run bench -- --no-rehype       # skip the rehype-mermaid comparison (scales ≤ 10)
 *   npm run bench -- --no-pdf          # build without the runbook PDFs (scripts/build.ts --no-pdf)
 *   npm run bench -- --pdf-max-scale 100  # also print the PDFs above 10× (default: scales ≤ 10 only)
 *   npm run bench -- --timeout 15      # stop any one build after 15 minutes (reported as TIMEOUT)
 *
 * For each scale it measures: the in-process model check (load + integrity + analysis), a cold
 * build (empty diagram cache), a warm rebuild (same caches, dist/ deleted first, so Astro runs), a
 * rebuild with dist/ kept (what `npm run build` twice costs), diagrams rendered and per second, pages
 * built and JS bytes per page; up to scale 10, two floors under any cold build of that model on this
 * machine: the pages alone (Astro's caches empty, every diagram and PDF from cache) and the diagrams
 * alone (no Astro, no PDFs: src/bench/render-diagrams.ts); and the same page count built as a plain
 * Starlight site with no diagrams, in the same run. Up to scale 10 it also renders the site's diagrams the
 * way a Starlight user would otherwise: their Mermaid text as ```mermaid code blocks in Markdown pages of
 * that plain site, drawn by `rehype-mermaid` (strategy inline-svg: per Markdown file a new browser page
 * that loads its Mermaid, in a Chromium launched from the same binary and flags as ours;
 * src/bench/rehype-mermaid.ts), built cold once with and once without the drawing (strategy
 * pre-mermaid), and prints its time per diagram against our diagrams alone.
 * It prints a table and the issue's targets as ratios with pass/miss.
 * Numbers only: nothing here asserts, and nothing fails on a slow machine. When a project build
 * fails, the table says why, and the plain site is still built at the size the project would have
 * had (page counts estimated from scale 1 in proportion to the entities), as a baseline.
 *
 * Isolation: builds run in a throwaway copy of the project (node_modules hard-linked, so Astro's
 * and Vite's caches in it are the copy's own), so the repo's dist/, .astro/ and diagram cache are untouched
 * and other people's builds are not disturbed. Everything lives under one temp folder, removed at
 * the end unless --keep. The results JSON is written beside it (os.tmpdir()).
 */
// The parts live in src/bench/: options.ts (this command line), project.ts (the throwaway copy and
// one measured build), run.ts (running a command: process group, timeout, CPU), plain-site.ts (the
// plain Starlight site), site-stats.ts (pages and JS of a built site), model-check.ts (the model
// check and the whole-model diagrams), scale.ts (the measurements of one scale), rehype-bench.ts
// (the rehype-mermaid comparison), report.ts (the table, the targets, the notes).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkModel } from '../src/cli/check-command.ts';
import { parseArgs, UsageError, type Options } from '../src/bench/options.ts';
import { makeProjectCopy, pickBuildCommand } from '../src/bench/project.ts';
import { report } from '../src/bench/report.ts';
import { cleanupChildren, status } from '../src/bench/run.ts';
import { benchScale } from '../src/bench/scale.ts';
import type { Context, ScaleResult } from '../src/bench/types.ts';

/** The command line, or this file's header for --help; a bad one prints why and exits 2. */
function parseOptions(argv: string[]): Options {
  try {
    const parsed = parseArgs(argv);
    if (parsed !== 'help') return parsed;
    console.log(
      readFileSync(fileURLToPath(import.meta.url), 'utf8')
        .split('*/')[0]!
        .replace(/^\/\*\*\n?| \* ?/gm, ''),
    );
    process.exit(0);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`bench: ${error.message}`);
    process.exit(2);
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'driftsbok-bench-'));
  const cleanup = () => {
    cleanupChildren();
    if (!options.keep) rmSync(work, { recursive: true, force: true });
  };
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  process.on('SIGTERM', () => {
    cleanup();
    process.exit(143);
  });
  try {
    const copy = join(work, 'project');
    makeProjectCopy(copy);
    const ctx: Context = { work, copy, options, buildCommand: pickBuildCommand(copy), checkModel };
    status(`bench in ${work}; scales ${options.scales.join(', ')}; ${ctx.buildCommand.describe}`);
    const plainCache = new Map<string, ScaleResult['plain']>();
    const results: ScaleResult[] = [];
    const json = join(tmpdir(), 'driftsbok-bench-results.json');
    for (const scale of options.scales) {
      results.push(
        await benchScale(
          ctx,
          scale,
          plainCache,
          results.find((r) => r.site),
        ),
      );
      const last = scale === options.scales.at(-1);
      // After every scale: the table so far (a long run stopped midway still leaves its numbers).
      console.log(`\n${last ? '' : '(so far)\n'}${report(results, ctx)}\n`);
      writeFileSync(
        json,
        JSON.stringify(
          { date: new Date().toISOString(), node: process.versions.node, build: ctx.buildCommand.describe, options, results },
          null,
          2,
        ),
      );
    }
    console.log(`  results: ${json}${options.keep ? `\n  kept: ${work}` : ''}`);
  } finally {
    cleanup();
  }
}

if (process.argv[1] && basename(process.argv[1]) === basename(fileURLToPath(import.meta.url))) {
  main().catch((error) => {
    console.error(error);
    cleanupChildren();
    process.exit(1);
  });
}

/**
 * The throwaway copy of the project the bench builds in (node_modules hard-linked, so the caches
 * Astro and Vite keep in it are the copy's own), and one measured build of it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstError, lastProgress, parseBuildPhases, parseDiagramLine } from './report.ts';
import { baseEnv, run, status } from './run.ts';
import type { BuildMeasure, Context } from './types.ts';

/** The project's root folder (the one the bench copies). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * node_modules for a throwaway project: a tree of hard links to this project's files (cheap, same
 * disk). A symlink does not work: Node and Vite resolve it to the real path outside the project
 * root, and Astro then looks up compiled .astro modules under a wrong path. The caches Astro and
 * Vite keep inside node_modules are left out (hard links would share the files being written).
 */
export function linkNodeModules(target: string): void {
  const dest = join(target, 'node_modules');
  const r = spawnSync('cp', ['-al', join(ROOT, 'node_modules'), dest], { stdio: 'inherit' });
  if (r.status !== 0) {
    rmSync(dest, { recursive: true, force: true });
    symlinkSync(join(ROOT, 'node_modules'), dest, 'dir');
    status('  warning: could not hard-link node_modules (different disk?); symlinked instead, Astro may fail');
    return;
  }
  for (const cache of ['.astro', '.vite', '.cache']) rmSync(join(dest, cache), { recursive: true, force: true });
}

const SKIP_IN_COPY = new Set(['node_modules', 'dist', '.git', '.astro', '.cache', 'test-results', 'playwright-report']);

/** A copy of the project to build in, so that dist/ and the caches of the real tree stay untouched. */
export function makeProjectCopy(target: string): void {
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(ROOT)) {
    if (SKIP_IN_COPY.has(entry) || entry.startsWith('.dist-') || entry.endsWith('.log')) continue;
    cpSync(join(ROOT, entry), join(target, entry), { recursive: true, verbatimSymlinks: true });
  }
  // Hard-linked, so the caches Astro and Vite keep in node_modules/ (.astro, .vite) are the copy's own.
  linkNodeModules(target);
}

/**
 * How to build the project copy: with what `npm run build` runs (`node scripts/build.ts`: the model
 * check, diagrams, Astro, PDFs, the move into dist/), started directly with this Node. The plain
 * site is built with `astro build`, started the same way, so neither side pays for npm or npx.
 */
export function pickBuildCommand(copy: string): Context['buildCommand'] {
  // --verbose: the bench reads Astro's own "page(s) built in" line, which a build leaves out by default.
  return {
    cmd: process.execPath,
    args: ['scripts/build.ts', '--verbose'],
    outDir: join(copy, 'dist'),
    describe: 'node scripts/build.ts --verbose (in a copy of the project)',
  };
}

/**
 * The content folder for a synthetic model: the project's generic docs pages, but none of the
 * Saghaugen prose (entity stories and runbook notes link to Saghaugen's entities with [[kind:id]]).
 */
function syntheticContentDir(ctx: Context): string {
  const dir = join(ctx.work, 'content-synthetic');
  if (!existsSync(dir)) {
    mkdirSync(join(dir, 'entities'), { recursive: true });
    mkdirSync(join(dir, 'runbook'), { recursive: true });
    const docs = join(ctx.copy, 'content', 'docs');
    if (existsSync(docs)) cpSync(docs, join(dir, 'docs'), { recursive: true });
    else mkdirSync(join(dir, 'docs'), { recursive: true });
  }
  return dir;
}

export async function buildProject(
  ctx: Context,
  modelDir: string,
  cache: string,
  log: string,
  synthetic: boolean,
  pdf: boolean,
  keepOutput = false,
): Promise<BuildMeasure> {
  if (!keepOutput) rmSync(ctx.buildCommand.outDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...baseEnv(), DRIFTSBOK_MODEL_DIR: modelDir, DRIFTSBOK_DIAGRAM_CACHE: cache };
  if (synthetic) env.DRIFTSBOK_CONTENT_DIR = syntheticContentDir(ctx);
  const args = [...ctx.buildCommand.args, ...(!pdf ? ['--no-pdf'] : [])];
  const result = await run(ctx.buildCommand.cmd, args, ctx.copy, env, log, ctx.options.timeoutMin * 60_000);
  const ok = result.code === 0;
  if (result.timedOut) status(`  build stopped after the ${ctx.options.timeoutMin}-minute timeout`);
  else if (!ok) {
    const tail = result.output.trim().split('\n').slice(-15).join('\n');
    status(`  build FAILED (exit ${result.code}); last lines:\n${tail.replace(/^/gm, '    | ')}`);
  }
  const errorLine = ok
    ? undefined
    : result.timedOut
      ? `TIMEOUT: stopped after ${ctx.options.timeoutMin} min (${lastProgress(result.output)})`
      : firstError(result.output);
  return {
    ms: result.ms,
    ...(result.cpuSeconds !== undefined ? { cpuSeconds: result.cpuSeconds } : {}),
    ok,
    diagrams: parseDiagramLine(result.output),
    phases: parseBuildPhases(result.output),
    log,
    ...(ok && /\bup to date\b/.test(result.output) ? { upToDate: true } : {}),
    ...(result.timedOut ? { timedOut: true } : {}),
    ...(errorLine ? { error: errorLine.replace(/^.*?\[ERROR\]\s*/, '').slice(0, 300) } : {}),
  };
}

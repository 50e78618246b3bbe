/**
 * The site's diagrams drawn the way a Starlight user would otherwise: as ```mermaid blocks in
 * Markdown pages of the plain site, by rehype-mermaid (src/bench/rehype-mermaid.ts has the pure parts).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromiumLaunchOptions } from '../browser/chromium.ts';
import { siteDiagrams } from '../diagrams/all.ts';
import { createSiteData } from '../site/data.ts';
import { entityHref } from '../site/urls.ts';
import {
  countRehypeOutcome,
  groupDiagramsByPage,
  pageWithDiagrams,
  parseRehypeFailures,
  rehypeMermaidConfig,
  type RehypeMeasure,
  type RehypeStrategy,
} from './rehype-mermaid.ts';
import { ROOT } from './project.ts';
import { makePlainProject, PLAIN_CONFIG, plainPage } from './plain-site.ts';
import { listHtml } from './site-stats.ts';
import { firstError, formatMs as fmtMs, ofMedian } from './report.ts';
import { median, repeatShort } from './repeat.ts';
import { astroBin, baseEnv, run, status } from './run.ts';
import type { Context } from './types.ts';

/** The Mermaid that rehype-mermaid draws with: mermaid-isomorphic's own (it may differ from ours). */
function rehypeMermaidVersion(): string | undefined {
  for (const path of ['node_modules/mermaid-isomorphic/node_modules/mermaid/package.json', 'node_modules/mermaid/package.json']) {
    const file = join(ROOT, path);
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return undefined;
}

/**
 * The site's diagrams (the specs the build renders, siteDiagrams) as ```mermaid code blocks in the
 * plain site of the same page counts, grouped into pages like ours, drawn by rehype-mermaid: a cold
 * build with strategy inline-svg, and one with pre-mermaid (same pages, processor and plugin, no
 * browser), each the median of three when short. The difference is what drawing them cost.
 */
export async function rehypeBench(
  ctx: Context,
  modelDir: string,
  scale: number,
  label: string,
  plainPages: { nb: number; en: number },
  plainMs: number | undefined,
): Promise<RehypeMeasure> {
  const started = performance.now();
  const failed = (error: unknown): RehypeMeasure => {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    status(`  rehype-mermaid: FAILED: ${message}`);
    return { diagrams: 0, pages: 0, ok: false, ms: performance.now() - started, error: message, rendered: 0, failed: 0, failures: [] };
  };
  let specs: ReturnType<typeof siteDiagrams>;
  let launch: ReturnType<typeof chromiumLaunchOptions>;
  try {
    const data = createSiteData({ ...baseEnv(), DRIFTSBOK_MODEL_DIR: modelDir });
    specs = siteDiagrams(data.model, data.analysis, data.model.site.locales, entityHref);
    launch = chromiumLaunchOptions(baseEnv());
  } catch (error) {
    return failed(error);
  }
  const groups = groupDiagramsByPage(specs);
  const mermaidVersion = rehypeMermaidVersion();
  const dir = join(ctx.work, `rehype-x${scale}`);
  rmSync(dir, { recursive: true, force: true });
  makePlainProject(dir, Math.max(1, plainPages.nb), Math.max(1, plainPages.en));
  // Page n of each language (from 1; 0 is its home page) gets the nth group of that language.
  const next = { nb: 1, en: 1 };
  for (const group of groups) {
    const lang = group.lang === 'en' ? 'en' : 'nb';
    const n = next[lang]++;
    const file = join(dir, 'src/content/docs', lang === 'en' ? 'en/p' : 'p', `${n}.md`);
    writeFileSync(file, pageWithDiagrams(plainPage(lang === 'en' ? `Page ${n}` : `Side ${n}`, lang, n), group.diagrams));
  }
  const measure: RehypeMeasure = {
    diagrams: specs.length,
    pages: groups.length,
    ...(mermaidVersion ? { mermaidVersion } : {}),
    ok: false,
    ms: 0,
    rendered: 0,
    failed: 0,
    failures: [],
    ...(plainMs !== undefined ? { plainMs } : {}),
  };
  const launchOptions = {
    headless: true,
    args: launch.args ?? [],
    ...(launch.executablePath ? { executablePath: launch.executablePath } : {}),
  };
  const build = (strategy: RehypeStrategy) => {
    writeFileSync(join(dir, 'astro.config.mjs'), rehypeMermaidConfig(PLAIN_CONFIG, { strategy, launchOptions }));
    return repeatShort(
      (n) => {
        for (const cacheDir of ['dist', 'node_modules/.astro', 'node_modules/.vite', '.astro'])
          rmSync(join(dir, cacheDir), { recursive: true, force: true });
        return run(
          process.execPath,
          [astroBin(dir), 'build'],
          dir,
          baseEnv(),
          join(ctx.work, `rehype-x${scale}-${strategy}-${n}.log`),
          ctx.options.timeoutMin * 60_000,
        );
      },
      (r) => r.code === 0,
    );
  };
  try {
    status(`${label}: rehype-mermaid (inline-svg), ${specs.length} diagrams on ${groups.length} pages of the plain site, cold…`);
    const inlineRuns = await build('inline-svg');
    const inline = median(inlineRuns);
    measure.ms = inline.ms;
    measure.ok = inline.code === 0;
    measure.failures = parseRehypeFailures(inline.output);
    if (!measure.ok) {
      measure.error = inline.timedOut
        ? `TIMEOUT after ${fmtMs(inline.ms)}`
        : (firstError(inline.output) ?? `exit ${inline.code}`).slice(0, 300);
      status(`  FAILED: ${measure.error}; see ${inline.log}`);
      return measure;
    }
    // The last build's pages (every run draws the same diagrams).
    for (const page of listHtml(join(dir, 'dist'))) {
      const outcome = countRehypeOutcome(readFileSync(page, 'utf8'));
      measure.rendered += outcome.rendered;
      measure.failed += outcome.failed;
    }
    status(
      `  ${fmtMs(inline.ms)}${ofMedian(inlineRuns)}; ${measure.rendered} drawn, ${measure.failed} failed` +
        `${measure.failures.length ? ` (first: ${measure.failures[0]})` : ''}; the same pages unrendered (pre-mermaid)…`,
    );
    const preRuns = await build('pre-mermaid');
    const pre = median(preRuns);
    if (pre.code === 0) measure.preMermaidMs = pre.ms;
    status(`  ${pre.code === 0 ? fmtMs(pre.ms) : `FAILED (exit ${pre.code}); see ${pre.log}`}${ofMedian(preRuns)}`);
    return measure;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

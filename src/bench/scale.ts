/**
 * One scale of the bench: the model (Saghaugen's at scale 1, else synthetic), its check, the cold,
 * warm and kept-dist builds, the one-field rebuild, the two floors (pages alone, diagrams alone),
 * the plain Starlight site of the same page counts, and the rehype-mermaid comparison.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeSyntheticModel } from './write-synthetic-model.ts';
import { loadModel } from '../model/load-model.ts';
import { probeWholeModelDiagrams, timeCheck } from './model-check.ts';
import { buildProject } from './project.ts';
import { makePlainProject } from './plain-site.ts';
import { siteStats } from './site-stats.ts';
import { rehypeBench } from './rehype-bench.ts';
import { diagramCounts, firstError, formatMs as fmtMs, ofMedian } from './report.ts';
import { median, repeatShort } from './repeat.ts';
import { astroBin, baseEnv, run, status } from './run.ts';
import type { Context, PlainMeasure, ScaleResult } from './types.ts';

/**
 * The site's diagrams rendered alone from an empty cache (src/bench/render-diagrams.ts, in the
 * project copy, with the build's settings): the median of three when short, like the builds.
 */
export async function renderAlone(
  ctx: Context,
  modelDir: string,
  cache: string,
  scale: number,
  label: string,
): Promise<ScaleResult['diagramsAlone']> {
  status(`${label}: the diagrams alone (empty cache, no Astro, no PDFs)…`);
  const runs = await repeatShort(
    async (n) => {
      rmSync(cache, { recursive: true, force: true });
      mkdirSync(cache, { recursive: true });
      const env = { ...baseEnv(), DRIFTSBOK_MODEL_DIR: modelDir, DRIFTSBOK_DIAGRAM_CACHE: cache };
      const r = await run(
        process.execPath,
        ['src/bench/render-diagrams.ts', modelDir],
        ctx.copy,
        env,
        join(ctx.work, `alone-x${scale}-${n}.log`),
        ctx.options.timeoutMin * 60_000,
      );
      const line = r.output.split('\n').find((l) => l.startsWith('{'));
      const rendered = line ? (JSON.parse(line) as { rendered: number }).rendered : undefined;
      return { ...r, rendered };
    },
    (r) => r.code === 0,
  );
  const m = median(runs);
  if (m.code !== 0) {
    const error = m.timedOut ? `TIMEOUT after ${fmtMs(m.ms)}` : (firstError(m.output) ?? `exit ${m.code}`);
    status(`  FAILED: ${error}`);
    return { ms: m.ms, ok: false, error };
  }
  status(`  ${fmtMs(m.ms)} for ${m.rendered ?? '?'} diagrams${ofMedian(runs)}`);
  return {
    ms: m.ms,
    ok: true,
    ...(m.cpuSeconds !== undefined ? { cpuSeconds: m.cpuSeconds } : {}),
    ...(m.rendered !== undefined ? { rendered: m.rendered } : {}),
  };
}

/**
 * `npm run build` after changing one field of one guest (the first `memoryMb:` in the model, + 1):
 * the diagrams that show that guest are the only ones to render again, and no diagram shows a
 * guest's memory, so the build should render none. The model file is put back afterwards.
 */
export async function oneFieldRebuild(
  ctx: Context,
  modelDir: string,
  cache: string,
  scale: number,
  label: string,
  synthetic: boolean,
  pdf: boolean,
): Promise<ScaleResult['oneField']> {
  const file = readdirSync(modelDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(modelDir, f))
    .find((f) => /^\s*memoryMb: \d+/m.test(readFileSync(f, 'utf8')));
  if (!file) return undefined;
  const original = readFileSync(file, 'utf8');
  const edited = original.replace(/^(\s*memoryMb: )(\d+)/m, (_, head: string, n: string) => `${head}${Number(n) + 1}`);
  const field = `${relative(modelDir, file)}: ${/^\s*memoryMb: \d+/m.exec(original)![0].trim()} → +1`;
  status(`${label}: one field changed (${field}), npm run build…`);
  writeFileSync(file, edited);
  try {
    const m = await buildProject(ctx, modelDir, cache, join(ctx.work, `build-x${scale}-one-field.log`), synthetic, pdf, true);
    status(`  ${fmtMs(m.ms)}, diagrams: ${diagramCounts(m.diagrams)}`);
    return { ...m, field };
  } finally {
    writeFileSync(file, original);
  }
}

export async function benchScale(
  ctx: Context,
  scale: number,
  plainCache: Map<string, ScaleResult['plain']>,
  reference: ScaleResult | undefined,
): Promise<ScaleResult> {
  const { work } = ctx;
  let modelDir: string;
  let label: string;
  if (scale === 1 && existsSync(join(ctx.copy, 'model')) && loadModel(join(ctx.copy, 'model')).ok) {
    modelDir = join(ctx.copy, 'model');
    label = 'Saghaugen';
  } else {
    modelDir = join(work, 'models', `x${scale}`);
    writeSyntheticModel(modelDir, scale);
    label = scale === 1 ? 'synthetic 1× (model/ missing or invalid)' : `synthetic ${scale}×`;
  }
  status(`${label}: model check…`);
  const check = await timeCheck(modelDir, ctx.checkModel);
  const result: ScaleResult = { scale, label, modelDir, check, entities: check.entities };
  if (check.error) status(`  model check problem: ${check.error}`);
  result.diagramProbe = await probeWholeModelDiagrams(modelDir);
  if (result.diagramProbe) {
    const p = result.diagramProbe;
    status(
      `  largest whole-model diagram: ${p.largest.id}, ${p.largest.bytes} bytes of Mermaid (limit ${p.maxTextSize})${p.over.length ? `; over the limit: ${p.over.join(', ')}` : ''}`,
    );
  }

  const cache = join(work, `diagram-cache-x${scale}`);
  // Cold means cold: no diagram cache and no Astro/Vite cache from an earlier run or scale either.
  const emptyCaches = () => {
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    for (const dir of ['node_modules/.astro', 'node_modules/.vite', '.astro', '.cache']) {
      rmSync(join(ctx.copy, dir), { recursive: true, force: true });
    }
  };
  status(`${label}: cold build (empty caches)…`);
  const synthetic = label !== 'Saghaugen';
  const pdf = ctx.options.pdf && scale <= ctx.options.pdfMaxScale;
  result.pdf = pdf;
  if (ctx.options.pdf && !pdf)
    status(`  (built without the runbook PDFs: scale ${scale} is above --pdf-max-scale ${ctx.options.pdfMaxScale})`);
  // Each from empty caches.
  const coldRuns = await repeatShort(
    (n) => (emptyCaches(), buildProject(ctx, modelDir, cache, join(work, `build-x${scale}-cold-${n}.log`), synthetic, pdf)),
    (r) => r.ok,
  );
  result.cold = median(coldRuns);
  if (coldRuns.length > 1) status(`  cold builds: ${coldRuns.map((r) => fmtMs(r.ms)).join(', ')} (median counts)`);
  let plainPages: { nb: number; en: number } | undefined;
  if (!result.cold.ok) {
    // The plain baseline is still worth having at this size: estimate its page counts from the
    // first scale that built, in proportion to the entities.
    if (!reference?.site || !reference.entities || !result.entities) return result;
    const factor = result.entities / reference.entities;
    plainPages = { nb: Math.round(reference.site.nbPages * factor), en: Math.round(reference.site.enPages * factor) };
    result.plainPagesEstimated = true;
  } else {
    result.site = siteStats(ctx.buildCommand.outDir);
    const d = result.cold.diagrams;
    status(`  ${fmtMs(result.cold.ms)}, ${result.site.pages} pages, diagrams: ${diagramCounts(d)}`);
    if (d && d.rendered > 0) {
      result.diagramsPerBuildSecond = d.rendered / (result.cold.ms / 1000);
      if (d.msPerDiagram) result.diagramsPerRenderSecond = 1000 / d.msPerDiagram;
    }
    if (scale <= ctx.options.aloneMaxScale) {
      status(`${label}: the pages alone (Astro's caches empty, every diagram and PDF from cache)…`);
      const runs = await repeatShort(
        (n) => {
          // The cold build's diagram and PDF caches stay; only Astro's and Vite's go.
          for (const dir of ['node_modules/.astro', 'node_modules/.vite', '.astro', '.cache/astro'])
            rmSync(join(ctx.copy, dir), { recursive: true, force: true });
          return buildProject(ctx, modelDir, cache, join(work, `build-x${scale}-pages-${n}.log`), synthetic, pdf);
        },
        (r) => r.ok,
      );
      result.pagesAlone = median(runs);
      const d = result.pagesAlone.diagrams;
      status(`  ${fmtMs(result.pagesAlone.ms)}${ofMedian(runs)}, diagrams: ${diagramCounts(d)}`);
    }
    if (ctx.options.warm) {
      status(`${label}: warm rebuild (same caches, dist/ deleted first: Astro runs)…`);
      const warmRuns = await repeatShort(
        (n) => buildProject(ctx, modelDir, cache, join(work, `build-x${scale}-warm-${n}.log`), synthetic, pdf),
        (r) => r.ok,
      );
      result.warm = median(warmRuns);
      const w = result.warm.diagrams;
      status(`  ${fmtMs(result.warm.ms)}${ofMedian(warmRuns)}, ` + `diagrams: ${diagramCounts(w)}`);
      // What a person sees running `npm run build` twice: the last warm build's dist/ stays.
      status(`${label}: rebuild with dist/ kept (npm run build twice)…`);
      const rebuilds = await repeatShort(
        (n) => buildProject(ctx, modelDir, cache, join(work, `build-x${scale}-rebuild-${n}.log`), synthetic, pdf, true),
        (r) => r.ok,
      );
      result.rebuild = median(rebuilds);
      status(`  ${fmtMs(result.rebuild.ms)} (${rebuilds.map((r) => `${fmtMs(r.ms)}${r.upToDate ? ' up to date' : ''}`).join(', ')})`);
      result.oneField = await oneFieldRebuild(ctx, modelDir, cache, scale, label, synthetic, pdf);
    }
    if (scale <= ctx.options.aloneMaxScale) result.diagramsAlone = await renderAlone(ctx, modelDir, cache, scale, label);
    plainPages = { nb: result.site.nbPages, en: result.site.enPages };
  }
  rmSync(ctx.buildCommand.outDir, { recursive: true, force: true });

  if (ctx.options.plain) {
    const nb = Math.max(1, plainPages.nb);
    const en = Math.max(1, plainPages.en);
    const key = `${nb}+${en}`;
    if (!plainCache.has(key)) {
      plainCache.set(key, await plainBench(ctx, scale, label, { nb, en }, result.plainPagesEstimated === true, result.warm?.ok === true));
    }
    result.plain = plainCache.get(key);
  }
  if (scale <= ctx.options.rehypeMaxScale) {
    result.rehype = await rehypeBench(ctx, modelDir, scale, label, plainPages, result.plain?.ok ? result.plain.coldMs : undefined);
  }
  return result;
}

/**
 * The plain Starlight site with these page counts: a cold build (the median of three when short),
 * and, when the project had a warm build to compare with, a rebuild with Astro's caches warm.
 */
async function plainBench(
  ctx: Context,
  scale: number,
  label: string,
  { nb, en }: { nb: number; en: number },
  estimated: boolean,
  warmOk: boolean,
): Promise<PlainMeasure> {
  const dir = join(ctx.work, `plain-${nb}-${en}`);
  makePlainProject(dir, nb, en);
  status(`${label}: plain Starlight build, ${estimated ? '≈' : ''}${nb} nb + ${en} en pages…`);
  const plainBuild = (log: string) =>
    run(process.execPath, [astroBin(dir), 'build'], dir, baseEnv(), join(ctx.work, log), ctx.options.timeoutMin * 60_000);
  const colds = await repeatShort(
    (n) => {
      for (const cacheDir of ['dist', 'node_modules/.astro', 'node_modules/.vite', '.astro'])
        rmSync(join(dir, cacheDir), { recursive: true, force: true });
      return plainBuild(`plain-x${scale}-cold-${n}.log`);
    },
    (r) => r.code === 0,
  );
  const first = median(colds);
  if (colds.length > 1) status(`  plain cold builds: ${colds.map((r) => fmtMs(r.ms)).join(', ')} (median counts)`);
  const site = siteStats(join(dir, 'dist'));
  const measure: PlainMeasure = {
    coldMs: first.ms,
    ...(first.cpuSeconds !== undefined ? { coldCpuSeconds: first.cpuSeconds } : {}),
    ok: first.code === 0,
    site,
    log: first.log,
    ...(first.timedOut ? { timedOut: true } : {}),
  };
  if (!measure.ok)
    status(`  plain build ${first.timedOut ? 'TIMEOUT' : 'FAILED'} after ${fmtMs(first.ms)} (exit ${first.code}); see ${first.log}`);
  else if (!warmOk) status(`  ${fmtMs(first.ms)}, ${site.pages} pages (no plain rebuild: nothing warm to compare)`);
  else {
    status(`  ${fmtMs(first.ms)}, ${site.pages} pages; plain rebuild…`);
    const rebuilds = await repeatShort(
      (n) => plainBuild(`plain-x${scale}-warm-${n}.log`),
      (r) => r.code === 0,
    );
    const second = median(rebuilds);
    if (second.code === 0) measure.warmMs = second.ms;
    status(`  ${second.code === 0 ? fmtMs(second.ms) : `rebuild FAILED (exit ${second.code})`}${ofMedian(rebuilds)}`);
  }
  rmSync(dir, { recursive: true, force: true });
  return measure;
}

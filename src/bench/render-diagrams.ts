/**
 * For `npm run bench`: renders every diagram the site of a model shows, and nothing else (no Astro,
 * no pages, no PDFs), the way the build renders them (render.ts: one Chromium, renderPageCount()
 * pages, the disk cache named by DRIFTSBOK_DIAGRAM_CACHE, which the bench empties first). Its time
 * is a floor under any cold build of that model on this machine: the build does this and more.
 *
 *   node src/bench/render-diagrams.ts <model dir>
 *
 * Prints one JSON line: { "diagrams": N, "rendered": N, "ms": wall time from the first diagram
 * queued to the last one written, "stats": renderStats() }. Exit 1 on any failure.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { siteDiagrams } from '../diagrams/all.ts';
import { closeRenderer, prerenderDiagrams, renderStats, resetRenderStats, setRendererLog } from '../diagrams/render.ts';
import { createSiteData } from '../site/data.ts';
import { entityHref } from '../site/urls.ts';

export interface RenderAloneResult {
  diagrams: number;
  rendered: number;
  ms: number;
  stats: ReturnType<typeof renderStats>;
}

/** `env` supplies the model settings (profile); the cache folder is read from process.env, as in a build. */
export async function renderDiagramsAlone(modelDir: string, env: NodeJS.ProcessEnv = process.env): Promise<RenderAloneResult> {
  const data = createSiteData({ ...env, DRIFTSBOK_MODEL_DIR: modelDir });
  const specs = siteDiagrams(data.model, data.analysis, data.model.site.locales, entityHref);
  resetRenderStats();
  setRendererLog(() => undefined);
  const started = performance.now();
  try {
    const { done } = prerenderDiagrams(specs);
    await done;
    const ms = performance.now() - started;
    const stats = renderStats();
    return { diagrams: specs.length, rendered: stats.rendered, ms, stats };
  } finally {
    await closeRenderer();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node src/bench/render-diagrams.ts <model dir>');
    process.exit(2);
  }
  try {
    console.log(JSON.stringify(await renderDiagramsAlone(resolve(dir))));
    process.exit(0);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

/**
 * The Astro integration for diagrams: resets counters when a build starts, routes progress to
 * Astro's logger, and at the end prints "diagrams: N rendered, M from cache" and closes the shared
 * Chromium (which only ever starts when some diagram is not in the cache).
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, closeRenderer, pruneCache, renderStats, resetRenderStats, setRendererLog } from './render.ts';

export function diagramsIntegration(): AstroIntegration {
  return {
    name: 'driftsbok:diagrams',
    hooks: {
      'astro:build:start': ({ logger }) => {
        resetRenderStats();
        setRendererLog((message) => logger.info(message));
      },
      'astro:build:done': async ({ logger }) => {
        await closeRenderer();
        const s = renderStats();
        const timing = s.rendered
          ? ` (browser start ${(s.startMs / 1000).toFixed(1)} s, ${(s.renderMs / s.rendered).toFixed(0)} ms per diagram: ` +
            `${((s.mermaidMs ?? 0) / s.rendered).toFixed(0)} in Mermaid, ${((s.postMs ?? 0) / s.rendered).toFixed(1)} post-processing, ` +
            `${((s.renderMs - (s.mermaidMs ?? 0) - (s.postMs ?? 0)) / s.rendered).toFixed(1)} page round trip)`
          : '';
        const pruned = pruneCache();
        logger.info(`diagrams: ${s.rendered} rendered, ${s.cached} from cache${timing}${pruned ? `; ${pruned} unused for 30 days removed from the cache` : ''}`);
        // For the benchmark and the cache test: the numbers of the last build, as JSON.
        try {
          mkdirSync(cacheDir(), { recursive: true });
          writeFileSync(join(cacheDir(), 'last-build.json'), JSON.stringify(s) + '\n');
        } catch {
          /* the cache folder is optional */
        }
      },
      'astro:server:done': async () => {
        await closeRenderer();
      },
    },
  };
}

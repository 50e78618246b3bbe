/**
 * The Astro integration for diagrams: resets counters when a build starts, routes progress to
 * Astro's logger, and at the end prints "diagrams: N rendered, M from cache" and closes the shared
 * Chromium (which only ever starts when some diagram is not in the cache).
 *
 * scripts/build.ts runs Astro in its own process, starts rendering before Astro does and holds the
 * renderer (holdRenderer); then these hooks leave counting, printing and closing to it.
 */
import type { AstroIntegration } from 'astro';
import { closeRenderer, rendererHeld, resetRenderStats, setRendererLog } from './render.ts';
import { finishDiagramBuild } from './report.ts';

export function diagramsIntegration(): AstroIntegration {
  return {
    name: 'driftsbok:diagrams',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (rendererHeld()) return;
        resetRenderStats();
        setRendererLog((message) => logger.info(message));
      },
      'astro:build:done': async ({ logger }) => {
        if (rendererHeld()) return;
        await closeRenderer();
        logger.info(finishDiagramBuild());
      },
      'astro:server:done': async () => {
        if (!rendererHeld()) await closeRenderer();
      },
    },
  };
}

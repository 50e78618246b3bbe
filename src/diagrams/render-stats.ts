/** What a build's rendering did and cost, summed over its render pages, and its progress lines. */

export interface RenderStats {
  /** Distinct diagrams rendered in this build. */
  rendered: number;
  /** Distinct diagrams this build took from the disk cache. */
  cached: number;
  /** Milliseconds of rendering, summed over the pages that render in parallel. */
  renderMs: number;
  /** Milliseconds to start Chromium and load Mermaid into the pages (0 when it never started). */
  startMs: number;
  /** Of renderMs: inside the page (mermaid.render, timed there). */
  mermaidMs?: number;
  /** Of renderMs: Node post-processing (ids, CSS pruning, safety checks). */
  postMs?: number;
  /** The most Chromium pages that rendered at once. */
  workers?: number;
  /** Diagrams rendered twice because Mermaid changed a memoised config (mermaid-speedup.ts). */
  renderedAgain?: number;
}

/** The timings; the counts come from the sets of keys (renderStats). */
export type RenderTimings = Omit<RenderStats, 'rendered' | 'cached'>;

export function emptyStats(): RenderTimings {
  return { renderMs: 0, startMs: 0, mermaidMs: 0, postMs: 0, workers: 0, renderedAgain: 0 };
}

/** Adds one rendered diagram's times to the build's. */
export function addRender(stats: RenderTimings, times: { totalMs: number; mermaidMs: number; postMs: number; again: boolean }): void {
  stats.postMs = (stats.postMs ?? 0) + times.postMs;
  stats.mermaidMs = (stats.mermaidMs ?? 0) + times.mermaidMs;
  if (times.again) stats.renderedAgain = (stats.renderedAgain ?? 0) + 1;
  stats.renderMs += times.totalMs;
}

/** The progress line after the `count`th diagram rendered: the first and every 25th; else undefined. */
export function progressLine(count: number, specId: string, stats: RenderTimings, waiting: number): string | undefined {
  if (count !== 1 && count % 25 !== 0) return undefined;
  return `diagrams: rendered ${count} (last: ${specId}, ${(stats.renderMs / count).toFixed(0)} ms each, ${waiting} waiting)`;
}

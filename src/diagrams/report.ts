/**
 * The end of a build's diagram work: the summary line ("diagrams: N rendered, M from cache", which
 * the benchmark and the cache test read), pruning of old cache entries, and the numbers as JSON in
 * the cache folder (last-build.json). Node-only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, pruneCache, renderStats } from './render.ts';

export function finishDiagramBuild(): string {
  const s = renderStats();
  const timing = s.rendered
    ? ` (${s.workers ?? 1} page(s) in parallel, browser start ${(s.startMs / 1000).toFixed(1)} s, ${(s.renderMs / s.rendered).toFixed(0)} ms per diagram: ` +
      `${((s.mermaidMs ?? 0) / s.rendered).toFixed(0)} in Mermaid, ${((s.postMs ?? 0) / s.rendered).toFixed(1)} post-processing, ` +
      `${((s.renderMs - (s.mermaidMs ?? 0) - (s.postMs ?? 0)) / s.rendered).toFixed(1)} page round trip)`
    : '';
  const pruned = pruneCache();
  try {
    mkdirSync(cacheDir(), { recursive: true });
    writeFileSync(join(cacheDir(), 'last-build.json'), JSON.stringify(s) + '\n');
  } catch {
    /* the cache folder is optional */
  }
  // The speed-up's safety net caught Mermaid changing a shared config: worth knowing, not an error.
  const again = s.renderedAgain ? `; ${s.renderedAgain} rendered twice (Mermaid changed a memoised config; see mermaid-speedup.ts)` : '';
  return `diagrams: ${s.rendered} rendered, ${s.cached} from cache${timing}${again}${pruned ? `; ${pruned} unused for 30 days removed from the cache` : ''}`;
}

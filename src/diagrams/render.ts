/**
 * Rendering Mermaid text to static SVG at build time. Node-only.
 *
 * One Chromium per build process and a few pages in it (one per core, at most 4; Mermaid's page is
 * not re-entrant, so each page renders one diagram at a time), each loading mermaid.min.js once
 * (injected from node_modules, no network, patched by mermaid-speedup.ts to stop copying its
 * configuration on every call, which was ~45 % of its CPU). Workers take diagrams from one queue; a
 * diagram a page of the site is waiting for goes to its front, diagrams queued ahead of time by
 * prerenderDiagrams (scripts/build.ts, before Astro starts) to its back. A diagram still costs
 * Mermaid ~35-45 ms of CPU on this machine (~19 ms of it fixed, even for two boxes: ELK, DOMPurify
 * over the SVG, configuration), so rendering on every core, not batching calls, is what makes a
 * cold build faster. State lives on globalThis because the build script, the Astro config
 * and the pages load this module as separate copies in one process.
 *
 * A disk cache keyed by sha256(renderer version, Mermaid version, whether and which speed patch,
 * render options, spec id, text)
 * means a rebuild with an unchanged model never starts the browser.
 *
 * Labels: `htmlLabels: true`. Every model string is escaped to Mermaid entity codes (escape.ts), which
 * Mermaid turns into text inside its own <foreignObject><div><span><p> wrappers, so a model string
 * can only ever be text (assertSafeSvg checks that no other element appears there). With
 * `htmlLabels: false` Mermaid 12 turns entity codes into literal "&#40;" text in edge labels,
 * subgraph titles and one-line node labels, and its word wrapping splits inside them, so hostile
 * strings could not be shown literally; HTML labels also print and lay out better.
 *
 * Theme: rendered once with theme 'default' (light). Diagram.astro inverts it for Starlight's dark
 * theme with a CSS filter keyed on <html data-theme="dark">, and print is always light.
 *
 * This module is the renderer's public face; the parts live beside it:
 *   render-pool.ts    the browser, its render pages, the queue and the workers; counts and lifetime
 *   render-page.ts    one render page: prepareRenderPage, and renderInBrowser that runs inside it
 *   render-cache.ts   the cache key, entries (hash trailer), verification on read, pruning
 *   svg-post.ts       postProcess, pruneUnusedCss, the safety check (unsafeSvgProblems, assertSafeSvg)
 *   render-stats.ts   what the rendering did and cost, and its progress lines
 *   render-config.ts  RENDERER_VERSION and MERMAID_CONFIG
 *   mermaid-script.ts Mermaid's bundle, its version, the speed patch in it and its identity
 *   diagram-error.ts  DiagramError
 */
export { DiagramError } from './diagram-error.ts';
export { MERMAID_CONFIG, RENDERER_VERSION } from './render-config.ts';
export { mermaidPatchId, mermaidScript, mermaidVersion, withSpeedup } from './mermaid-script.ts';
export { cacheDir, cacheEntry, cacheKey, isCached, pruneCache, verifyCacheEntry } from './render-cache.ts';
export { assertSafeSvg, postProcess, pruneUnusedCss, unsafeSvgProblems } from './svg-post.ts';
export { prepareRenderPage, renderInBrowser, type BrowserRenderResult } from './render-page.ts';
export type { RenderStats } from './render-stats.ts';
export {
  browserStarted,
  closeRenderer,
  holdRenderer,
  prerenderDiagrams,
  renderDiagram,
  rendererHeld,
  renderPageCount,
  renderStats,
  resetRenderStats,
  setRendererLog,
  shareBrowser,
} from './render-pool.ts';

/**
 * Diagrams: pure functions from the model (and analysis results) to Mermaid text (DiagramSpec).
 * Rendering to SVG lives in render.ts (Node-only) and is reached through <Diagram diagram={…} />.
 *
 * Every generator takes the language and `hrefFor(key)` (e.g. `(k) => entityHref(k, lang)`) last.
 */
export type { DiagramSpec, HrefFor } from './types.ts';
export { topologyDiagram, failureDiagram, architectureDiagram, powerDiagram, planDiagrams, FAILURE_MAX_LEVEL } from './generators.ts';
export { escapeLabel, escapeLine } from './escape.ts';
export { allDiagrams, siteDiagrams } from './all.ts';

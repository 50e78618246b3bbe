/**
 * A diagram as data: what pages place with `<Diagram diagram={…} />` and what the renderer turns
 * into SVG. Generators (src/diagrams/index.ts) are pure functions that return these.
 */
export interface DiagramSpec {
  /**
   * Unique per site and stable across builds ("failure-proxmox-down-start-nb"). Used as the prefix of
   * every id in the SVG, so several diagrams on one page never restyle each other. [a-z0-9-] only.
   */
  id: string;
  /** Where the diagram comes from, for error messages: "scenario:proxmox-down phase ups-empty". */
  source: string;
  /** The accessible name (also accTitle) and the figure caption. Plain text. */
  title: string;
  /** The accessible description (also accDescr). Plain text. */
  description: string;
  /** The Mermaid source. Every model string in it is escaped (see escape.ts). */
  mermaid: string;
}

/** Gives the site URL of an entity page for a `kind:id` key, e.g. (k) => entityHref(k, lang). */
export type HrefFor = (key: string) => string;

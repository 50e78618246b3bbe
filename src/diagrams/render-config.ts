/**
 * What the renderer draws with: its own version (in every cache key) and Mermaid's configuration
 * (in every cache key, and given to Mermaid in each render page).
 */

/** Bump when post-processing or anything else that shapes the output changes. */
export const RENDERER_VERSION = '6';

export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'default',
  // 'neo' (Mermaid 12's default) draws every box as a long curved path: ~5x the bytes.
  look: 'classic',
  htmlLabels: true,
  flowchart: { useMaxWidth: true, curve: 'basis', padding: 8 },
  deterministicIds: true,
  // The font the build measures labels with comes first: DejaVu Sans is what .ci/run installs
  // (fonts-dejavu-core: æøå, ✓, ✗) and what Debian's Chromium falls back to anyway. Named first, every
  // label is laid out with the same font on every such machine, without fontconfig first looking
  // for system-ui, -apple-system, Roboto … that a server does not have. Readers without it get
  // Verdana or Arial, which are no wider, so labels still fit their boxes.
  fontFamily: '"DejaVu Sans", Verdana, "Segoe UI", Arial, sans-serif',
  // Mermaid's default is 50 000 characters; the build fails (by design) past this.
  maxTextSize: 50_000,
} as const;

/**
 * Where a diagram goes on paper so that its smallest text stays legible: on the portrait page with
 * the rest of its phase, on a landscape page of its own, or (when neither is legible) not at all.
 * Pure: sizes in, a placement out. The numbers are the runbook's print layout (runbook.css,
 * src/runbook/print-pdf.ts): A4, 14 mm side margins, main's 4 mm padding; at 96 CSS px per inch.
 */

/** Mermaid draws every label (boxes, arrows, group titles) at the theme's 16 px. */
export const DIAGRAM_TEXT_PX = 16;
/** The smallest text the issue allows on A4. */
export const MIN_PRINT_PT = 7;

const PX_PER_MM = 96 / 25.4;
const PT_PER_PX = 0.75;

/**
 * The box a diagram's SVG may take, in mm: the page body less main's padding (2 × 4 mm) and the
 * figure's (Diagram.astro: 2 × 0.5 rem ≈ 4.3 mm), and less the heading and caption around it.
 */
export const PRINT_AREAS = {
  // 210 − 2 × 14 − 8 − 4.3 mm wide (rounded down); max-height of .rb-diagram svg in runbook.css.
  portrait: { widthMm: 169, heightMm: 235 },
  // 297 − 2 × 14 − 8 − 4.3 mm wide; 210 − 14 − 18 mm tall less ~18 mm for the caption and a heading.
  landscape: { widthMm: 256, heightMm: 160 },
} as const;

export type PrintPage = keyof typeof PRINT_AREAS;

/** The size of the diagram's text, in pt, when the SVG is scaled to fit `page`. */
export function printedTextPt(widthPx: number, heightPx: number, page: PrintPage): number {
  const area = PRINT_AREAS[page];
  const scale = Math.min(1, (area.widthMm * PX_PER_MM) / widthPx, (area.heightMm * PX_PER_MM) / heightPx);
  return DIAGRAM_TEXT_PX * scale * PT_PER_PX;
}

/** The first page (portrait before landscape) where the text is at least MIN_PRINT_PT, or undefined. */
export function printPlacement(widthPx: number, heightPx: number): { page: PrintPage; textPt: number } | undefined {
  if (!(widthPx > 0 && heightPx > 0)) return undefined;
  for (const page of ['portrait', 'landscape'] as const) {
    const textPt = printedTextPt(widthPx, heightPx, page);
    if (textPt >= MIN_PRINT_PT) return { page, textPt };
  }
  return undefined;
}

/** The natural size of a rendered Mermaid SVG, from its viewBox. */
export function svgSize(svg: string): { width: number; height: number } | undefined {
  const m = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : undefined;
}

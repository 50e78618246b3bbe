/**
 * The size budget of the whole-model diagrams (topology, architecture, power): each view draws its
 * levels, most detailed first, and the first that fits is kept; summarised drawings say so and count
 * what they collapse. (A failure diagram has its own budget in boxes: failure-layout.ts.)
 */
import type { EntityRecord, Lang } from '../model/entities.ts';
import { countOf, t } from '../i18n/store.ts';
import { isPlanned, isStopped } from './drawing.ts';
import type { DiagramSpec } from './types.ts';

/**
 * The most Mermaid text a generator produces before it falls back to a summarised drawing.
 *
 * Measured on this machine (Mermaid 12.3, one persistent page, `npx tsx` scripts rendering
 * allDiagrams of the Saghaugen model and of syntheticModel(10) and (100)):
 * - Mermaid refuses text over maxTextSize (50 000 characters) and draws an error picture instead.
 * - Saghaugen: largest whole-model diagram 3.5 kB (topology), ~60 ms per diagram on average,
 *   ~300 ms for the 6-7 kB failure diagrams.
 * - 10× model, full drawings: topology 31 kB renders in ~2.0 s, architecture 22 kB in 1.7 s
 *   (SVG 460 kB, 4200 × 14 200 px), power 12 kB in 1.0 s (1900 × 6900 px): past ~15-20 kB a
 *   drawing takes seconds and is too large to read on a screen or on A4 anyway.
 * - 100× model: full topology ~330 kB, summaries per building ~30 kB (1.8 s).
 * 20 000 characters (~150 nodes) keeps every Saghaugen diagram whole with ~3× headroom, keeps the
 * full drawing up to a few times Saghaugen's size, and leaves 2.5× headroom under maxTextSize for
 * the summaries, which still grow with the model (one box per building or kind).
 */
export const DIAGRAM_BUDGET = 20_000;

/** The first drawing (most detailed first) that fits the budget, else the last (most summarised). */
export function withinBudget(levels: Array<() => DiagramSpec>): DiagramSpec {
  let spec: DiagramSpec | undefined;
  for (const make of levels) {
    spec = make();
    if (spec.mermaid.length <= DIAGRAM_BUDGET) return spec;
  }
  return spec!;
}

/** The description of a drawing, and at a level above 0 that it is summarised. */
export function summarised(description: string, level: number, lang: Lang): string {
  return level ? `${description} ${t(lang, 'diagram.summarised')}` : description;
}

/** A count label: "12 guests, 2 stopped". */
export function countLabel(members: EntityRecord[], kind: string, lang: Lang): string {
  const stopped = members.filter(isStopped).length;
  const planned = members.filter(isPlanned).length;
  const extra = [
    stopped ? `${stopped} ${t(lang, 'diagram.stopped')}` : '',
    planned ? `${planned} ${t(lang, 'diagram.planned')}` : '',
  ].filter(Boolean);
  return `${countOf(members.length, kind, lang)}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

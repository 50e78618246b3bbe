/**
 * The sentences of a diagram's text twin (src/diagrams/text-twin.ts): each box and each arrow as a
 * sentence, for screen readers, search and tests. Part of the one word store (src/i18n/store.ts).
 */
import { say, type Entry } from './define.ts';

export const TWIN_WORDS = {
  /** A label in the language's quotation marks. */
  'twin.quote': say(
    (p: { text: string }) => `«${p.text}»`,
    (p) => `“${p.text}”`,
  ),
  'twin.group': say(
    (p: { name: string }) => `gruppen ${p.name}`,
    (p) => `the group ${p.name}`,
  ),
  'twin.box': { nb: 'Boks ', en: 'Box ' },
  'twin.in': say(
    (p: { path: string }) => `, i ${p.path}`,
    (p) => `, in ${p.path}`,
  ),
  'twin.arrowFrom': { nb: 'Pil fra ', en: 'Arrow from ' },
  'twin.arrowTo': { nb: ' til ', en: ' to ' },
  'twin.labelled': say(
    (p: { label: string }) => `, merket ${p.label}`,
    (p) => `, labelled ${p.label}`,
  ),
  /** What a box's class says about it. */
  'twin.class.ok': { nb: 'virker', en: 'works' },
  'twin.class.degraded': { nb: 'redusert', en: 'degraded' },
  'twin.class.down': { nb: 'nede', en: 'down' },
  'twin.class.planned': { nb: 'planlagt', en: 'planned' },
  'twin.class.stopped': { nb: 'stoppet', en: 'stopped' },
  'twin.class.added': { nb: 'ny', en: 'new' },
  'twin.class.changed': { nb: 'endres', en: 'changes' },
  'twin.class.focus': { nb: 'i midten', en: 'in focus' },
  'twin.class.critical': { nb: 'kritisk', en: 'critical' },
  'twin.class.comfort': { nb: 'komfort', en: 'comfort' },
  /** An arrow's line style (a solid line goes unsaid). */
  'twin.style.dashed': { nb: 'stiplet', en: 'dashed' },
  'twin.style.thick': { nb: 'tykk', en: 'thick' },
  'twin.style.thickDashed': { nb: 'tykk og stiplet', en: 'thick and dashed' },
} satisfies Record<string, Entry>;

/** The classes a twin puts into words (others, like `legend`, go unsaid). */
export const TWIN_CLASSES = ['ok', 'degraded', 'down', 'planned', 'stopped', 'added', 'changed', 'focus', 'critical', 'comfort'] as const;

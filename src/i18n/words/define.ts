/**
 * The shape of a word in the store (src/i18n/store.ts): both languages, always. A plain word is
 * `{ nb: '…', en: '…' }`; a sentence with values is `say((p: { n: number }) => …, (p) => …)`, whose
 * English half takes exactly the parameters the Norwegian half declares, so `t()` can type them.
 * Pure types and one helper; imports only src/model.
 */
import type { Lang } from '../../model/entities.ts';

export type { Lang };

/** A word or fixed phrase in both languages. */
export interface Word {
  readonly nb: string;
  readonly en: string;
}

/** A sentence that takes values (a count, a name), in both languages, with the same parameters. */
export interface Sentence<P> {
  readonly nb: (params: P) => string;
  readonly en: (params: P) => string;
}

/** What an area's word list may hold. */
export type Entry = Word | Sentence<any>;

/**
 * A sentence with values. Declare the parameters on the Norwegian half; the English half is checked
 * against them: `say((p: { n: number }) => \`${p.n} til\`, (p) => \`${p.n} more\`)`.
 */
export function say<P>(nb: (params: P) => string, en: (params: NoInfer<P>) => string): Sentence<P> {
  return { nb, en };
}

/** Norwegian and English both have one form for 1 and one for everything else (0 included). */
export function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/**
 * A duration as a person says it, to the minute: nb "4 t", "20 min", "1 t 30 min"; en "4 h",
 * "20 min", "1 h 30 min" (the abbreviations read the same for one and for many).
 */
export function spokenDuration(minutes: number, lang: Lang): string {
  const total = Math.max(0, Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  const h = lang === 'nb' ? 't' : 'h';
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} ${h}` : `${hours} ${h} ${rest} min`;
}

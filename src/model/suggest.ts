/**
 * "Did you mean …?" suggestions for misspelt keys and references. Pure.
 */
import { distance } from 'fastest-levenshtein';

/**
 * The closest candidate to `value`, or undefined when nothing is close enough to be a plausible typo.
 * Close enough: at most a third of the longer string's length in edits (1 for short words, else 2 to 3),
 * or one string contains the other (a missing prefix or suffix). Ties go to the earlier candidate,
 * so the result is deterministic for a given candidate order.
 */
export function suggest(value: string, candidates: Iterable<string>): string | undefined {
  const needle = value.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    if (candidate === value) continue;
    const hay = candidate.toLowerCase();
    // Levenshtein counts a swap of two letters as two edits; count a pure reordering as one.
    const anagram = needle.length === hay.length && [...needle].sort().join('') === [...hay].sort().join('');
    const d = anagram ? Math.min(distance(needle, hay), 1) : distance(needle, hay);
    const longer = Math.max(needle.length, hay.length);
    const limit = longer <= 3 ? 1 : Math.min(3, Math.max(2, Math.floor(longer / 3)));
    const contains = needle.length >= 3 && hay.length >= 3 && (hay.includes(needle) || needle.includes(hay));
    if (d > limit && !contains) continue;
    const score = contains && d > limit ? limit + 0.5 : d;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` or the empty string. */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const match = suggest(value, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}

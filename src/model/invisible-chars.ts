/**
 * Characters that do not show, or that reorder what does: `invoice\u202Efdp.exe` displays as
 * "invoiceexe.pdf". In an id, a name or a title such a character lets one thing pass for another
 * (two names that look the same and are not, a name that reads differently from what it says), so
 * the model refuses them there; in free text (descriptions, notes) they are reported as warnings,
 * since a pasted text may carry one harmlessly. Control characters are the schemas' business
 * (src/model/schema/common.ts); these are the printable-looking rest.
 */

type Effect = 'reorders' | 'direction-mark' | 'invisible' | 'soft-hyphen';

/** The characters, by code point, with their Unicode names and what they do to the text. */
const CHARACTERS: ReadonlyMap<number, { name: string; effect: Effect }> = new Map([
  [0x202a, { name: 'LEFT-TO-RIGHT EMBEDDING', effect: 'reorders' }],
  [0x202b, { name: 'RIGHT-TO-LEFT EMBEDDING', effect: 'reorders' }],
  [0x202c, { name: 'POP DIRECTIONAL FORMATTING', effect: 'reorders' }],
  [0x202d, { name: 'LEFT-TO-RIGHT OVERRIDE', effect: 'reorders' }],
  [0x202e, { name: 'RIGHT-TO-LEFT OVERRIDE', effect: 'reorders' }],
  [0x2066, { name: 'LEFT-TO-RIGHT ISOLATE', effect: 'reorders' }],
  [0x2067, { name: 'RIGHT-TO-LEFT ISOLATE', effect: 'reorders' }],
  [0x2068, { name: 'FIRST STRONG ISOLATE', effect: 'reorders' }],
  [0x2069, { name: 'POP DIRECTIONAL ISOLATE', effect: 'reorders' }],
  [0x200e, { name: 'LEFT-TO-RIGHT MARK', effect: 'direction-mark' }],
  [0x200f, { name: 'RIGHT-TO-LEFT MARK', effect: 'direction-mark' }],
  [0x061c, { name: 'ARABIC LETTER MARK', effect: 'direction-mark' }],
  [0x200b, { name: 'ZERO WIDTH SPACE', effect: 'invisible' }],
  [0x200c, { name: 'ZERO WIDTH NON-JOINER', effect: 'invisible' }],
  [0x200d, { name: 'ZERO WIDTH JOINER', effect: 'invisible' }],
  [0x2060, { name: 'WORD JOINER', effect: 'invisible' }],
  [0x2061, { name: 'FUNCTION APPLICATION', effect: 'invisible' }],
  [0x2062, { name: 'INVISIBLE TIMES', effect: 'invisible' }],
  [0x2063, { name: 'INVISIBLE SEPARATOR', effect: 'invisible' }],
  [0x2064, { name: 'INVISIBLE PLUS', effect: 'invisible' }],
  [0xfeff, { name: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)', effect: 'invisible' }],
  [0x00ad, { name: 'SOFT HYPHEN', effect: 'soft-hyphen' }],
]);

const EFFECTS: Record<Effect, string> = {
  reorders: 'which reorders how the text is displayed',
  'direction-mark': 'an invisible direction mark, which can reorder how the text around it is displayed',
  invisible: 'which is invisible',
  'soft-hyphen': 'which is invisible (it shows only as a hyphen where a line breaks)',
};

const PATTERN = new RegExp(`[${[...CHARACTERS.keys()].map((c) => `\\u{${c.toString(16)}}`).join('')}]`, 'gu');
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
/** What may sit between an emoji and a joiner: the emoji presentation selector and skin tones. */
const EMOJI_TAIL = /^[\u{fe0f}\u{1f3fb}-\u{1f3ff}]$/u;

/**
 * A ZERO WIDTH JOINER between two emoji is how 👩‍🔧 or 🏳️‍🌈 are written, not a trick: it only
 * joins pictures into one and cannot reorder or disguise letters. It is accepted there, in names
 * too; anywhere else it counts like the others.
 */
function joinsEmoji(text: string, index: number): boolean {
  const before = [...text.slice(0, index)];
  while (before.length > 0 && EMOJI_TAIL.test(before.at(-1)!)) before.pop();
  const after = String.fromCodePoint(text.codePointAt(index + 1) ?? 0x20);
  return before.length > 0 && PICTOGRAPHIC.test(before.at(-1)!) && PICTOGRAPHIC.test(after);
}

export interface InvisibleChar {
  /** Where in the text (UTF-16 index). */
  index: number;
  codePoint: number;
  /** `U+202E RIGHT-TO-LEFT OVERRIDE`. */
  label: string;
  /** `which reorders how the text is displayed`. */
  effect: string;
}

/** Every such character in the text, in order (ZWJ inside an emoji sequence left out). */
export function findInvisibleChars(text: string): InvisibleChar[] {
  const found: InvisibleChar[] = [];
  for (const match of text.matchAll(PATTERN)) {
    const codePoint = match[0].codePointAt(0)!;
    if (codePoint === 0x200d && joinsEmoji(text, match.index)) continue;
    const { name, effect } = CHARACTERS.get(codePoint)!;
    const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
    found.push({ index: match.index, codePoint, label: `U+${hex} ${name}`, effect: EFFECTS[effect] });
  }
  return found;
}

/** "contains U+202E RIGHT-TO-LEFT OVERRIDE at character 8, which reorders … (and 2 more such characters)". */
export function invisibleMessage(text: string, found: readonly InvisibleChar[]): string {
  const first = found[0]!;
  const character = [...text.slice(0, first.index)].length + 1;
  const more = found.length > 1 ? ` (and ${found.length - 1} more such character${found.length > 2 ? 's' : ''})` : '';
  return `contains ${first.label} at character ${character}, ${first.effect}${more}`;
}

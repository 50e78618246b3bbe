import { describe, expect, it } from 'vitest';
import { findInvisibleChars, invisibleMessage } from './invisible-chars.ts';

const labels = (text: string) => findInvisibleChars(text).map((c) => `${c.index} ${c.label}, ${c.effect}`);

describe('findInvisibleChars', () => {
  it('finds bidi controls, direction marks, zero-width characters and soft hyphens, each named', () => {
    expect(labels('invoice\u202Efdp.exe')).toEqual(['7 U+202E RIGHT-TO-LEFT OVERRIDE, which reorders how the text is displayed']);
    expect(labels('a\u2066b\u2069c')).toEqual([
      '1 U+2066 LEFT-TO-RIGHT ISOLATE, which reorders how the text is displayed',
      '3 U+2069 POP DIRECTIONAL ISOLATE, which reorders how the text is displayed',
    ]);
    expect(labels('a\u200Fb\u061Cc')).toEqual([
      '1 U+200F RIGHT-TO-LEFT MARK, an invisible direction mark, which can reorder how the text around it is displayed',
      '3 U+061C ARABIC LETTER MARK, an invisible direction mark, which can reorder how the text around it is displayed',
    ]);
    expect(labels('pve\u200B-core')).toEqual(['3 U+200B ZERO WIDTH SPACE, which is invisible']);
    expect(labels('x\uFEFFy\u2060z')).toEqual([
      '1 U+FEFF ZERO WIDTH NO-BREAK SPACE (byte order mark), which is invisible',
      '3 U+2060 WORD JOINER, which is invisible',
    ]);
    expect(labels('Strøm\u00ADnettet')).toEqual(['5 U+00AD SOFT HYPHEN, which is invisible (it shows only as a hyphen where a line breaks)']);
  });

  it('leaves ordinary text alone, right-to-left scripts and emoji included', () => {
    for (const text of ['Strømnettet', 'RTL עברית العربية', 'emoji 🚒🔥 🇳🇴', 'a\u00A0b', 'tab\there', 'line\nbreak']) expect(labels(text)).toEqual([]);
  });

  it('accepts a zero width joiner inside an emoji sequence only', () => {
    // 👩‍💻, 🏳️‍🌈 (with the emoji presentation selector) and 👍🏽‍… (with a skin tone) are written with ZWJ.
    expect(labels('👩\u200D💻 🏳\uFE0F\u200D🌈 🧑🏽\u200D🚒')).toEqual([]);
    expect(labels('a\u200Db')).toEqual(['1 U+200D ZERO WIDTH JOINER, which is invisible']);
    expect(labels('👩\u200Db')).toHaveLength(1);
    expect(labels('a\u200D💻')).toHaveLength(1);
    expect(labels('\u200D💻')).toHaveLength(1);
    expect(labels('👩\u200D')).toHaveLength(1);
  });
});

describe('invisibleMessage', () => {
  it('names the first character, where it is (counting characters, not UTF-16 units), and how many more', () => {
    const text = '🚒 invoice\u202Efdp.exe';
    expect(invisibleMessage(text, findInvisibleChars(text))).toBe('contains U+202E RIGHT-TO-LEFT OVERRIDE at character 10, which reorders how the text is displayed');
    const more = 'a\u200Bb\u200Bc\u00AD';
    expect(invisibleMessage(more, findInvisibleChars(more))).toBe('contains U+200B ZERO WIDTH SPACE at character 2, which is invisible (and 2 more such characters)');
  });
});

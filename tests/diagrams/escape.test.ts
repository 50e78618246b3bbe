import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertSafeHref, escapeLabel, escapeLine, restorePlaceholderLetters, safeId } from '../../src/diagrams/escape.ts';
import { HOSTILE_STRINGS } from '../../src/diagrams/hostile-strings.ts';

/** What a Mermaid entity-coded label means, as text. */
function decode(label: string): string {
  return restorePlaceholderLetters(label.replace(/<br\/>/g, '\n').replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))));
}

const GRAMMAR = /^(?:[\p{L}\p{N} ]|#\d+;|<br\/>)*$/u;

describe('escapeLabel', () => {
  it('keeps letters, digits and spaces, codes everything else', () => {
    expect(escapeLabel('pve-core (LXC 110)')).toBe('pve#45;core #40;LXC 110#41;');
    expect(escapeLabel('æøå ÆØÅ')).toBe('æøå ÆØÅ');
    expect(escapeLabel('a\nb')).toBe('a#10;b');
    expect(escapeLabel('a\r\nb')).toBe('a#10;b');
    expect(escapeLabel('"')).toBe('#34;');
    expect(escapeLabel('🚒')).toBe('#128658;');
  });

  it.each(HOSTILE_STRINGS)('leaves nothing Mermaid can interpret in %j', (s) => {
    const out = escapeLabel(s);
    expect(out).toMatch(GRAMMAR);
    expect(out.replace(/<br\/>/g, '')).not.toMatch(/["'%<>[\](){}|:$`\\&]/);
    expect(decode(out)).toBe(s);
  });

  it('round-trips any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const normal = s.replace(/\r\n?/g, '\n');
        const out = escapeLabel(s);
        expect(out).toMatch(GRAMMAR);
        expect(decode(out)).toBe(normal);
      }),
      { numRuns: 500 },
    );
  });

  it('escapeLine has no line breaks', () => {
    expect(escapeLine('a\n b\r\nc')).toBe('a b c');
    expect(escapeLine('%%{init}%%')).not.toMatch(/[%{}]/);
  });
});

describe('assertSafeHref', () => {
  it.each(['/guests/frigate/', '/en/guests/frigate/', '/', '/a/b#top'])('accepts %s', (href) => {
    expect(assertSafeHref(href, 'guest:x')).toBe(href);
  });
  it.each(['javascript:alert(1)', 'https://example.com/', '//evil.example/', '/a"b', '/a b', 'guests/x', '/x?y=1', "/x'"])(
    'refuses %s',
    (href) => {
      expect(() => assertSafeHref(href, 'guest:x')).toThrow(/not a page of this site/);
    },
  );
});

describe('safeId', () => {
  it('keeps ids to [a-z0-9-]', () => {
    expect(safeId('Guest:Frigate__x')).toBe('guest-frigate-x');
  });
});

/**
 * The one word store (src/i18n/store.ts): one t(), both languages for every word, typed values,
 * and Norwegian plurals right. The `@ts-expect-error` lines are checked by `npm run typecheck`:
 * should any of them compile, the typecheck fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { both, countOf, kindLabel, say, spokenDuration, t, WORDS, type Word } from '../../src/i18n/store.ts';
import { ENTITY_KINDS } from '../../src/model/refs.ts';

describe('the word store', () => {
  it('has every word in both languages, as the same kind of thing', () => {
    for (const [key, entry] of Object.entries(WORDS) as Array<[string, { nb: unknown; en: unknown }]>) {
      expect(entry.nb, key).toBeTruthy();
      expect(entry.en, key).toBeTruthy();
      expect(typeof entry.nb, key).toBe(typeof entry.en);
    }
  });

  it('refuses at compile time an unknown key, a missing value and a word without both languages', () => {
    // @ts-expect-error: no such word
    expect(() => t('nb', 'no.such.word')).toThrow(/no word/);
    // @ts-expect-error: a sentence needs its values
    expect(() => t('nb', 'list.more')).toThrow();
    // @ts-expect-error: a plain word takes no values
    t('nb', 'list.and', { n: 1 });
    // @ts-expect-error: the value's type is the Norwegian half's
    t('nb', 'list.more', { n: 'three' });
    // @ts-expect-error: a word without English
    const half: Word = { nb: 'bare norsk' };
    say(
      (p: { n: number }) => `${p.n}`,
      // @ts-expect-error: the English half takes the Norwegian half's parameters, no others
      (p: { m: number }) => `${p.m}`,
    );
    expect(half.nb).toBe('bare norsk');
  });

  it('fills in a sentence’s values', () => {
    expect(t('nb', 'list.more', { n: 3 })).toBe('3 til');
    expect(t('en', 'list.more', { n: 3 })).toBe('3 more');
    expect(both('list.more', { n: 2 })).toEqual({ nb: '2 til', en: '2 more' });
  });

  it('says the drift summary right for one and for many, in both languages', () => {
    expect(t('nb', 'drift.counts', { drift: 1, unknown: 1, info: 1 })).toBe('1 avvik, 1 ukjent, 1 ikke dokumentert.');
    expect(t('nb', 'drift.counts', { drift: 2, unknown: 2, info: 2 })).toBe('2 avvik, 2 ukjente, 2 ikke dokumentert.');
    expect(t('nb', 'drift.counts', { drift: 0, unknown: 0, info: 0 })).toBe('0 avvik, 0 ukjente, 0 ikke dokumentert.');
    expect(t('en', 'drift.counts', { drift: 1, unknown: 1, info: 1 })).toBe('1 drift, 1 unknown, 1 not documented.');
    expect(t('en', 'drift.counts', { drift: 2, unknown: 2, info: 2 })).toBe('2 drift, 2 unknown, 2 not documented.');
  });

  it('says durations as a person does, and counts of one in the singular (issue 17)', () => {
    expect([240, 20, 90, 60, 1, 0, 61].map((m) => spokenDuration(m, 'nb'))).toEqual([
      '4 t',
      '20 min',
      '1 t 30 min',
      '1 t',
      '1 min',
      '0 min',
      '1 t 1 min',
    ]);
    expect([240, 20, 90].map((m) => spokenDuration(m, 'en'))).toEqual(['4 h', '20 min', '1 h 30 min']);
    expect(t('nb', 'scenario.afterMinutes', { n: 240 })).toBe('Etter 4 t');
    expect(t('en', 'scenario.afterMinutes', { n: 1 })).toBe('After 1 min');
    expect(t('nb', 'runbook.phaseAfterMinutes', { minutes: 90 })).toBe('Etter om lag 1 t 30 min');
    expect(t('en', 'runbook.phaseAfterMinutes', { minutes: 20 })).toBe('After about 20 min');
    expect(t('nb', 'check.findings', { errors: 1, warnings: 1, infos: 1 })).toBe('1 feil, 1 advarsel, 1 info');
    expect(t('nb', 'check.findings', { errors: 0, warnings: 2, infos: 0 })).toBe('0 feil, 2 advarsler, 0 info');
    expect(t('nb', 'runbook.worksOmittedMore', { n: 1 })).toMatch(/^Og 1 annen funksjon \(/);
    expect(t('en', 'runbook.worksOmittedMore', { n: 1 })).toMatch(/^And 1 other capability \(/);
    expect(t('nb', 'scenario.worksOmittedMore', { n: 1 })).toMatch(/^Ikke listet: 1 annen funksjon \(/);
    expect(t('en', 'scenario.worksOmittedMore', { n: 2 })).toMatch(/^Not listed: 2 other capabilities \(not critical\) that also work\./);
    expect(t('en', 'entity.kOfN', { needed: 2, of: 3 })).toBe('needs 2 of 3');
    expect(t('nb', 'neighbourhood.atLeastNeeds', { needed: 2, of: 3 })).toBe('trenger 2 av 3');
  });

  it('has words for every entity kind', () => {
    for (const kind of ENTITY_KINDS) {
      for (const lang of ['nb', 'en'] as const) {
        expect(kindLabel(kind, lang)).toBeTruthy();
        expect(kindLabel(kind, lang, true)).toBeTruthy();
        expect(countOf(1, kind, lang)).toMatch(/^1 \S/);
      }
    }
    expect(countOf(12, 'guest', 'nb')).toBe('12 gjester');
    expect(countOf(1, 'guest', 'nb')).toBe('1 gjest');
  });

  it('imports nothing but src/model: the analysis and everything above it import words from here, not the other way', () => {
    const root = resolve(import.meta.dirname, '..', '..', 'src');
    const dir = join(root, 'i18n');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const m of text.matchAll(/^(?:import|export)[^;]*? from '(\.[^']+)'/gm)) {
        const target = relative(root, resolve(dirname(join(dir, file)), m[1]!));
        expect(target, `src/i18n/${file} imports ${m[1]}`).toMatch(/^(i18n|model)\//);
      }
    }
  });
});

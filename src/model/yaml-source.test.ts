import { describe, expect, it } from 'vitest';
import { decodeUtf8, formatPath, invalidUtf8Offset, locate, parseModelText, MAX_FILE_BYTES } from './yaml-source.ts';

const parse = (text: string) => parseModelText('m.yaml', text);
const brief = (text: string) => parse(text).problems.map((p) => `${p.line}:${p.column} ${formatPath(p.segments)} ${p.message}`);

describe('parseModelText', () => {
  it('reads a mapping with positions', () => {
    const parsed = parse('hosts:\n  - id: pve-core\n    ip: 10.12.0.205\n');
    expect(parsed.fatal).toBe(false);
    expect(parsed.data).toEqual({ hosts: [{ id: 'pve-core', ip: '10.12.0.205' }] });
    expect(locate(parsed, ['hosts', 0, 'ip'])).toMatchObject({ line: 3, column: 9, depth: 3, source: '10.12.0.205' });
    expect(locate(parsed, ['hosts', 0, 'ip'], { key: true })).toMatchObject({ line: 3, column: 5 });
    // A missing key points at the mapping that lacks it.
    expect(locate(parsed, ['hosts', 0, 'kind'])).toMatchObject({ line: 2, column: 5, depth: 2 });
  });

  it('uses the core schema: yes/no/on/off stay text, 8.10 is a number', () => {
    expect(parse('a: no\nb: yes\nc: on\nd: 8.10\ne: 0100\n').data).toEqual({ a: 'no', b: 'yes', c: 'on', d: 8.1, e: 100 });
  });

  it('refuses a %YAML 1.1 header, and still does not turn `no` into false', () => {
    const parsed = parse('%YAML 1.1\n---\nlang: no\n');
    expect(brief('%YAML 1.1\n---\nlang: no\n')).toEqual([
      '1:1  "%YAML 1.1" is not supported: model files are read as YAML 1.2 (core schema)',
    ]);
    expect(parsed.data).toEqual({ lang: 'no' });
  });

  it('refuses an empty file and a comment-only file', () => {
    expect(brief('')).toEqual(['1:1  the file is empty']);
    expect(brief('# nothing yet\n\n')).toEqual(['1:1  the file is empty']);
    expect(parse('').fatal).toBe(true);
  });

  it('refuses tabs in indentation, once per file, at the tab', () => {
    expect(brief('a:\n  b: 1\n\tc: 2\n\td: 3\n')).toEqual(['3:1  tab used for indentation (and 1 more line)']);
    // A tab inside a value is fine, also at the start of a line of a block scalar.
    expect(parse('a: "x\ty"\n').problems).toEqual([]);
    const block = parse('run: |\n  all:\n  \tmake all\n');
    expect(block.problems).toEqual([]);
    expect(block.data).toEqual({ run: 'all:\n\tmake all\n' });
  });

  it('refuses duplicate keys with their path', () => {
    expect(brief('hosts:\n  - id: a\n    id: b\n')).toEqual(['3:5 hosts[0].id duplicate key "id"']);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses %s as a key', (key) => {
    const parsed = parse(`guests:\n  - id: a\n    ${key}: { polluted: true }\n`);
    expect(parsed.fatal).toBe(true);
    expect(parsed.problems.map((p) => p.message)).toEqual([`"${key}" is not allowed as a key`]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  // The alias limit stops expansion before it starts; how fast that is, `npm run bench` does not need to say.
  it('rejects a billion-laughs alias bomb by its alias count, before expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const parsed = parse(levels.join('\n') + '\n');
    expect(parsed.fatal).toBe(true);
    expect(parsed.problems[0]!.message).toMatch(/^too many YAML aliases/);
    expect(parsed.problems[0]).toMatchObject({ line: 2, column: 8 });
  });

  it('rejects a small but deep alias expansion too', () => {
    const text = 'a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n';
    const parsed = parse(text);
    expect(parsed.fatal).toBe(true);
  });

  it('accepts a few plain aliases', () => {
    const parsed = parse('a: &x { nb: Hei, en: Hello }\nb: *x\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.data).toEqual({ a: { nb: 'Hei', en: 'Hello' }, b: { nb: 'Hei', en: 'Hello' } });
  });

  it('refuses a file that is too large before parsing it', () => {
    const parsed = parse('a: "' + 'x'.repeat(MAX_FILE_BYTES) + '"\n');
    expect(parsed.fatal).toBe(true);
    expect(parsed.problems[0]!.message).toMatch(/too large/);
  });

  it('refuses a second document and a top level that is not a mapping', () => {
    expect(brief('a: 1\n---\nb: 2\n')).toEqual(['2:1  a model file holds one YAML document']);
    expect(brief('- a\n- b\n')).toEqual(['1:1  a model file must be a mapping of sections']);
  });

  it('reports syntax errors with a position', () => {
    const problems = brief('a: [1, 2\nb: 3\n');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^\d+:\d+ {2}YAML syntax error: /);
  });

  it('refuses every explicit YAML tag, at the tag, with the path of the value it is on', () => {
    const text = [
      'a: !!js/function "function () {}"',
      'b: !secret pve-password',
      'c: !include other.yaml',
      'd: !!binary aGVsbG8=',
      'e: !!set { x, y }',
      'f: !!omap',
      '  - x: 1',
      'g: !!timestamp 2001-12-14',
      'h: !!str 8.10',
      '!!str k: [1, !<tag:yaml.org,2002:int> 2, ! x]',
    ].join('\n');
    const parsed = parse(text + '\n');
    expect(parsed.fatal).toBe(true);
    expect(parsed.problems.map((p) => `${p.line}:${p.column} ${formatPath(p.segments)} ${p.message}`)).toEqual([
      '1:4 a YAML tags are not supported: "!!js/function"',
      '2:4 b YAML tags are not supported: "!secret"',
      '3:4 c YAML tags are not supported: "!include"',
      '4:4 d YAML tags are not supported: "!!binary"',
      '5:4 e YAML tags are not supported: "!!set"',
      '6:4 f YAML tags are not supported: "!!omap"',
      '8:4 g YAML tags are not supported: "!!timestamp"',
      '9:4 h YAML tags are not supported: "!!str"',
      '10:1 k YAML tags are not supported: "!!str"',
      '10:14 k[1] YAML tags are not supported: "!<tag:yaml.org,2002:int>"',
      '10:42 k[2] YAML tags are not supported: "!"',
    ]);
    expect(parsed.problems[0]!.hint).toMatch(/^remove the tag and write the value as plain text/);
    // A shorthand declared with %TAG is a tag too.
    expect(brief('%TAG !e! tag:example.com,2000:\n---\na: !e!thing x\n')).toEqual(['3:4 a YAML tags are not supported: "!e!thing"']);
  });

  it('does not take an exclamation mark in text or a comment for a tag', () => {
    const parsed = parse('a: Obs! Ikke slå av. # viktig!\nb: "!secret"\nc: |\n  !include x\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.data).toEqual({ a: 'Obs! Ikke slå av.', b: '!secret', c: '!include x\n' });
  });

  it('turns what the YAML library only warns about into a problem', () => {
    expect(brief('%FOO bar\n---\na: 1\n')).toEqual(['1:1  YAML: Unknown directive %FOO']);
  });

  it('refuses invisible and direction-changing characters in ids, names, titles and keys, at the character', () => {
    const text = [
      'guests:',
      '  - id: "emqx\\u200B"',
      '    name: invoice\u202Efdp.exe',
      '    title: { nb: Zigbee-scener, en: "Zigbee \u202Esenecs" }',
      '    descr\u200Bption: x',
      '    description: { nb: "mel\u00ADdinger", en: "ok 👩\u200D💻" }',
      '    notes: [ "a\u200Fb" ]',
    ].join('\n');
    const parsed = parse(text + '\n');
    const show = (list: typeof parsed.problems) => list.map((p) => `${p.line}:${p.column} ${formatPath(p.segments)} ${p.message}${p.coversValue ? ' (covers)' : ''}`);
    expect(show(parsed.problems)).toEqual([
      // Written as an escape: at the start of the value.
      '2:9 guests[0].id contains U+200B ZERO WIDTH SPACE at character 5, which is invisible (covers)',
      '3:18 guests[0].name contains U+202E RIGHT-TO-LEFT OVERRIDE at character 8, which reorders how the text is displayed (covers)',
      '4:45 guests[0].title.en contains U+202E RIGHT-TO-LEFT OVERRIDE at character 8, which reorders how the text is displayed (covers)',
      '5:10 guests[0]["descr\u200Bption"] the key contains U+200B ZERO WIDTH SPACE at character 6, which is invisible (covers)',
    ]);
    expect(parsed.problems[0]!.hint).toBe('remove it: an id, a name or a title must read exactly as it is written, and such a character lets one pass for another');
    // Elsewhere, a warning; a joiner inside an emoji is no news.
    expect(show(parsed.warnings)).toEqual([
      '6:28 guests[0].description.nb contains U+00AD SOFT HYPHEN at character 4, which is invisible (it shows only as a hyphen where a line breaks)',
      '7:16 guests[0].notes[0] contains U+200F RIGHT-TO-LEFT MARK at character 2, an invisible direction mark, which can reorder how the text around it is displayed',
    ]);
    // The data stays usable: the schema still runs, and the model is refused for the problems.
    expect(parsed.fatal).toBe(false);
  });

  it('finds secrets in values and under secret-looking keys, without echoing them', () => {
    const parsed = parse(
      'guests:\n  - id: a\n    password: hunter22\n    note: |\n      -----BEGIN OPENSSH PRIVATE KEY-----\n      abc\n',
    );
    expect(parsed.problems.map((p) => `${p.line}:${p.column} ${formatPath(p.segments)} ${p.message}`)).toEqual([
      '3:15 guests[0].password "password" holds what looks like a secret',
      '4:11 guests[0].note looks like a private key',
    ]);
    expect(JSON.stringify(parsed.problems)).not.toContain('hunter22');
    // Secrets do not make the data unusable: the schema still reports everything else.
    expect(parsed.fatal).toBe(false);
  });
});

describe('decodeUtf8', () => {
  const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));
  const problem = (b: Uint8Array) => {
    const decoded = decodeUtf8(b);
    if (decoded.ok) throw new Error('expected a problem');
    return `${decoded.problem.line}:${decoded.problem.column} ${decoded.problem.message} | ${decoded.problem.hint}`;
  };

  it('reads UTF-8, and drops a byte order mark', () => {
    expect(decodeUtf8(bytes('name: Strømnettet ✓ 👍\n'))).toEqual({ ok: true, text: 'name: Strømnettet ✓ 👍\n' });
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'a: 1\n'))).toEqual({ ok: true, text: 'a: 1\n' });
  });

  it('refuses a Latin-1 letter at its line and column, naming the letter', () => {
    expect(problem(bytes('a: æ\nname: Str', [0xf8], 'mnettet\n'))).toBe(
      '2:10 the file is not valid UTF-8: byte 0xF8 here is not part of a UTF-8 character (it is "ø" in Latin-1 / Windows-1252) | save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8), and check the letters around this place afterwards',
    );
    // A lead byte whose sequence is cut short is the place, not the byte after it; columns count characters.
    expect(problem(bytes('ø: h', [0xe5], 'ndbok\n'))).toMatch(/^1:5 .*byte 0xE5 .*"å"/);
    // After a byte order mark, the column is the one the editor shows.
    expect(problem(bytes([0xef, 0xbb, 0xbf], 'a', [0x80]))).toMatch(/^1:2 .*byte 0x80 .*"€"/);
  });

  it('says so when the file is UTF-16', () => {
    expect(problem(Uint8Array.from([0xff, 0xfe, 0x61, 0x00]))).toMatch(/^1:1 .*byte 0xFF here .*\| the file is saved as UTF-16: save it as UTF-8/);
  });

  it('finds the first bad byte exactly where TextDecoder gives up', async () => {
    const fc = (await import('fast-check')).default;
    const interesting = fc.constantFrom(0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xee, 0xef, 0xf0, 0xf4, 0xf5, 0xff);
    fc.assert(
      fc.property(fc.array(fc.oneof(interesting, fc.integer({ min: 0, max: 255 })), { maxLength: 24 }), (array) => {
        const b = Uint8Array.from(array);
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(b);
        } catch {
          valid = false;
        }
        const offset = invalidUtf8Offset(b);
        expect(offset === -1).toBe(valid);
        if (offset >= 0) {
          // Everything before the offset is UTF-8; the sequence starting there is not.
          expect(() => new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, offset))).not.toThrow();
          expect(() => new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(offset, offset + 4))).toThrow();
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('formatPath', () => {
  it('prints list indexes in brackets', () => {
    expect(formatPath(['guests', 3, 'host'])).toBe('guests[3].host');
    expect(formatPath(['scenarios', 1, 'phases', 0, 'alsoFails', 2])).toBe('scenarios[1].phases[0].alsoFails[2]');
    expect(formatPath(['a b'])).toBe('["a b"]');
    expect(formatPath([])).toBe('');
  });
});

describe('robustness', () => {
  it('never throws, whatever the text', async () => {
    const fc = (await import('fast-check')).default;
    const yamlish = fc.array(
      fc.constantFrom('a', ':', ' ', '  ', '\n', '-', '&x', '*x', '[', ']', '{', '}', '"', "'", '\t', '#', '%YAML 1.1\n', '---\n', '__proto__', '|', '>', '? ', ',', 'no', '8.10', '\u0007', '\ufeff'),
      { maxLength: 60 },
    ).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), yamlish), (text) => {
        const parsed = parseModelText('m.yaml', text);
        for (const p of parsed.problems) {
          expect(p.line).toBeGreaterThan(0);
          expect(p.column).toBeGreaterThan(0);
          expect(p.message.length).toBeGreaterThan(0);
        }
        if (!parsed.fatal) expect(parsed.data).toBeTypeOf('object');
      }),
      { numRuns: 1500 },
    );
  });

  it('reads a byte-order mark and CRLF line ends', () => {
    const parsed = parseModelText('m.yaml', '\ufeffhosts:\r\n  - id: a\r\n    ip: 10.0.0.1\r\n');
    expect(parsed.problems).toEqual([]);
    expect(locate(parsed, ['hosts', 0, 'ip'])).toMatchObject({ line: 3, column: 9 });
  });
});

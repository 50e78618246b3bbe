import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { havePdftotext } from '../runbook/pdftotext.ts';
import {
  decodeEntities,
  findLeaks,
  htmlText,
  internalValues,
  pagefindText,
  pdfTexts,
  scanTexts,
  scanTextsInTurns,
  type LeakRules,
} from './output-scan.ts';
import { loadModel } from '../model/load-model.ts';

const none: LeakRules = { allowedSecrets: new Set(), internal: [], internalAddresses: false };
const publicRules = (internal: LeakRules['internal'] = []): LeakRules => ({ allowedSecrets: new Set(), internal, internalAddresses: true });
const leaks = (text: string, rules = none) => findLeaks({ source: 'x/index.html', text }, rules).map((f) => f.what);

describe('htmlText', () => {
  it('reads text across inline tags, entities decoded, and the attributes a reader sees', () => {
    const text = htmlText(
      '<p>The <em>root password</em> is &quot;hunter22&quot;</p><img alt="a&amp;b" src="/x.png"><a href="/guests/a/" title="T">A</a>',
    );
    expect(text.replace(/\s+/g, ' ')).toContain('The root password is "hunter22"');
    expect(text).toContain('a&b');
    expect(text).toContain('/guests/a/');
    expect(text).not.toContain('/x.png');
  });

  it("leaves out the site's scripts and stylesheets", () => {
    expect(htmlText('<script>const token = "abcdefgh";</script><style>.a{}</style><p>hi</p>').trim()).toBe('hi');
  });
});

it('decodes numeric and named entities, and leaves unknown ones', () => {
  expect(decodeEntities('&#230;&#xF8;&aring;&amp;&nbsp;')).toBe('æø&aring;& ');
});

it('reads a Pagefind fragment (gzip, signature, JSON) as its text', () => {
  const fragment = gzipSync(
    Buffer.from(`pagefind_dcd${JSON.stringify({ url: '/a/', content: 'Passordet er &quot;sommer2024&quot;', meta: { title: 'A' } })}`),
  );
  expect(pagefindText(fragment)).toContain('Passordet er "sommer2024"');
  expect(leaks(pagefindText(fragment))).toEqual(['a password (rule password-phrase)']);
});

describe('findLeaks', () => {
  it('finds a secret in either profile, without echoing it', () => {
    const found = findLeaks({ source: 'g/index.html', text: 'Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345' }, none);
    expect(found).toEqual([{ source: 'g/index.html', what: 'an Authorization: Bearer token (rule bearer)' }]);
    expect(JSON.stringify(found)).not.toContain('abcdefghij');
  });

  it('lets through what the allow-list allowed where it was written', () => {
    const text = 'the password is hunter22';
    expect(leaks(text)).toHaveLength(1);
    expect(leaks(text, { ...none, allowedSecrets: new Set(['the password is\n  hunter22']) })).toEqual([]);
    expect(leaks(text, { ...none, allowedSecrets: new Set(['the password is hunter23']) })).toHaveLength(1);
  });

  it('in the public profile, refuses a value from a sensitive field, naming the field not the value', () => {
    const rules = publicRules([{ value: 'ronny', where: 'guest:claude-code user' }]);
    expect(leaks('Log in as ronny on the box', rules)).toEqual([
      'the value of guest:claude-code user, which the public profile leaves out',
    ]);
    expect(leaks('Saltronnyx and ronnyson are other words', rules)).toEqual([]);
  });

  it('in the public profile, refuses any internal IPv4 address, and not public ones or versions', () => {
    const rules = publicRules();
    for (const ip of ['10.12.0.205', '192.168.1.1', '172.20.3.4', '100.101.102.103', '169.254.0.9'])
      expect(leaks(`at ${ip}:8006`, rules), ip).toHaveLength(1);
    for (const text of ['8.8.8.8', '172.32.0.1', '100.128.0.1', 'version 10.12.0.205.1', '110.12.0.5'])
      expect(leaks(text, rules), text).toEqual([]);
    expect(leaks('at 10.12.0.205', none)).toEqual([]);
  });
});

it('collects the addresses and user names of the sensitive fields, not generic users', () => {
  const loaded = loadModel(join(import.meta.dirname, '../../tests/fixtures/models/mini/model'));
  if (!loaded.ok) throw new Error('mini fixture does not load');
  const values = internalValues(loaded.model);
  expect(values.map((v) => v.value)).toEqual(expect.arrayContaining(['192.168.40.10', '192.168.40.1']));
  expect(values.every((v) => /^[a-z-]+:\S+ \S+$/.test(v.where))).toBe(true);
});

describe('reading a PDF and scanning in turns', () => {
  // A one-page PDF written by hand whose text says "the root password is hunter22x".
  const pdf = join(import.meta.dirname, '../../tests/fixtures/pdf/password-in-text.pdf');

  it.skipIf(!havePdftotext())('reads a PDF page by page with pdftotext, so a secret printed into the runbook is found', async () => {
    const pages = await pdfTexts(pdf, 'runbook-nb.pdf');
    expect(pages.map((p) => p.source)).toEqual(['runbook-nb.pdf p.1']);
    expect(scanTexts(pages, none)).toEqual([{ source: 'runbook-nb.pdf p.1', what: 'a password (rule password-phrase)' }]);
  });

  it('finds the same in turns as in one go', async () => {
    const texts = Array.from({ length: 50 }, (_, i) => ({
      source: `p${i}.html`,
      text: i % 7 === 0 ? 'the password is hunter22' : 'nothing here',
    }));
    expect(await scanTextsInTurns(texts, none, 0)).toEqual(scanTexts(texts, none));
    expect(scanTexts(texts, none)).toHaveLength(8);
  });
});

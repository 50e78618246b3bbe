/**
 * The public profile leaves out what is marked sensitive, everywhere (issue 15, finding 5). A
 * fixture (tests/fixtures/models/canary) puts a canary, one word of its own, in every place that is
 * sensitive: a sensitive entity nothing needs (its id, name, description), one a capability needs
 * (left as a placeholder: its id, name, purpose, the why of its relation), a sensitive note, a
 * sensitive point of a public note, a sensitive `installed` entry, a sensitive scenario (title,
 * symptom, procedure), sensitive prose pages (docs, entity prose, a runbook procedure: content, title,
 * description), sensitive prose blocks (in a docs page, in entity prose, and as the first step of a
 * procedure, which the home page reads from the raw Markdown), the author's own text of a link to a
 * withheld entity, and the sensitive fields (ip, mac, user, access, commands, repos, reach).
 *
 * Built once public and once full (real builds, PDFs included), every file of the output is read:
 * HTML, JS, JSON, CSS, the service worker and manifests, the Pagefind index (gzip, decompressed),
 * the PDFs' text (pdftotext), and the file names themselves. Public: no canary anywhere. Full: every
 * canary somewhere, so the public check could fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ROOT, runBuild } from '../helpers/run-build.ts';
import { brokenInternalLinks } from '../../e2e/helpers/site.ts';

const FIXTURE = join(ROOT, 'tests/fixtures/models/canary');
const OUT_PUBLIC = join(ROOT, '.dist-test-canary-public');
const OUT_FULL = join(ROOT, '.dist-test-canary-full');

/** Every canary of the fixture, and what it stands for. */
const CANARIES: Record<string, string> = {
  Kanarinavn7f3a01: 'name of a sensitive guest nothing needs',
  kanariid7f3a02: 'id of that guest (its page address)',
  Kanaribeskrivelse7f3a03: 'description of that guest',
  Kanaribehov7f3a04: 'name of a sensitive guest a capability needs',
  kanaribehovid7f3a05: 'id of that guest',
  Kanarihvorfor7f3a06: "why of that guest's own dependency",
  Kanariformaal7f3a31: 'purpose of that guest',
  Kanarinotat7f3a07: 'title of a sensitive note',
  Kanarinotattekst7f3a08: 'body of a sensitive note',
  kanarinotatid7f3a28: 'id of a sensitive note',
  Kanaripunkt7f3a09: 'a sensitive point of a public note',
  Kanariinstallert7f3a10: 'a sensitive installed entry',
  'kari@fjellstua.example': 'an e-mail address in a sensitive installed entry',
  Kanariscenario7f3a24: 'title of a sensitive scenario',
  kanariscenarioid7f3a25: 'id of a sensitive scenario',
  Kanarisymptom7f3a29: 'symptom of a sensitive scenario',
  Kanariprosedyre7f3a33: 'the procedure of a sensitive scenario',
  Kanarisideinnhold7f3a11: 'content of a sensitive docs page',
  Kanarisidetittel7f3a12: 'title of a sensitive docs page (sidebar label)',
  Kanarisidebeskrivelse7f3a32: 'description of a sensitive docs page',
  Kanarientitetsprosa7f3a13: 'entity prose marked sensitive',
  Kanarirunbookside7f3a17: 'a runbook procedure marked sensitive',
  Kanariblokk7f3a14: 'a sensitive block in a docs page',
  Kanariblokkentitet7f3a15: 'a sensitive block in entity prose',
  Kanariforststeg7f3a16: "a sensitive block holding a procedure's first step",
  Kanarilenketekst7f3a26: 'own text of a link to a left-out entity',
  Kanarilenketekst7f3a27: 'own text of a link to a placeholder',
  '10.173.59.': 'ip, reach.ips, webUi',
  'aa:bb:cc:7f:3a:18': 'mac',
  kanaribruker7f3a19: 'user',
  Kanaritilgang7f3a20: 'access',
  kanarikommando7f3a21: 'commands',
  kanarirepo7f3a22: 'repos',
  kanarissh7f3a23: 'reach.ssh',
  kanarikonsoll7f3a30: 'reach.console',
};

interface OutputText {
  /** Path relative to the output folder. */
  file: string;
  /** How the text was read: as is, gunzipped (Pagefind), or pdftotext. */
  how: 'raw' | 'gunzip' | 'pdftotext';
  /** Lower-cased: Pagefind's word index is lower case. */
  text: string;
}

/** Every file under `dir`, as text a canary can be found in. */
function readOutput(dir: string): OutputText[] {
  const out: OutputText[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const file = relative(dir, path);
      const bytes = readFileSync(path);
      if (name.endsWith('.pdf')) {
        out.push({
          file,
          how: 'pdftotext',
          text: execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).toLowerCase(),
        });
      }
      // Pagefind's fragments, index chunks, filters and metadata are gzip ("pagefind_dcd" inside).
      const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
      if (gzip) out.push({ file, how: 'gunzip', text: gunzipSync(bytes).toString('latin1').toLowerCase() });
      out.push({ file, how: 'raw', text: bytes.toString('latin1').toLowerCase() });
    }
  };
  walk(dir);
  return out;
}

/** Where each canary is found: the files (and how they were read), and file names that carry it. */
function findCanaries(dir: string, texts: OutputText[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const canary of Object.keys(CANARIES)) {
    // Latin-1 bytes of the UTF-8 text: a canary of ASCII characters matches either way.
    const needle = canary.toLowerCase();
    const where = texts.filter((t) => t.text.includes(needle)).map((t) => `${t.file} (${t.how})`);
    where.push(...texts.filter((t) => t.how === 'raw' && t.file.toLowerCase().includes(needle)).map((t) => `${t.file} (file name)`));
    found.set(canary, [...new Set(where)]);
  }
  void dir;
  return found;
}

let scratch = '';
let publicBuild: { code: number; output: string };
let fullBuild: { code: number; output: string };
let publicTexts: OutputText[] = [];
let fullTexts: OutputText[] = [];

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'driftsbok-canary-'));
  const env = {
    DRIFTSBOK_MODEL_DIR: join(FIXTURE, 'model'),
    DRIFTSBOK_CONTENT_DIR: join(FIXTURE, 'content'),
    // Caches of this test's own, so that both builds really render and print.
    DRIFTSBOK_DIAGRAM_CACHE: join(scratch, 'diagrams'),
    DRIFTSBOK_PDF_CACHE: join(scratch, 'pdf'),
  };
  // One after the other: each build already uses every core it is given.
  fullBuild = await runBuild(OUT_FULL, { ...env, DRIFTSBOK_PROFILE: 'full' }, ['--force']);
  publicBuild = await runBuild(OUT_PUBLIC, { ...env, DRIFTSBOK_PROFILE: 'public' }, ['--force']);
  if (fullBuild.code === 0) fullTexts = readOutput(OUT_FULL);
  if (publicBuild.code === 0) publicTexts = readOutput(OUT_PUBLIC);
}, 3_600_000);

afterAll(() => {
  for (const dir of [OUT_PUBLIC, OUT_FULL, scratch]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('sensitive canaries (a real public and a real full build of the canary fixture)', () => {
  it('both builds succeed, with both PDFs and a search index', () => {
    expect(fullBuild.code, fullBuild.output).toBe(0);
    expect(publicBuild.code, publicBuild.output).toBe(0);
    for (const texts of [fullTexts, publicTexts]) {
      const files = new Set(texts.map((t) => t.file));
      expect(files).toContain('runbook-nb.pdf');
      expect(files).toContain('runbook-en.pdf');
      expect(files).toContain('sw.js');
      expect(texts.some((t) => t.how === 'gunzip' && t.file.startsWith('pagefind/'))).toBe(true);
    }
  });

  it('public: no canary in any file of the output (HTML, JS, JSON, search index, PDFs) nor in a file name', () => {
    const found = findCanaries(OUT_PUBLIC, publicTexts);
    const leaks = [...found]
      .filter(([, where]) => where.length)
      .map(([canary, where]) => `${canary} (${CANARIES[canary]}): ${where.join(', ')}`);
    expect(leaks).toEqual([]);
  });

  it('full: every canary is in the output, so the public check means something', () => {
    const found = findCanaries(OUT_FULL, fullTexts);
    const missing = [...found].filter(([, where]) => where.length === 0).map(([canary]) => `${canary} (${CANARIES[canary]})`);
    expect(missing).toEqual([]);
    // The readers of the search index and the PDFs find canaries too: their silence in public counts.
    const inIndex = [...found].filter(([, where]) => where.some((w) => w.startsWith('pagefind/') && w.endsWith('(gunzip)')));
    expect(inIndex.length).toBeGreaterThan(5);
    const inPdf = [...found].filter(([, where]) => where.some((w) => w.endsWith('(pdftotext)'))).map(([canary]) => canary);
    expect(inPdf).toEqual(
      expect.arrayContaining(['Kanariscenario7f3a24', 'Kanariforststeg7f3a16', 'Kanariprosedyre7f3a33', 'Kanaribehov7f3a04']),
    );
  });

  it('full: what is sensitive is shown with its mark, in both languages', () => {
    const page = (file: string) => readFileSync(join(OUT_FULL, file), 'utf8');
    expect(page('guests/kanaribehovid7f3a05/index.html')).toMatch(/data-sensitive[^>]*>.*Sensitivt/s);
    expect(page('en/notes/keys/index.html')).toMatch(/Kanaripunkt7f3a09[\s\S]{0,300}?class="sensitive-mark"[\s\S]{0,300}?Sensitive/);
    expect(page('tips/index.html')).toMatch(/class="sensitive-block"[^>]*><p class="sensitive-mark[^"]*"[^>]*><strong>Sensitivt<\/strong>/);
    expect(page('en/secret/index.html')).toContain('<strong>Sensitive</strong>');
  });

  it('public: a guest something needs stays in the analysis as a neutral placeholder that its page and every link agree on', () => {
    const page = (file: string) => readFileSync(join(OUT_PUBLIC, file), 'utf8');
    const placeholder = page('guests/withheld-1/index.html');
    expect(placeholder).toContain('Skjult gjest 1');
    expect(placeholder).toContain('utelatt i den offentlige utgaven');
    // Not a search result, and the capability that needs it still links to it and still fails with the server.
    expect(placeholder).not.toContain('data-pagefind-body');
    expect(page('en/capabilities/remote-desk/index.html')).toMatch(
      /<a href="\/en\/guests\/withheld-1\/"[^>]*>(?:151 )?Withheld guest 1<\/a>/,
    );
    expect(page('en/scenarios/node-down/index.html')).toContain('Remote desk');
    // Prose links: to the placeholder by its name, to what was left out as "(skjult)" without a link.
    const tips = page('tips/index.html');
    expect(tips).toMatch(/<a href="\/guests\/withheld-1\/"[^>]*>Skjult gjest 1<\/a>/);
    expect(tips).toContain('(skjult)');
    expect(brokenInternalLinks(OUT_PUBLIC)).toEqual([]);
  });

  it('public: what is not sensitive next to what is stays (the public site is not just empty)', () => {
    const page = (file: string) => readFileSync(join(OUT_PUBLIC, file), 'utf8');
    expect(page('guests/files/index.html')).toContain('Samba');
    expect(page('notes/keys/index.html')).toContain('Reservenøkkelen ligger hos naboen.');
    expect(page('tips/index.html')).toContain('Serveren står i boden.');
    // The first step of the procedure after the sensitive one, on the home page.
    expect(page('en/index.html')).toContain('Is it the server?');
    expect(existsSync(join(OUT_PUBLIC, 'secret/index.html'))).toBe(false);
    expect(existsSync(join(OUT_PUBLIC, 'notes/kanarinotatid7f3a28'))).toBe(false);
    expect(page('hosts/fs-node/index.html')).toContain('fs-node står i boden');
  });
});

describe('the public build of Saghaugen (model/ and content/, PDFs included)', () => {
  /** The facts the model marks sensitive or keeps in sensitive fields, as the issue found them published. */
  const FACTS = [
    '10.12.0.',
    'ronny',
    'general-ai@saghaugen.no',
    'passordløs',
    'passwordless',
    'sudo uten passord',
    'full tilgang',
    'full access',
  ];
  const OUT_SAGHAUGEN = join(ROOT, '.dist-test-saghaugen-public');
  let build: { code: number; output: string };
  let texts: OutputText[] = [];
  beforeAll(async () => {
    build = await runBuild(OUT_SAGHAUGEN, { DRIFTSBOK_PROFILE: 'public' });
    if (build.code === 0) texts = readOutput(OUT_SAGHAUGEN);
  }, 3_600_000);
  afterAll(() => rmSync(OUT_SAGHAUGEN, { recursive: true, force: true }));

  it('holds no internal address, user name, e-mail or access fact in any file', () => {
    expect(build.code, build.output).toBe(0);
    expect(texts.some((t) => t.how === 'pdftotext')).toBe(true);
    // The texts are the files' bytes read as Latin-1: compare the UTF-8 bytes of each fact the same way.
    const found = FACTS.flatMap((fact) => {
      const needle = Buffer.from(fact.toLowerCase(), 'utf8').toString('latin1');
      return texts.filter((t) => t.text.includes(needle)).map((t) => `${fact}: ${t.file} (${t.how})`);
    });
    expect(found).toEqual([]);
  });

  it('the full model does say them, so their absence means something', () => {
    const source = ['model/guests.yaml', 'model/notes.yaml'].map((f) => readFileSync(join(ROOT, f), 'utf8').toLowerCase()).join('\n');
    for (const fact of ['10.12.0.', 'ronny', 'general-ai@saghaugen.no', 'passordløs', 'passwordless']) expect(source, fact).toContain(fact);
  });
});

/**
 * src/runbook/print-pdf.ts end to end on a tiny hand-made site folder (no Astro build): page numbers
 * measured into the contents, footer on every page, links to the public address, same bytes twice.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildRunbookPdfs, verifyPrintedRunbook } from '../../src/runbook/print-pdf.ts';

function page(lang: string, publicUrl?: string): string {
  const filler = Array.from({ length: 60 }, (_, i) => `<p>Line ${i} of a long section.</p>`).join('');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Runbook ${lang}</title>
${publicUrl ? `<meta name="driftsbok:public-url" content="${publicUrl}">` : ''}
<style>section[data-runbook-section] { break-before: page; }</style></head><body>
<h1>Index ${lang}</h1>
<ol><li>Alpha <span data-runbook-page-of="alpha">–</span></li><li>Beta <span data-runbook-page-of="beta">–</span></li></ol>
<a href="/guests/frigate/">frigate</a> <a href="#beta">to beta</a> <a href="https://example.org/">elsewhere</a>
<section data-runbook-section="alpha" id="alpha"><h2>Alpha section</h2>${filler}</section>
<section data-runbook-section="beta" id="beta"><h2>Beta section</h2><p>short</p></section>
</body></html>`;
}

const pdftotext = (file: string, ...args: string[]) => execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });

describe('buildRunbookPdfs', () => {
  let dir: string;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SOURCE_DATE_EPOCH: '1764720000',
    DRIFTSBOK_REVISION: 'test123',
    DRIFTSBOK_PUBLIC_URL: '',
  };
  let first: Buffer[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'runbook-pdf-test-'));
    env.DRIFTSBOK_PDF_CACHE = join(dir, '.cache-first');
    mkdirSync(join(dir, 'runbook/print'), { recursive: true });
    mkdirSync(join(dir, 'en/runbook/print'), { recursive: true });
    writeFileSync(join(dir, 'runbook/print/index.html'), page('nb', 'https://driftsbok.example.no/'));
    writeFileSync(join(dir, 'en/runbook/print/index.html'), page('en'));
    const files = await buildRunbookPdfs(dir, { env, log: () => {} });
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['runbook-nb.pdf', 'runbook-en.pdf']);
    first = files.map((f) => readFileSync(f));
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the page each section starts on into the contents', () => {
    const index = pdftotext(join(dir, 'runbook-nb.pdf'), '-f', '1', '-l', '1');
    const pages = Number(execFileSync('pdfinfo', [join(dir, 'runbook-nb.pdf')], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)![1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(index).toMatch(/Alpha 2\b/);
    expect(index).toMatch(new RegExp(`Beta ${pages}\\b`));
    expect(pdftotext(join(dir, 'runbook-nb.pdf'), '-f', String(pages), '-l', String(pages))).toContain('Beta section');
  });

  it('prints the footer on every page, in the language', () => {
    const text = pdftotext(join(dir, 'runbook-en.pdf'));
    const pages = text.split('\f').filter((p) => p.trim());
    pages.forEach((p, i) => {
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(p).toContain('Built 2025-12-03');
      expect(p).toContain('Version test123');
    });
    expect(pdftotext(join(dir, 'runbook-nb.pdf'), '-f', '1', '-l', '1')).toContain('Side 1 av');
  });

  it('leaves no measuring markers in the final PDF', () => {
    expect(pdftotext(join(dir, 'runbook-nb.pdf'))).not.toMatch(/RBMARK/);
  });

  it('points links at the public address, or drops them, never at the preview server', () => {
    const nb = first[0]!.toString('latin1');
    const en = first[1]!.toString('latin1');
    expect(nb).toContain('https://driftsbok.example.no/guests/frigate/');
    expect(nb).toContain('https://example.org/');
    expect(en).not.toContain('/guests/frigate/');
    expect(en).toContain('https://example.org/');
    for (const pdf of [nb, en]) expect(pdf).not.toContain('127.0.0.1');
  });

  it('sets the PDF dates from SOURCE_DATE_EPOCH and gives the same bytes the second time', async () => {
    expect(first[0]!.toString('latin1')).toContain("/CreationDate (D:20251203000000+00'00')");
    // A fresh cache, so both PDFs are really printed a second time.
    const lines: string[] = [];
    const again = (
      await buildRunbookPdfs(dir, { env: { ...env, DRIFTSBOK_PDF_CACHE: join(dir, '.cache-second') }, log: (l) => lines.push(l) })
    ).map((f) => readFileSync(f));
    expect(lines.filter((l) => l.includes('from cache'))).toEqual([]);
    expect(again[0]!.equals(first[0]!)).toBe(true);
    expect(again[1]!.equals(first[1]!)).toBe(true);
  }, 120_000);

  it('takes an unchanged PDF from the cache, and prints again what changed', async () => {
    const lines: string[] = [];
    const log = (l: string) => lines.push(l);
    const cached = (await buildRunbookPdfs(dir, { env, log })).map((f) => readFileSync(f));
    expect(lines.filter((l) => l.includes('from cache'))).toHaveLength(2);
    expect(cached[0]!.equals(first[0]!)).toBe(true);
    expect(cached[1]!.equals(first[1]!)).toBe(true);

    lines.length = 0;
    await buildRunbookPdfs(dir, { env: { ...env, DRIFTSBOK_REVISION: 'test456' }, log });
    expect(lines.filter((l) => l.includes('from cache'))).toEqual([]);
    expect(pdftotext(join(dir, 'runbook-en.pdf'))).toContain('Version test456');

    lines.length = 0;
    writeFileSync(join(dir, 'en/runbook/print/index.html'), page('en').replace('</body>', '<p>changed</p></body>'));
    await buildRunbookPdfs(dir, { env, log });
    expect(lines.filter((l) => l.includes('from cache'))).toEqual([
      'runbook-pdf: runbook-nb.pdf from cache (nothing it is made from changed)',
    ]);
    expect(pdftotext(join(dir, 'runbook-en.pdf'))).toContain('changed');
  }, 120_000);

  it('says what is missing when the print page was not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'runbook-pdf-empty-'));
    try {
      await expect(buildRunbookPdfs(empty, { env, log: () => {} })).rejects.toThrow(/runbook\/print\/index\.html is missing.*Hint:/s);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('buildRunbookPdfs for a site served under a base path (DRIFTSBOK_BASE)', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'runbook-pdf-base-test-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the pages and their stylesheets from under the base, and links to the public address once', async () => {
    // As Astro writes it: files at the top of the folder, every reference to them under the base.
    const print = (lang: string) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Runbook</title>
<meta name="driftsbok:public-url" content="https://owner.example.io/drift/">
<link rel="stylesheet" href="/drift/_astro/print.css"></head><body>
<h1>Runbook ${lang}</h1><p class="styled">text</p><a href="/drift/guests/frigate/">frigate</a></body></html>`;
    mkdirSync(join(dir, 'runbook/print'), { recursive: true });
    mkdirSync(join(dir, 'en/runbook/print'), { recursive: true });
    mkdirSync(join(dir, '_astro'), { recursive: true });
    writeFileSync(join(dir, 'runbook/print/index.html'), print('nb'));
    writeFileSync(join(dir, 'en/runbook/print/index.html'), print('en'));
    writeFileSync(join(dir, '_astro/print.css'), '.styled::before { content: "STYLESHEET-LOADED "; }');
    const env = {
      ...process.env,
      DRIFTSBOK_BASE: '/drift/',
      DRIFTSBOK_PDF_CACHE: join(dir, '.cache'),
      DRIFTSBOK_REVISION: 'test',
      DRIFTSBOK_PUBLIC_URL: '',
    };
    const files = await buildRunbookPdfs(dir, { env, log: () => {} });
    for (const file of files) {
      expect(pdftotext(file)).toContain('STYLESHEET-LOADED');
      const pdf = readFileSync(file).toString('latin1');
      expect(pdf).toContain('https://owner.example.io/drift/guests/frigate/');
      expect(pdf).not.toContain('/drift/drift/');
    }
  }, 120_000);
});

describe('the printer is confined to the site, and checks what it printed (issue 15, finding 3)', () => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SOURCE_DATE_EPOCH: '1764720000',
    DRIFTSBOK_REVISION: 'test123',
    DRIFTSBOK_PUBLIC_URL: '',
  };
  const scenarioPage = (
    lang: string,
    extra: string,
  ) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>R</title>${extra}
<style>section[data-runbook-section] { break-before: page; }</style></head><body><h1>Runbook ${lang}</h1>
<section class="rb-scenario" data-runbook-section="s1" id="s1"><h2><span class="rb-number">1.</span> Strømmen er borte ${lang}</h2><p>Gjør dette.</p></section>
<section class="rb-scenario" data-runbook-section="s2" id="s2"><h2><span class="rb-number">2.</span> Starlink er nede ${lang}</h2><p>Gjør noe annet.</p></section>
</body></html>`;
  const site = (extra: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'runbook-pdf-confined-'));
    mkdirSync(join(dir, 'runbook/print'), { recursive: true });
    mkdirSync(join(dir, 'en/runbook/print'), { recursive: true });
    writeFileSync(join(dir, 'runbook/print/index.html'), scenarioPage('nb', extra));
    writeFileSync(join(dir, 'en/runbook/print/index.html'), scenarioPage('en', extra));
    return dir;
  };

  it('fetches nothing from another origin while printing', async () => {
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const dir = site(
      `<link rel="stylesheet" href="http://127.0.0.1:${port}/evil.css"><script src="http://127.0.0.1:${port}/evil.js"></script>`,
    );
    try {
      const lines: string[] = [];
      await buildRunbookPdfs(dir, { env: { ...env, DRIFTSBOK_PDF_CACHE: join(dir, '.cache') }, log: (l) => lines.push(l) });
      expect(hits).toEqual([]);
      expect(lines.join('\n')).toMatch(/refused \d+ request\(s\) to other origins: http:\/\/127\.0\.0\.1:\d+\/evil/);
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('fails when the printed PDF lacks the scenarios (a stylesheet that hides the page)', async () => {
    const dir = site('<style>body{display:none}</style>');
    try {
      await expect(buildRunbookPdfs(dir, { env: { ...env, DRIFTSBOK_PDF_CACHE: join(dir, '.cache') }, log: () => {} })).rejects.toThrow(
        /runbook-nb\.pdf is not the runbook it should be: .*scenario title\(s\) missing: "Strømmen er borte nb", "Starlink er nede nb"/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('verifyPrintedRunbook: page count and titles, white space collapsed', () => {
    expect(verifyPrintedRunbook(['Index', 'Strømmen er\nborte', 'Starlink er nede'], ['Strømmen er borte', 'Starlink er nede'])).toEqual(
      [],
    );
    expect(verifyPrintedRunbook([' '], ['A'])).toEqual(['0 page(s) with text, expected at least 2', 'scenario title(s) missing: "A"']);
  });
});

/**
 * scripts/build.ts end to end on small fixture models: a second infrastructure builds its own site,
 * building twice gives identical HTML, a broken [[…]] link and an invalid model each fail with a
 * clear message and leave the previous output intact, and a hostile model renders literally and
 * runs nothing (checked in Chromium). Slow (several Astro builds); runs its cases in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from '../../src/browser/chromium.ts';
import { htmlFiles, brokenInternalLinks } from '../../e2e/helpers/site.ts';
import { serveStatic } from '../../src/site/static-server.ts';
import { writeSyntheticModel } from '../../src/bench/write-synthetic-model.ts';
import { outsideVitest } from '../helpers/run-build.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const MINI = join(ROOT, 'tests/fixtures/models/mini');
const HOSTILE = join(ROOT, 'tests/fixtures/models/hostile');
const OUT = join(ROOT, '.dist-test-site-mini');
const OUT2 = join(ROOT, '.dist-test-site-mini-again');
const OUT_HOSTILE = join(ROOT, '.dist-test-site-hostile');
const OUT_PUBLIC = join(ROOT, '.dist-test-site-public');
const OUT_BASE = join(ROOT, '.dist-test-site-base');

function build(out: string, env: Record<string, string>, args: string[] = []): { code: number; output: string } {
  // As `npm run build` runs it: Node's own TypeScript support, no loader (a loader changes how
  // Astro's modules are compiled, and so whether the incremental build can reuse pages). --verbose:
  // these tests read Astro's page-by-page log (which pages it rendered, which it reused).
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--out', out, '--no-pdf', '--verbose', ...args], {
    cwd: ROOT,
    // A diagram cache of this file's own: the project's may hold these fixtures' diagrams already,
    // and then no build here would render one.
    env: {
      ...outsideVitest(process.env),
      SOURCE_DATE_EPOCH: '1767225600',
      DRIFTSBOK_REVISION: 'test',
      DRIFTSBOK_PROFILE: 'full',
      DRIFTSBOK_DIAGRAM_CACHE: join(scratch, 'diagrams'),
      ...env,
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? 1, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * A page as written, but each stylesheet link named by the rules its file holds: a link names its
 * file by a hash of its content, and under load the bundler has (rarely, in CI only) joined the
 * same rules in another order, giving another file name for the same styles. The rules compare as a
 * multiset: a changed, added or lost rule still differs; only the order of whole rules is free.
 */
function canonicalPage(dir: string, file: string): string {
  const rulesOf = (href: string) =>
    readFileSync(join(dir, href), 'utf8')
      .split('}')
      .map((rule) => rule.trim())
      .sort()
      .join('}\n');
  return readFileSync(join(dir, file), 'utf8').replace(
    /href="\/(_astro\/[^"]+\.css)"/g,
    (_, href: string) => `href="css:${createHash('sha256').update(rulesOf(href)).digest('hex')}"`,
  );
}

const miniEnv = { DRIFTSBOK_MODEL_DIR: join(MINI, 'model'), DRIFTSBOK_CONTENT_DIR: join(MINI, 'content') };
let scratch = '';

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'driftsbok-site-test-'));
});
afterAll(() => {
  for (const dir of [OUT, OUT2, OUT_HOSTILE, OUT_PUBLIC, OUT_BASE, scratch]) rmSync(dir, { recursive: true, force: true });
});

describe('npm run build on fixture models', () => {
  it('builds a second infrastructure (mini) with its own title, prose and links', { timeout: 300_000 }, () => {
    const result = build(OUT, miniEnv);
    expect(result.code, result.output).toBe(0);
    // The last line says where the time went, stage by stage (--no-pdf: no PDFs in it).
    expect(result.output).toMatch(
      /^build: took \d+\.\d s: check \d+\.\d s · pages and diagrams \d+\.\d s · security policy \d+\.\d s · output scan \d+\.\d s · offline app \d+\.\d s · swap \d+\.\d s$/m,
    );
    const model = readFileSync(join(MINI, 'model', 'site.yaml'), 'utf8');
    const nbTitle = /title:\s*\n\s*nb:\s*(.+)/.exec(model)?.[1]?.replace(/^"|"$/g, '');
    const home = readFileSync(join(OUT, 'index.html'), 'utf8');
    expect(home).toContain('<html lang="nb"');
    if (nbTitle) expect(home).toContain(nbTitle);
    expect(home).not.toContain('Saghaugen');
    const host = readFileSync(join(OUT, 'hosts/fs-node/index.html'), 'utf8');
    expect(host).toMatch(/<a href="\/guests\/dns\/"[^>]*>dns<\/a>/);
    const hostEn = readFileSync(join(OUT, 'en/hosts/fs-node/index.html'), 'utf8');
    expect(hostEn).toContain('<html lang="en"');
    expect(hostEn).toMatch(/<a href="\/en\/guests\/dns\/"[^>]*>dns<\/a>/);
    // Built with --no-pdf, so the runbook's PDF links have no file behind them here.
    // The docs come from the fixture's content dir, not from content/docs (the src/content/docs symlink).
    expect(readFileSync(join(OUT, 'about/index.html'), 'utf8')).toContain('Driftsboka for Fjellstua.');
    expect(readFileSync(join(OUT, 'en/about/index.html'), 'utf8')).toContain('The operations book for Fjellstua.');
    expect(brokenInternalLinks(OUT).filter((b) => !b.href.endsWith('.pdf'))).toEqual([]);
  });

  it('shortens the once-per-phase lists of a large model, and says so, in both languages (synthetic 3×)', { timeout: 300_000 }, () => {
    const model = join(scratch, 'synthetic-x3');
    writeSyntheticModel(model, 3);
    const content = join(scratch, 'content-empty');
    mkdirSync(join(content, 'docs'), { recursive: true });
    const out = join(scratch, 'out-x3');
    const result = build(out, { DRIFTSBOK_MODEL_DIR: model, DRIFTSBOK_CONTENT_DIR: content });
    expect(result.code, result.output).toBe(0);
    const page = readFileSync(join(out, 'scenarios/isp-down-000/index.html'), 'utf8');
    const works = /<h4 id="phase-start-works"[^>]*>Virker \((\d+)\)<\/h4>/.exec(page);
    expect(Number(works?.[1])).toBeGreaterThan(40);
    const note = /<p class="omitted[^"]*" data-omitted="(\d+)">([^<]*)<a href="\/scenario-matrix\/"/.exec(page);
    expect(note?.[2]).toContain('Ikke listet:');
    // Listed (critical) + left out = the heading's count.
    const section = page.slice(page.indexOf('id="phase-start-works"'), page.indexOf('id="phase-start-other"'));
    const listed = (section.match(/<li data-key="capability:/g) ?? []).length;
    expect(listed + Number(note?.[1])).toBe(Number(works?.[1]));
    const en = readFileSync(join(out, 'en/scenarios/isp-down-000/index.html'), 'utf8');
    expect(en).toMatch(/<p class="omitted[^"]*" data-omitted="\d+">Not listed: [^<]*<a href="\/en\/scenario-matrix\/"/);
    for (const [file, words] of [
      ['runbook/index.html', 'Modellen er stor'],
      ['en/runbook/index.html', 'The model is large'],
    ] as const) {
      const runbook = readFileSync(join(out, file), 'utf8');
      expect((runbook.match(/class="rb-omitted[^"]*" data-omitted="\d+"/g) ?? []).length, file).toBeGreaterThan(0);
      expect(runbook).toContain(words);
    }
  });

  it('is reproducible: building again gives the same pages and the same styles', { timeout: 300_000 }, () => {
    // --force: render every page again rather than reuse the first build's (incremental build).
    const result = build(OUT2, miniEnv, ['--force']);
    expect(result.output).not.toMatch(/\((?:cached|restored)\)/);
    expect(result.code, result.output).toBe(0);
    const files = htmlFiles(OUT);
    expect(htmlFiles(OUT2)).toEqual(files);
    const differing = files.filter((f) => canonicalPage(OUT, f) !== canonicalPage(OUT2, f));
    // Say where the first file differs, so a rare difference can be read from the CI log.
    const where = differing.slice(0, 1).map((f) => {
      const [a, b] = [canonicalPage(OUT, f), canonicalPage(OUT2, f)];
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      return `${f} at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 160), i + 160))} vs ${JSON.stringify(b.slice(Math.max(0, i - 160), i + 160))}`;
    });
    expect(differing, where.join('\n')).toEqual([]);
  });

  it(
    "skips a build with nothing changed, reuses last build's pages when only the output went, and renders them again when the model changed",
    { timeout: 300_000 },
    () => {
      const model = join(scratch, 'model-edited');
      cpSync(join(MINI, 'model'), model, { recursive: true });
      const env = { ...miniEnv, DRIFTSBOK_MODEL_DIR: model };
      const out = join(scratch, 'out-incremental');
      expect(build(out, { ...env, _: '/usr/bin/npm', npm_lifecycle_event: 'build' }).code).toBe(0);
      const built = readFileSync(join(out, 'index.html'), 'utf8');

      // Nothing changed and the output is as the build left it: nothing runs.
      const unchanged = build(out, env);
      expect(unchanged.code, unchanged.output).toBe(0);
      expect(unchanged.output).toContain('up to date');
      expect(unchanged.output).not.toContain('[build]');
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(built);

      // The output was touched (a page removed): Astro runs, and copies the unchanged pages from its
      // cache, also when the build is started another way (the shell's `_`, npm's script name).
      rmSync(join(out, 'about'), { recursive: true, force: true });
      const repaired = build(out, { ...env, _: '/usr/bin/time', npm_lifecycle_event: 'test' });
      expect(repaired.code, repaired.output).toBe(0);
      expect(repaired.output).not.toContain('up to date');
      const reused = repaired.output.match(/\((?:cached|restored)\)/g) ?? [];
      expect(reused.length).toBeGreaterThan(10);
      // Only Starlight's own pages (404, the Markdown docs pages) carry no key and render every time.
      // eslint-disable-next-line no-control-regex
      const rendered = [...repaired.output.replace(/\u001b\[[0-9;]*m/g, '').matchAll(/├─ (\/\S+?\.html)(?! \((?:cached|restored)\))/g)].map(
        (m) => m[1],
      );
      expect(rendered.sort()).toEqual(['/404.html', '/about/index.html', '/en/about/index.html']);
      expect(repaired.output).toMatch(/diagrams: 0 rendered, [1-9]\d* from cache/);
      expect(readFileSync(join(out, 'about/index.html'), 'utf8')).toContain('Driftsboka for Fjellstua.');

      // The site title: every page shows it in its header.
      const site = readFileSync(join(model, 'site.yaml'), 'utf8');
      const title = /title:\s*\n\s*nb:\s*(.+)/.exec(site)![1]!.replace(/^"|"$/g, '');
      writeFileSync(join(model, 'site.yaml'), site.replace(title, `${title} endret`));
      const changed = build(out, env);
      expect(changed.code, changed.output).toBe(0);
      expect(changed.output).not.toMatch(/\((?:cached|restored)\)/);
      const host = readFileSync(join(out, 'hosts/fs-node/index.html'), 'utf8');
      expect(host).toContain(`${title} endret`);
    },
  );

  it(
    "a guest's cores, memory and disk changed: only its page, its host's page and the overview render again, and every page is what a full build makes",
    { timeout: 600_000 },
    () => {
      const model = join(scratch, 'model-resized');
      cpSync(join(MINI, 'model'), model, { recursive: true });
      const env = { ...miniEnv, DRIFTSBOK_MODEL_DIR: model };
      const out = join(scratch, 'out-resized');
      expect(build(out, env).code).toBe(0);
      const services = join(model, 'services.yaml');
      const text = readFileSync(services, 'utf8');
      // files (LXC 101 on fs-node): 2 cores, 2048 MB, 200 GB.
      const resized = text.replace(/(- id: files[\s\S]*?cores: )2(\s+memoryMb: )2048(\s+diskGb: )200/, '$13$23072$3250');
      expect(resized).not.toBe(text);
      writeFileSync(services, resized);
      const rebuilt = build(out, env);
      expect(rebuilt.code, rebuilt.output).toBe(0);
      // eslint-disable-next-line no-control-regex
      const log = rebuilt.output.replace(/\u001b\[[0-9;]*m/g, '');
      const rendered = [...log.matchAll(/├─ (\/\S+?\.html)(?! \((?:cached|restored)\))/g)].map((m) => m[1]!).sort();
      const starlightOwn = ['/404.html', '/about/index.html', '/en/about/index.html'];
      expect(rendered.filter((page) => !starlightOwn.includes(page))).toEqual([
        '/en/guests/files/index.html',
        '/en/hosts/fs-node/index.html',
        '/en/index.html',
        '/guests/files/index.html',
        '/hosts/fs-node/index.html',
        '/index.html',
      ]);
      expect(readFileSync(join(out, 'guests/files/index.html'), 'utf8')).toMatch(/3[\s\u00a0]?072 MB/);
      // The same model built from nothing: every page the same, byte for byte.
      const fresh = join(scratch, 'out-resized-fresh');
      expect(build(fresh, { ...env, DRIFTSBOK_DIAGRAM_CACHE: join(scratch, 'diagrams-fresh') }, ['--force']).code).toBe(0);
      const differ = htmlFiles(fresh).filter((page) => canonicalPage(fresh, page) !== canonicalPage(out, page));
      expect(differ).toEqual([]);
    },
  );

  it('the public profile leaves out internal addresses and access notes everywhere', { timeout: 300_000 }, () => {
    const sensitive = ['192.168.40.10', '192.168.40.1<', 'brukeren kari', 'the user kari'];
    const everything = (dir: string) =>
      htmlFiles(dir)
        .map((f) => readFileSync(join(dir, f), 'utf8'))
        .join('\n');
    // The full build (first test) shows them, so their absence below means something.
    const full = everything(OUT);
    for (const text of sensitive) expect(full, text).toContain(text);
    const result = build(OUT_PUBLIC, { ...miniEnv, DRIFTSBOK_PROFILE: 'public' });
    expect(result.code, result.output).toBe(0);
    const published = everything(OUT_PUBLIC);
    for (const text of sensitive) expect(published, text).not.toContain(text);
    expect(published).toContain('fs-node');
  });

  it(
    'a public build that would publish an internal address from an ordinary field fails, naming the pages, and leaves the previous output',
    { timeout: 300_000 },
    () => {
      const model = join(scratch, 'model-address-in-text');
      cpSync(join(MINI, 'model'), model, { recursive: true });
      const services = join(model, 'services.yaml');
      const text = readFileSync(services, 'utf8');
      expect(text).toContain('en: Shared folders for the office.');
      // A description is not a sensitive field: only the finished output shows where the address went.
      writeFileSync(services, text.replace('en: Shared folders for the office.', 'en: Shared folders for the office, at 10.20.30.40.'));
      const before = readFileSync(join(OUT_PUBLIC, 'index.html'), 'utf8');
      const result = build(OUT_PUBLIC, { ...miniEnv, DRIFTSBOK_MODEL_DIR: model, DRIFTSBOK_PROFILE: 'public' });
      expect(result.code, result.output).toBe(1);
      expect(result.output).toMatch(/the public build would publish what it must not/);
      expect(result.output).toMatch(/^ {2}en\/guests\/files\/index\.html: an internal IPv4 address/m);
      expect(result.output).toMatch(/^ {2}pagefind\/fragment\/en_[0-9a-f]+\.pf_fragment: an internal IPv4 address/m);
      expect(result.output).not.toContain('10.20.30.40');
      expect(result.output).not.toMatch(/^\s+at /m);
      expect(readFileSync(join(OUT_PUBLIC, 'index.html'), 'utf8')).toBe(before);
      // The full profile is for the LAN: the same model builds.
      const full = build(join(scratch, 'out-address-full'), { ...miniEnv, DRIFTSBOK_MODEL_DIR: model });
      expect(full.code, full.output).toBe(0);
    },
  );

  it(
    'builds for a sub-path (DRIFTSBOK_BASE): every link, diagram link and file a page loads is under it and exists',
    { timeout: 300_000 },
    () => {
      const base = '/owner-site/drift/';
      const result = build(OUT_BASE, { ...miniEnv, DRIFTSBOK_BASE: base });
      expect(result.code, result.output).toBe(0);
      const host = readFileSync(join(OUT_BASE, 'hosts/fs-node/index.html'), 'utf8');
      expect(host).toMatch(/<a href="\/owner-site\/drift\/guests\/dns\/"[^>]*>dns<\/a>/);
      // Diagram links (Mermaid's xlink:href): there are some, and every one is under the base. (The
      // host's neighbourhood is HTML now, checked by the <a href> above.)
      const diagramLinks = htmlFiles(OUT_BASE).flatMap((f) =>
        [...readFileSync(join(OUT_BASE, f), 'utf8').matchAll(/xlink:href="([^"]*)"/g)].map((m) => m[1]!),
      );
      expect(diagramLinks.length).toBeGreaterThan(0);
      expect(diagramLinks.filter((href) => !href.startsWith(base))).toEqual([]);
      expect(readFileSync(join(OUT_BASE, 'en/hosts/fs-node/index.html'), 'utf8')).toMatch(
        /<a href="\/owner-site\/drift\/en\/guests\/dns\/"[^>]*>dns<\/a>/,
      );
      // Built with --no-pdf: the runbook's PDF links have no file behind them here (the PDF print under
      // a base path is tested in tests/runbook/runbook-pdf.test.ts).
      expect(brokenInternalLinks(OUT_BASE, base).filter((b) => !b.href.endsWith('.pdf'))).toEqual([]);
      // The same pages read as a root site would be broken everywhere: the check above means something.
      expect(brokenInternalLinks(OUT_BASE, '/').length).toBeGreaterThan(100);
    },
  );

  it(
    'under a sub-path, works in Chromium: styles and scripts load, a diagram link and search lead to pages',
    { timeout: 300_000 },
    async () => {
      const base = '/owner-site/drift/';
      const server = await serveStatic(OUT_BASE, base);
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const failed: string[] = [];
        page.on('response', (r) => {
          if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
        });
        // ERR_ABORTED is a request cut short by the next navigation; a missing file shows as a 404 above.
        page.on('requestfailed', (r) => {
          if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${r.failure()?.errorText} ${r.url()}`);
        });
        // A scenario's page: it has a failure diagram (a host's neighbourhood is HTML, not a diagram).
        await page.goto(`${server.origin}${base}en/scenarios/node-down/`);
        // Starlight's stylesheet is in effect (its sidebar is laid out as a flex column).
        expect(await page.locator('.sidebar-content').evaluate((el) => getComputedStyle(el).display)).toBe('flex');
        const diagramLink = page.locator('.driftsbok-diagram a').first();
        const target = await diagramLink.evaluate((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href'));
        expect(target).toMatch(/^\/owner-site\/drift\/en\//);
        expect((await page.goto(server.origin + target!))?.status()).toBe(200);
        await page.goto(`${server.origin}${base}en/`);
        await page.locator('button[data-open-modal]').first().click();
        await page.locator('dialog[open] input').fill('dns');
        const hit = page.locator('dialog[open] a[href*="/guests/dns/"]').first();
        await expect.poll(() => hit.getAttribute('href'), { timeout: 10_000 }).toBe(`${base}en/guests/dns/`);
        expect(failed).toEqual([]);
      } finally {
        await browser.close();
        await server.close();
      }
    },
  );

  it('refuses a base path that is not one, before building anything', { timeout: 120_000 }, () => {
    const result = build(OUT_BASE, { ...miniEnv, DRIFTSBOK_BASE: 'https://example.org/drift/' });
    expect(result.code).toBe(1);
    expect(result.output).toContain('DRIFTSBOK_BASE="https://example.org/drift/" is an address, not a path');
    expect(result.output).toContain('hint: give the path the site is served under');
    expect(result.output).not.toContain('    at ');
  });

  it(
    'fails on a [[…]] link to an unknown entity with file:line (front matter counted) and a suggestion, twice in a row, and leaves the previous output',
    { timeout: 600_000 },
    () => {
      const content = join(scratch, 'content-broken');
      cpSync(join(MINI, 'content'), content, { recursive: true });
      mkdirSync(join(content, 'entities/nb/guest'), { recursive: true });
      writeFileSync(join(content, 'entities/nb/guest/dns.md'), '---\ntitle: DNS\n---\nFørste linje.\n\nSe [[guest:dnss]] her.\n');
      const before = readFileSync(join(OUT, 'index.html'), 'utf8');
      // Twice: the second build used to succeed from Astro's content cache and ship an empty page.
      for (const attempt of [1, 2]) {
        const result = build(OUT, { ...miniEnv, DRIFTSBOK_CONTENT_DIR: content });
        expect(result.code, `attempt ${attempt}: ${result.output}`).toBe(1);
        expect(result.output).toMatch(
          /entities\/nb\/guest\/dns\.md:6:4\s+unknown entity "guest:dnss" in \[\[guest:dnss\]\]: no such entity in the model \(did you mean "guest:dns"\?\)/,
        );
        expect(result.output).toContain('was left as it was');
        expect(result.output).not.toMatch(/^\s+at /m);
        expect(readFileSync(join(OUT, 'index.html'), 'utf8')).toBe(before);
      }
      // Fixed, it builds, and the page has its text.
      writeFileSync(join(content, 'entities/nb/guest/dns.md'), '---\ntitle: DNS\n---\nFørste linje.\n\nSe [[guest:dns]] her.\n');
      const fixed = build(join(scratch, 'out-fixed'), { ...miniEnv, DRIFTSBOK_CONTENT_DIR: content });
      expect(fixed.code, fixed.output).toBe(0);
      expect(readFileSync(join(scratch, 'out-fixed', 'guests/dns/index.html'), 'utf8')).toContain('Første linje.');
    },
  );

  it('fails on an invalid model before building anything, and leaves the previous output', { timeout: 120_000 }, () => {
    const model = join(scratch, 'model-invalid');
    cpSync(join(MINI, 'model'), model, { recursive: true });
    const guests = join(model, 'services.yaml');
    expect(readFileSync(guests, 'utf8')).toContain('host: fs-node');
    writeFileSync(guests, readFileSync(guests, 'utf8').replace('host: fs-node', 'host: fs-nod'));
    const before = readFileSync(join(OUT, 'index.html'), 'utf8');
    const result = build(OUT, { ...miniEnv, DRIFTSBOK_MODEL_DIR: model });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/services\.yaml:\d+:\d+/);
    expect(result.output).toContain('fs-nod');
    expect(result.output).toContain('nothing was built');
    expect(result.output).not.toContain('[build]');
    expect(readFileSync(join(OUT, 'index.html'), 'utf8')).toBe(before);
  });

  it('without a browser and with diagrams to render, fails once with how to fix it, before Astro starts', { timeout: 120_000 }, () => {
    const before = readFileSync(join(OUT, 'index.html'), 'utf8');
    const result = build(OUT, {
      ...miniEnv,
      CHROMIUM_PATH: join(scratch, 'no-such-chromium'),
      DRIFTSBOK_DIAGRAM_CACHE: join(scratch, 'empty-diagram-cache'),
    });
    expect(result.code).toBe(1);
    expect(result.output.match(/No Chromium found/g)).toHaveLength(1);
    expect(result.output).toContain('point CHROMIUM_PATH at a Chromium or Chrome binary');
    expect(result.output).not.toContain('[build]');
    expect(result.output).not.toMatch(/^\s+at /m);
    expect(readFileSync(join(OUT, 'index.html'), 'utf8')).toBe(before);
  });

  it('shows a hostile model literally and runs nothing (Chromium)', { timeout: 900_000 }, async () => {
    const result = build(OUT_HOSTILE, { DRIFTSBOK_MODEL_DIR: join(HOSTILE, 'model'), DRIFTSBOK_CONTENT_DIR: HOSTILE });
    expect(result.code, result.output).toBe(0);
    const server = await serveStatic(OUT_HOSTILE);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      const pages = htmlFiles(OUT_HOSTILE)
        .filter((f) => !f.startsWith('pagefind') && !f.includes('/print/'))
        .map((f) => '/' + f.replace(/index\.html$/, ''));
      expect(pages.length).toBeGreaterThan(10);
      // Every page's <title> is "<page title> | <site title>" as text (document.title collapses
      // white space), its og:title the page title, and nothing in <head> came from a model string.
      const siteTitles = { nb: '<img src=x onerror=alert(1)> (nb)', en: '"] --> x (en)' };
      const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
      for (const path of pages) {
        await page.goto(server.origin + path);
        const injected = await page.evaluate(() => ({
          imgX: document.querySelectorAll('img[src="x"]').length,
          scriptsWithAlert: [...document.scripts].filter((s) => s.textContent?.includes('alert(1)') || s.textContent?.includes('__pwned'))
            .length,
          jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
          pwned: (window as { __pwned?: unknown }).__pwned ?? null,
          titles: document.head.querySelectorAll('title').length,
          metaRefresh: document.querySelectorAll('meta[http-equiv="refresh" i]').length,
        }));
        expect(injected, path).toEqual({ imgX: 0, scriptsWithAlert: 0, jsLinks: 0, pwned: null, titles: 1, metaRefresh: 0 });
        const head = await page.evaluate(() => ({
          title: document.title,
          h1: document.querySelector('h1')?.textContent ?? '',
          ogTitle: document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '',
          ogSiteName: document.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? '',
        }));
        const siteTitle = siteTitles[path.startsWith('/en/') ? 'en' : 'nb'];
        // A full-size diagram page is a bare page of ours (no Starlight head): its title, as text.
        if (/^\/(en\/)?diagram\//.test(path)) {
          expect(head.title, path).toBe(collapse(`${head.h1} | ${siteTitle}`));
          continue;
        }
        expect(head.ogSiteName, path).toBe(siteTitle);
        if (!path.startsWith('/404')) expect(collapse(head.ogTitle), path).toBe(collapse(head.h1));
        expect(head.title, path).toBe(collapse(`${head.ogTitle} | ${siteTitle}`));
      }
      // The strings that broke out of Starlight's <title>, literally.
      await page.goto(server.origin + '/network/title-breakout/');
      expect(await page.title()).toBe('x</title><script>window.__pwned=1</script> | <img src=x onerror=alert(1)> (nb)');
      await page.goto(server.origin + '/en/network/valueof/');
      expect(await page.title()).toBe('&lt;escaped&gt; &amp; &#60; #60; #35; | "] --> x (en)');
      await page.goto(server.origin + '/network/head-breakout/');
      expect(await page.title()).toBe(
        '"><meta http-equiv=refresh content=0;url=javascript:window.__pwned=2> | <img src=x onerror=alert(1)> (nb)',
      );
      await page.goto(server.origin + '/');
      await expect.poll(() => page.locator('h1').innerText()).toBe('<img src=x onerror=alert(1)> (nb)');
      await page.goto(server.origin + '/en/');
      expect(await page.locator('h1').innerText()).toBe('"] --> x (en)');
      expect(await page.locator('main').innerText()).toContain('$$x^2$$ (en)');
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

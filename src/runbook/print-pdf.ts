/**
 * Prints the runbook to dist/runbook-nb.pdf and dist/runbook-en.pdf from a freshly built site
 * folder. scripts/build.ts calls buildRunbookPdfs(tmpOutDir) after `astro build` and before the
 * output replaces dist/; `node scripts/runbook-pdf.ts [dir]` runs it alone. Node-only.
 *
 * How:
 *  - The folder is served on 127.0.0.1 by a tiny static server on a free port (src/site/static-server.ts;
 *    asset paths are absolute, so printing from file:// would lose the CSS).
 *  - ONE Chromium prints each language's print page (/runbook/print/, /en/runbook/print/) to A4 with
 *    a footer on every page: page X of Y, the build date (SOURCE_DATE_EPOCH when set) and the model
 *    revision (DRIFTSBOK_REVISION, else `git rev-parse --short HEAD`, else "unknown").
 *  - Page numbers for the table of contents (Chromium does not tell the page which page it is on):
 *    a measuring pass puts a short text marker (RBMARK<n>Q, tiny, white, absolutely positioned so
 *    the layout does not move) at the top of every section, prints, and reads which page each
 *    marker lands on with `pdftotext` (pages are separated by form feeds). The numbers are written
 *    into the contents and symptom index (fixed-width cells, so the layout does not move either).
 *    When writing them in moved nothing (same section tops, cell boxes and document height) one
 *    measuring pass is enough; otherwise the pass is repeated until the numbers are stable. The
 *    final print has no markers. Without pdftotext the contents print without page numbers and a warning is shown.
 *  - Links to the preview server are rewritten to the public address (site.publicUrl from the
 *    model, read from the page's <meta name="driftsbok:public-url">, else $DRIFTSBOK_PUBLIC_URL);
 *    when neither is known they are unlinked (text kept), so a PDF never points at 127.0.0.1.
 *  - The PDF's CreationDate/ModDate are set to the build date, and the tagged-PDF structure ids
 *    (named after DOM node ids, which vary per run) are renumbered, so two builds with the same
 *    SOURCE_DATE_EPOCH and revision give the same bytes.
 *  - A disk cache (DRIFTSBOK_PDF_CACHE, default .cache/runbook-pdf) keyed by everything the PDF is
 *    made from: the print page's HTML (which names its hashed CSS and holds the diagrams inline), the
 *    day and revision in the footer, the public address and whether page numbers could be measured.
 *    A rebuild of an unchanged model and revision copies the PDFs and never starts Chromium. Within
 *    one day without SOURCE_DATE_EPOCH a cached PDF keeps the time of day of its first print in its
 *    metadata; what is printed on the page is the same.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../browser/chromium.ts';
import { siteBase, withBase } from '../site/base.ts';
import { serveStatic } from '../site/static-server.ts';
import type { Lang } from '../model/entities.ts';
import { resolveRevision } from '../revision.ts';
import { readSettings } from '../settings.ts';
import {
  HEADER_TEMPLATE,
  PAGE_OF_ATTR,
  RUNBOOK_PDF_NAMES,
  RUNBOOK_PRINT_PATHS,
  SECTION_ATTR,
  buildDate,
  findSectionPages,
  fixPdfDates,
  footerTemplate,
  normalizeStructIds,
  publicHref,
  sectionMarker,
} from './pdf.ts';
import { havePdftotext, pdftotextPages } from './pdftotext.ts';

const LANGS: Lang[] = ['nb', 'en'];
const MAX_PASSES = 4;
/**
 * Above this much print-page HTML (both languages together) the PDFs print one after the other:
 * Chromium needs several times the HTML's size in memory per page it prints (a 100× synthetic model's
 * runbook, ~1 200 diagrams per language, took over 10 GB per page).
 */
const PARALLEL_PRINT_MAX_HTML_BYTES = 16 * 1024 * 1024;
/** Bump when anything here changes how a PDF is made from the same inputs. */
const PDF_CACHE_VERSION = '1';

export function pdfCacheDir(env: NodeJS.ProcessEnv): string {
  return resolve(readSettings(env).DRIFTSBOK_PDF_CACHE);
}

/** The cache key of one language's PDF: every input it is printed from. */
export function pdfCacheKey(inputs: { html: string; day: string; revision: string; publicUrl: string; measured: boolean }): string {
  return createHash('sha256')
    .update(JSON.stringify([PDF_CACHE_VERSION, inputs.day, inputs.revision, inputs.publicUrl, inputs.measured]))
    .update('\0')
    .update(inputs.html)
    .digest('hex');
}

/**
 * What is wrong with a printed runbook, from its pages' text: fewer pages than it must have (a
 * symptom index and contents, then each scenario), or a scenario title missing (a stylesheet in
 * the prose once hid everything and printed one empty page). Pure; white space is compared
 * collapsed, since pdftotext breaks lines where the layout did.
 */
export function verifyPrintedRunbook(pages: string[], scenarioTitles: string[]): string[] {
  const problems: string[] = [];
  const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
  const text = collapse(pages.join(' '));
  const minPages = scenarioTitles.length > 0 ? 2 : 1;
  const printed = pages.filter((p) => p.trim()).length;
  if (printed < minPages) problems.push(`${printed} page(s) with text, expected at least ${minPages}`);
  const missing = scenarioTitles.filter((t) => !text.includes(collapse(t)));
  if (missing.length) problems.push(`scenario title(s) missing: ${missing.map((t) => JSON.stringify(t)).join(', ')}`);
  return problems;
}

/** The text of each page of a PDF, by pdftotext (asynchronous: the other language prints meanwhile). */
async function pdfPagesText(pdf: Buffer, scratch: string, name: string): Promise<string[]> {
  const file = join(scratch, `measure-${name}.pdf`);
  writeFileSync(file, pdf);
  return pdftotextPages(file);
}

/** Writes the page numbers into the page, and adds (or removes) the measuring markers. */
async function preparePage(page: Page, numbers: Record<string, number> | null, markers: boolean): Promise<string[]> {
  return page.evaluate(
    ({ numbers, markers, SECTION_ATTR, PAGE_OF_ATTR, markerTexts }) => {
      const sections = [...document.querySelectorAll<HTMLElement>(`[${SECTION_ATTR}]`)];
      document.querySelectorAll('.rb-measure-marker').forEach((m) => m.remove());
      sections.forEach((section, i) => {
        if (!markers) return;
        if (getComputedStyle(section).position === 'static') section.style.position = 'relative';
        const m = document.createElement('span');
        m.className = 'rb-measure-marker';
        m.textContent = markerTexts[i] ?? '';
        m.setAttribute('aria-hidden', 'true');
        m.style.cssText =
          'position:absolute;top:0;right:0;font-size:4px;line-height:4px;color:#fff;background:transparent;white-space:nowrap;pointer-events:none;';
        section.prepend(m);
      });
      for (const el of document.querySelectorAll<HTMLElement>(`[${PAGE_OF_ATTR}]`)) {
        const id = el.getAttribute(PAGE_OF_ATTR)!;
        const n = numbers?.[id];
        el.textContent = n === undefined ? '–' : String(n);
      }
      return sections.map((s) => s.getAttribute(SECTION_ATTR)!);
    },
    {
      numbers,
      markers,
      SECTION_ATTR,
      PAGE_OF_ATTR,
      markerTexts: Array.from({ length: 500 }, (_, i) => sectionMarker(i)),
    },
  );
}

/**
 * Where everything that decides the pagination sits: the height of the document, each section's
 * box and the box of the line each page number sits in. Equal before and after writing the numbers
 * in = same pages.
 */
async function layoutFingerprint(page: Page): Promise<string> {
  return page.evaluate(
    ({ SECTION_ATTR, PAGE_OF_ATTR }) => {
      // No named inner function: esbuild-based loaders (tsx) would wrap it in __name(), which the page lacks.
      const boxes = [
        ...document.querySelectorAll(`[${SECTION_ATTR}]`),
        // The line or cell a number sits in, not the number itself (whose width may change).
        ...[...document.querySelectorAll(`[${PAGE_OF_ATTR}]`)].map((el) => el.closest('li, div, td') ?? el),
      ].map((el) => {
        const r = el.getBoundingClientRect();
        return [r.top, r.left, r.width, r.height].map((n) => n.toFixed(2)).join(',');
      });
      return JSON.stringify([document.documentElement.scrollHeight, document.querySelectorAll(`[${SECTION_ATTR}]`).length, boxes]);
    },
    { SECTION_ATTR, PAGE_OF_ATTR },
  );
}

/** Rewrites links (HTML and SVG) so the PDF points at the public site, never at the preview server. */
async function rewriteLinks(page: Page, publicUrl: string | undefined, base: string): Promise<void> {
  const anchors = await page.evaluate(() =>
    [...document.querySelectorAll('a')].map((a, i) => {
      a.setAttribute('data-rb-link', String(i));
      return a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? '';
    }),
  );
  const pageUrl = page.url();
  const mapped = anchors.map((href) => (href ? publicHref(href, pageUrl, publicUrl, base) : null));
  await page.evaluate((mapped) => {
    for (const a of document.querySelectorAll('a[data-rb-link]')) {
      const target = mapped[Number(a.getAttribute('data-rb-link'))];
      a.removeAttribute('data-rb-link');
      a.removeAttributeNS('http://www.w3.org/1999/xlink', 'href');
      if (target) a.setAttribute('href', target);
      else a.removeAttribute('href');
    }
  }, mapped);
}

export interface RunbookPdfOptions {
  env?: NodeJS.ProcessEnv;
  /** Called with progress lines; default console.log. */
  log?: (line: string) => void;
  /** A browser to print with, launched by the caller on first use and closed by it (scripts/build.ts shares the diagrams' one). */
  browser?: () => Promise<Browser>;
}

/** Prints both runbook PDFs into `outDir` (the built site) and returns their paths. */
export async function buildRunbookPdfs(outDir: string, options: RunbookPdfOptions = {}): Promise<string[]> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  for (const lang of LANGS) {
    const index = join(outDir, RUNBOOK_PRINT_PATHS[lang], 'index.html');
    if (!existsSync(index)) {
      throw new Error(
        `runbook-pdf: ${index} is missing. The runbook print page (${RUNBOOK_PRINT_PATHS[lang]}) was not built. ` +
          'Hint: check that src/pages/[...lang]/runbook/print.astro exists and the build succeeded.',
      );
    }
  }
  const date = buildDate(env);
  const revision = resolveRevision(env);
  const configuredPublicUrl = readSettings(env).DRIFTSBOK_PUBLIC_URL;
  const measure = havePdftotext();
  if (!measure) log('runbook-pdf: warning: pdftotext (poppler-utils) not found; the contents print without page numbers.');

  const cacheDir = pdfCacheDir(env);
  // Each print page is read and hashed once (a large model's runbook is tens of megabytes).
  const cacheFiles = new Map(
    LANGS.map((lang) => [
      lang,
      join(
        cacheDir,
        `${pdfCacheKey({
          html: readFileSync(join(outDir, RUNBOOK_PRINT_PATHS[lang], 'index.html'), 'utf8'),
          day: date.toISOString().slice(0, 10),
          revision,
          publicUrl: configuredPublicUrl ?? '',
          measured: measure,
        })}.pdf`,
      ),
    ]),
  );
  const cacheFile = (lang: Lang) => cacheFiles.get(lang)!;
  const written: string[] = [];
  const toPrint = LANGS.filter((lang) => {
    const cached = cacheFile(lang);
    if (!existsSync(cached)) return true;
    const target = join(outDir, RUNBOOK_PDF_NAMES[lang]);
    copyFileSync(cached, target);
    written.push(target);
    log(`runbook-pdf: ${RUNBOOK_PDF_NAMES[lang]} from cache (nothing it is made from changed)`);
    return false;
  });
  if (toPrint.length === 0) return written;

  const base = siteBase(env);
  const server = await serveStatic(outDir, base);
  const ownBrowser = options.browser ? undefined : launchChromium(env);
  const scratch = mkdtempSync(join(tmpdir(), 'driftsbok-runbook-'));
  try {
    const browser = await (options.browser?.() ?? ownBrowser!);
    const context = await browser.newContext({ locale: 'nb-NO', timezoneId: 'UTC' });
    try {
      // The languages print side by side (each is one page's layout and printing, mostly in
      // Chromium), unless the runbook is so large that two at once could exhaust the memory.
      const print = (lang: Lang) =>
        printLanguage({ context, lang, origin: server.origin, base, configuredPublicUrl, date, revision, measure, scratch, log });
      const htmlBytes = toPrint.reduce((sum, lang) => sum + statSync(join(outDir, RUNBOOK_PRINT_PATHS[lang], 'index.html')).size, 0);
      const pdfs: Buffer[] = [];
      if (htmlBytes <= PARALLEL_PRINT_MAX_HTML_BYTES) {
        // allSettled: neither print is left running when the other fails.
        const printed = await Promise.allSettled(toPrint.map(print));
        const failed = printed.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed) throw failed.reason;
        pdfs.push(...printed.map((r) => (r as PromiseFulfilledResult<Buffer>).value));
      } else {
        log(`runbook-pdf: the runbook is large (${Math.round(htmlBytes / 1024 / 1024)} MB of HTML); printing one language at a time`);
        for (const lang of toPrint) pdfs.push(await print(lang));
      }
      for (const [i, lang] of toPrint.entries()) {
        const pdf = pdfs[i]!;
        const target = join(outDir, RUNBOOK_PDF_NAMES[lang]);
        writeFileSync(target, pdf);
        written.push(target);
        // Write-then-rename, so a build stopped halfway never leaves a truncated PDF in the cache.
        mkdirSync(cacheDir, { recursive: true });
        const cached = cacheFile(lang);
        writeFileSync(`${cached}.${process.pid}.tmp`, pdf);
        renameSync(`${cached}.${process.pid}.tmp`, cached);
      }
    } finally {
      await context.close();
    }
  } finally {
    if (ownBrowser) await (await ownBrowser.catch(() => undefined))?.close();
    await server.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  return LANGS.map((lang) => join(outDir, RUNBOOK_PDF_NAMES[lang]));
}

interface PrintJob {
  context: BrowserContext;
  lang: Lang;
  origin: string;
  /** The site's base path (src/site/base.ts). */
  base: string;
  /** DRIFTSBOK_PUBLIC_URL, for a model that names no public address. */
  configuredPublicUrl: string | undefined;
  date: Date;
  revision: string;
  measure: boolean;
  scratch: string;
  log: (line: string) => void;
}

/** Prints one language's runbook (measuring passes for the page numbers, then the final print). */
async function printLanguage({
  context,
  lang,
  origin,
  base,
  configuredPublicUrl,
  date,
  revision,
  measure,
  scratch,
  log,
}: PrintJob): Promise<Buffer> {
  const started = Date.now();
  const page = await context.newPage();
  // No time limit: the runbook of a large model is tens of megabytes and thousands of pages, and
  // loading or printing it can take minutes; a stuck print is stopped by the caller, not guessed at.
  page.setDefaultTimeout(0);
  page.setDefaultNavigationTimeout(0);
  // The printer loads the site and nothing else: a request to any other origin is refused and
  // named in the log (prose or a model string must never make the build's browser fetch).
  const refused: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    refused.push(url);
    return route.abort('blockedbyclient');
  });
  try {
    const response = await page.goto(origin + withBase(RUNBOOK_PRINT_PATHS[lang], base), { waitUntil: 'load' });
    if (!response || !response.ok()) throw new Error(`runbook-pdf: ${RUNBOOK_PRINT_PATHS[lang]} answered ${response?.status()}`);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.fonts.ready);

    const meta = await page.evaluate(() => ({
      publicUrl: document.querySelector('meta[name="driftsbok:public-url"]')?.getAttribute('content') || undefined,
      siteName: document.querySelector('meta[name="driftsbok:site-name"]')?.getAttribute('content') || undefined,
    }));
    const publicUrl = meta.publicUrl ?? configuredPublicUrl;
    await rewriteLinks(page, publicUrl, base);

    const pdfOptions = {
      format: 'A4' as const,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: HEADER_TEMPLATE,
      footerTemplate: footerTemplate({ lang, date, revision, siteName: meta.siteName }),
      margin: { top: '14mm', bottom: '18mm', left: '14mm', right: '14mm' },
      outline: true,
      tagged: true,
    };
    // Only the page breaks matter when measuring; tagging, the outline and backgrounds do not move
    // them, and leaving them out makes each measuring print about a quarter cheaper.
    const measuringOptions = { ...pdfOptions, outline: false, tagged: false, printBackground: false };

    let numbers: Record<string, number> | null = null;
    let passes = 0;
    if (measure) {
      for (;;) {
        passes++;
        const ids = await preparePage(page, numbers, true);
        const found = findSectionPages(await pdfPagesText(await page.pdf(measuringOptions), scratch, lang), ids);
        const missing = ids.filter((id) => found[id] === undefined);
        if (missing.length) log(`runbook-pdf: warning: could not find the page of ${missing.join(', ')}`);
        const stable = numbers !== null && ids.every((id) => numbers![id] === found[id]);
        if (stable || passes >= MAX_PASSES) {
          numbers = found;
          break;
        }
        // If writing the numbers in moves nothing (the cells are fixed-width), the pages cannot
        // change either, and another measuring print would only confirm them.
        const before = await layoutFingerprint(page);
        numbers = found;
        await preparePage(page, numbers, true);
        if ((await layoutFingerprint(page)) === before) break;
      }
    }
    await preparePage(page, numbers, false);
    const raw = await page.pdf(pdfOptions);
    if (refused.length)
      log(`runbook-pdf: refused ${refused.length} request(s) to other origins: ${[...new Set(refused)].slice(0, 5).join(', ')}`);
    if (measure) {
      // A wrong PDF fails the build: every scenario's title is in it, on more than one page.
      const titles = await page.evaluate(() =>
        [...document.querySelectorAll('.rb-scenario > h2')].map((h) => (h.textContent ?? '').replace(/^\s*\d+\.\s*/, '').trim()),
      );
      const problems = verifyPrintedRunbook(await pdfPagesText(raw, scratch, `${lang}-final`), titles);
      if (problems.length)
        throw new Error(`runbook-pdf: ${RUNBOOK_PDF_NAMES[lang]} is not the runbook it should be: ${problems.join('; ')}`);
    }
    const fixed = fixPdfDates(raw, date);
    if (fixed.skipped.length) log(`runbook-pdf: warning: left PDF dates of unexpected form: ${fixed.skipped.join(', ')}`);
    const pdf = normalizeStructIds(fixed.pdf);
    log(
      `runbook-pdf: ${RUNBOOK_PDF_NAMES[lang]} (${Math.round(fixed.pdf.length / 1024)} KB, ${passes} measuring pass(es), ` +
        `${Date.now() - started} ms, links → ${publicUrl ?? 'unlinked (no public address)'})`,
    );
    return pdf;
  } finally {
    await page.close();
  }
}

/**
 * The runbook after `npm run build`: both PDFs (read with pdftotext, page by page) and the runbook
 * pages on the site (axe, links to the PDFs).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { loadModel } from '../src/model/load-model.ts';
import { SETTINGS } from './helpers/site.ts';
import { analyze } from '../src/analysis/analyze.ts';
import { localized, type Lang } from '../src/model/entities.ts';
import { t } from '../src/i18n/store.ts';

const DIST = 'dist';
const loaded = loadModel(SETTINGS.DRIFTSBOK_MODEL_DIR);
if (!loaded.ok) throw new Error('the model does not load');
const model = loaded.model;
const analysis = analyze(model);

/** The text of each page of a PDF (pdftotext separates pages with form feeds). */
function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages = text.split('\f');
  if (pages.at(-1)!.trim() === '') pages.pop();
  return pages.map(flat);
}

/**
 * Text compared the way pdftotext gives it: whitespace collapsed, and hyphens dropped, because
 * pdftotext joins a word broken at a hyphen ("LoRaWAN-⏎sensorene" → "LoRaWANsensorene").
 */
const flat = (s: string) => s.replace(/-/g, '').replace(/\s+/g, ' ').trim();

/** Axe on a built page, with time for the large inline SVG diagrams; serious and critical only. */
async function axeProblems(page: import('@playwright/test').Page): Promise<string[]> {
  // Starlight's own search button (site chrome, the same on every page) is checked by the site's tests.
  const results = await new AxeBuilder({ page }).exclude('site-search').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

for (const lang of ['nb', 'en'] as Lang[]) {
  const file = join(DIST, `runbook-${lang}.pdf`);

  test.describe(`runbook-${lang}.pdf`, () => {
    let pages: string[] = [];
    test.beforeAll(() => {
      expect(existsSync(file), `${file} is missing: run npm run build`).toBe(true);
      pages = pdfPages(file);
    });

    test('has a sane number of pages', () => {
      // The index, at least one page per scenario, the reference tables; not a runaway layout.
      expect(pages.length).toBeGreaterThanOrEqual(model.scenarios.length + 2);
      expect(pages.length).toBeLessThanOrEqual(12 * model.scenarios.length + 10);
    });

    test('starts with the symptom index', () => {
      const first = pages[0]!;
      expect(first).toContain(flat(t(lang, 'runbook.symptomIndex')));
      for (const scenario of model.scenarios) {
        for (const symptom of scenario.symptoms ?? []) expect(first).toContain(flat(localized(symptom.text, lang)));
      }
    });

    test("has every scenario's title, on the page the contents says", () => {
      const all = pages.join('\n');
      // The contents list follows the symptom index on the first page.
      const contents = pages[0]!.slice(pages[0]!.lastIndexOf(flat(t(lang, 'runbook.contents'))));
      model.scenarios.forEach((scenario, i) => {
        const title = flat(localized(scenario.title, lang));
        expect(all).toContain(title);
        // Contents line: "<n>. <title> <page>".
        const match = contents.match(new RegExp(`${i + 1}\\. ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)`));
        expect(match, `contents entry for ${title}`).not.toBeNull();
        const page = Number(match![1]);
        expect(pages[page - 1], `page ${page} should start section ${title}`).toContain(`${i + 1}. ${title}`);
      });
    });

    test("has each scenario's hand-written procedure", () => {
      const all = pages.join('\n');
      const contentDir = SETTINGS.DRIFTSBOK_CONTENT_DIR ?? 'content';
      for (const scenario of model.scenarios) {
        const file = join(contentDir, 'runbook', lang, `${scenario.id}.md`);
        if (!existsSync(file)) continue;
        // The first step's bold lead-in, as printed.
        const lead = readFileSync(file, 'utf8').match(/\*\*(.+?)\*\*/)?.[1];
        expect(lead, file).toBeTruthy();
        expect(all, file).toContain(flat(lead!));
      }
    });

    test('has the start order commands', () => {
      const all = pages.join('\n');
      const orders = analysis.startOrders.filter((o) => o.steps.length > 0);
      expect(orders.length).toBeGreaterThan(0);
      for (const order of orders) for (const step of order.steps) expect(all).toContain(step.command);
    });

    test('has the footer with page X of Y, the build date and the revision on every page', () => {
      const ws = (t: string) => t.replace(/\s+/g, ' ');
      const pageText = (n: number) =>
        ws(execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }));
      const first = pageText(1);
      const revision = first.match(new RegExp(`${t(lang, 'runbook.footerRevision')} (\\S+)`))?.[1];
      expect(revision).toBeTruthy();
      if (SETTINGS.DRIFTSBOK_REVISION) expect(revision).toBe(SETTINGS.DRIFTSBOK_REVISION);
      const date = first.match(new RegExp(`${t(lang, 'runbook.footerBuilt')} (\\d{4}-\\d{2}-\\d{2})`))?.[1];
      expect(date).toBeTruthy();
      if (SETTINGS.SOURCE_DATE_EPOCH) {
        expect(date).toBe(SETTINGS.SOURCE_DATE_EPOCH.toISOString().slice(0, 10));
      }
      // Page by page, as a printed sheet would be read.
      for (let n = 1; n <= pages.length; n++) {
        const text = pageText(n);
        expect(text, `page ${n}`).toContain(`${t(lang, 'runbook.footerPage')} ${n} ${t(lang, 'runbook.footerOf')} ${pages.length}`);
        expect(text, `page ${n}`).toContain(`${t(lang, 'runbook.footerRevision')} ${revision}`);
        expect(text, `page ${n}`).toContain(`${t(lang, 'runbook.footerBuilt')} ${date}`);
      }
    });

    test('never links to the local preview server', () => {
      const bytes = readFileSync(file).toString('latin1');
      expect(bytes).not.toContain('127.0.0.1');
      expect(bytes).not.toContain('localhost');
    });
  });

  const sitePath = lang === 'nb' ? '/runbook/' : '/en/runbook/';
  test.describe(`the runbook page ${sitePath}`, () => {
    test('passes axe (no serious or critical violations)', async ({ page }) => {
      test.setTimeout(300_000);
      await page.goto(sitePath);
      await expect(page.locator('h1')).toContainText(t(lang, 'runbook.runbookTitle'));
      expect(await axeProblems(page)).toEqual([]);
    });

    test('shows every scenario and links to its PDF, which is served', async ({ page, request }) => {
      await page.goto(sitePath);
      for (const scenario of model.scenarios) {
        await expect(
          page.getByRole('heading', { level: 2, name: new RegExp(localized(scenario.title, lang).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }),
        ).toBeVisible();
      }
      const pdfLink = page.locator(`a[href$="runbook-${lang}.pdf"]`).first();
      await expect(pdfLink).toBeVisible();
      const response = await request.get((await pdfLink.getAttribute('href'))!);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('pdf');
    });

    // The print page shares the runbook's markup; checking one language keeps the suite quick.
    test('the print version passes axe too', async ({ page }) => {
      test.skip(lang !== 'nb', 'checked once, in nb');
      test.setTimeout(300_000);
      await page.goto(lang === 'nb' ? '/runbook/print/' : '/en/runbook/print/');
      expect(await axeProblems(page)).toEqual([]);
    });
  });
}

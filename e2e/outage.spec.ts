/**
 * Outage first (issue 13), against the built site and the printed runbooks, in both languages:
 * every scenario page gives its steps (the written procedure and the start order) before what works
 * and what does not, links to its runbook section, which links back; the home page opens with
 * "Something down?"; the runbook and the scenarios sit right under the overview in the sidebar;
 * in each PDF a scenario's first step comes before its status lists, and the symptom index sends
 * the reader to the page where that scenario's steps begin.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { siteModel, DIST, SETTINGS } from './helpers/site.ts';
import { localized, type Lang } from '../src/model/entities.ts';
import { entityHref, pagePath } from '../src/site/urls.ts';
import { t } from '../src/i18n/ui.ts';
import { scenarioSectionId } from '../src/runbook/assemble.ts';
import { firstStep } from '../src/runbook/first-step.ts';
import { analyze } from '../src/analysis/analyze.ts';
import { scenarioStartOrders } from '../src/site/start-order-view.ts';

const model = siteModel();
const analysis = analyze(model);
const LANGS: Lang[] = ['nb', 'en'];
const contentDir = SETTINGS.DRIFTSBOK_CONTENT_DIR ?? 'content';
const procedureFile = (lang: Lang, id: string) => join(contentDir, 'runbook', lang, `${id}.md`);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Is `a` before `b` in the document? */
async function before(page: Page, a: string, b: string): Promise<boolean> {
  return page.evaluate(
    ([a, b]) => {
      const x = document.querySelector(a);
      const y = document.querySelector(b);
      if (!x || !y) throw new Error(`missing ${x ? b : a}`);
      return Boolean(x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING);
    },
    [a, b],
  );
}

for (const lang of LANGS) {
  test.describe(`scenario pages (${lang})`, () => {
    for (const scenario of model.scenarios) {
      const url = entityHref(`scenario:${scenario.id}`, lang);
      test(`${scenario.id}: steps, then status, then the diagram; links to its runbook section and back`, async ({ page }) => {
        await page.goto(url);
        const main = page.locator('main');
        await expect(main.locator('#what-to-do')).toHaveText(t(lang, 'scenario.whatToDo'));
        // The written procedure, when there is one, is inside the steps.
        if (existsSync(procedureFile(lang, scenario.id))) {
          const step = firstStep(readFileSync(procedureFile(lang, scenario.id), 'utf8'))!;
          await expect(main.locator('[data-scenario-steps] ol > li').first()).toContainText(step.lead!);
        }
        // The start order of every host the scenario takes down, with its commands, in the steps.
        const { orders } = scenarioStartOrders(analysis, scenario.id);
        for (const order of orders)
          for (const step of order.steps) await expect(main.locator('[data-scenario-steps]')).toContainText(step.command);
        if (orders.length)
          await expect(main.locator('[data-scenario-steps] table.start-order thead th').last()).toHaveText(t(lang, 'startOrder.why'));
        // Order on the page: what to do → what works and what does not → the diagram.
        expect(await before(page, '[data-scenario-steps]', '[data-scenario-status]')).toBe(true);
        expect(await before(page, '[data-scenario-steps]', `#phase-start-lost`)).toBe(true);
        expect(await before(page, '[data-scenario-status]', '[data-scenario-diagrams]')).toBe(true);
        expect(await before(page, '#facts', '[data-scenario-diagrams]')).toBe(true);
        // Seen, not only in the DOM: the steps sit above the status lists.
        const stepsBox = await main.locator('[data-scenario-steps]').boundingBox();
        const statusBox = await main.locator('[data-scenario-status]').boundingBox();
        expect(stepsBox!.y + stepsBox!.height).toBeLessThanOrEqual(statusBox!.y);

        const runbookLink = main.locator('a[data-runbook-link]');
        const href = await runbookLink.getAttribute('href');
        expect(href).toBe(`${pagePath('runbook', lang)}#${scenarioSectionId(scenario.id)}`);
        // The runbook is a long page, and the machine may be busy: follow the link by loading it.
        await page.goto(href!);
        const section = page.locator(`#${scenarioSectionId(scenario.id)}`);
        await expect(section).toBeVisible({ timeout: 30_000 });
        await expect(section.locator('h2').first()).toContainText(localized(scenario.title, lang));
        // …and back from the runbook section to this page.
        // (The runbook's diagrams link their boxes to the scenario too; this is the written link.)
        await expect(section.locator(`.rb-onsite a[href="${url}"]`)).toHaveCount(1);
      });
    }
  });

  const runbookPath = pagePath('runbook', lang);
  test(`the runbook page (${lang}) gives each scenario's steps before its status lists`, async ({ page }) => {
    await page.goto(runbookPath);
    for (const scenario of model.scenarios) {
      const id = scenarioSectionId(scenario.id);
      expect(await before(page, `#${id} .rb-procedure`, `#${id} .rb-status`), scenario.id).toBe(true);
      expect(await before(page, `#${id} .rb-start`, `#${id} .rb-status`), scenario.id).toBe(true);
      if ((await page.locator(`#${id} .rb-diagrams`).count()) > 0)
        expect(await before(page, `#${id} .rb-status`, `#${id} .rb-diagrams`), scenario.id).toBe(true);
    }
  });

  test(`the home page (${lang}) opens with "${t(lang, 'outage.title')}": symptoms, scenario, first step, runbook and PDF`, async ({
    page,
    request,
  }) => {
    await page.goto(lang === 'nb' ? '/' : '/en/');
    const content = page.locator('main .sl-markdown-content');
    const box = content.locator('[data-outage-box]');
    await expect(box.locator('h2')).toHaveText(t(lang, 'outage.title'));
    // The first thing in the page's content.
    const firstHeading = await content.locator('h2').first().textContent();
    expect(firstHeading?.trim()).toBe(t(lang, 'outage.title'));
    for (const scenario of model.scenarios) {
      const row = box.locator(`li[data-scenario="${scenario.id}"]`);
      for (const symptom of scenario.symptoms ?? []) await expect(row).toContainText(localized(symptom.text, lang));
      await expect(row.locator(`a[href="${entityHref(`scenario:${scenario.id}`, lang)}#what-to-do"]`)).toHaveText(
        localized(scenario.title, lang),
      );
      if (existsSync(procedureFile(lang, scenario.id))) {
        await expect(row.locator('.outage-step')).toContainText(firstStep(readFileSync(procedureFile(lang, scenario.id), 'utf8'))!.lead!);
      }
    }
    await expect(box.locator(`a[href="${runbookPath}"]`)).toHaveCount(1);
    const pdf = box.locator(`a[href$="runbook-${lang}.pdf"]`);
    await expect(pdf).toHaveCount(1);
    expect((await request.get((await pdf.getAttribute('href'))!)).status()).toBe(200);
  });

  test(`the sidebar (${lang}) has the runbook and the scenarios right under the overview`, async ({ page }) => {
    await page.goto(lang === 'nb' ? '/architecture/' : '/en/architecture/');
    const sidebar = page.locator('#starlight__sidebar');
    const top = sidebar.locator(':scope .top-level > li');
    await expect(top.nth(1).locator('a').first()).toHaveText(t(lang, 'runbook.navLabel'));
    await expect(top.nth(1).locator('a').first()).toHaveAttribute('href', runbookPath);
    expect(t(lang, 'runbook.navLabel')).not.toMatch(/utskrift|print/i);
    const scenarios = top.nth(2);
    for (const scenario of model.scenarios)
      await expect(scenarios.getByRole('link', { name: localized(scenario.title, lang), exact: true })).toBeVisible();
  });
}

/** The text of each page of a PDF, whitespace collapsed and hyphens dropped (pdftotext joins "LoRaWAN-⏎sensorene"). */
function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages = text.split('\f');
  if (pages.at(-1)!.trim() === '') pages.pop();
  return pages.map(flat);
}
const flat = (s: string) => s.replace(/-/g, '').replace(/\s+/g, ' ').trim();

for (const lang of LANGS) {
  const file = join(DIST, `runbook-${lang}.pdf`);
  test.describe(`runbook-${lang}.pdf, outage first`, () => {
    let pages: string[] = [];
    test.beforeAll(() => {
      expect(existsSync(file), `${file} is missing: run npm run build`).toBe(true);
      pages = pdfPages(file);
    });

    /** The text of the whole PDF after the first page, with where each page starts. */
    const body = () => {
      const starts: number[] = [];
      let text = '';
      pages.forEach((p, i) => {
        starts.push(text.length);
        text += (i === 0 ? '' : p) + '\n';
      });
      return { text, pageAt: (offset: number) => starts.filter((start) => start <= offset).length };
    };

    test('every scenario section gives its first step before its status lists', () => {
      const { text } = body();
      model.scenarios.forEach((scenario, i) => {
        const heading = text.indexOf(`${i + 1}. ${flat(localized(scenario.title, lang))}`);
        expect(heading, scenario.id).toBeGreaterThan(0);
        const next = model.scenarios[i + 1]
          ? text.indexOf(`${i + 2}. ${flat(localized(model.scenarios[i + 1]!.title, lang))}`, heading)
          : text.length;
        const section = text.slice(heading, next);
        const status = section.indexOf(flat(t(lang, 'runbook.statusTitle')));
        const works = section.indexOf(flat(t(lang, 'runbook.stillWorks')), status);
        expect(status, `${scenario.id}: "${t(lang, 'runbook.statusTitle')}"`).toBeGreaterThan(0);
        expect(works).toBeGreaterThan(status);
        const steps = section.indexOf(flat(t(lang, 'runbook.whatToDo')));
        expect(steps, scenario.id).toBeGreaterThan(0);
        expect(steps).toBeLessThan(status);
        if (existsSync(procedureFile(lang, scenario.id))) {
          const lead = flat(firstStep(readFileSync(procedureFile(lang, scenario.id), 'utf8'))!.lead!);
          const at = section.indexOf(lead);
          expect(at, `${scenario.id}: first step "${lead}"`).toBeGreaterThan(steps);
          expect(at).toBeLessThan(status);
        }
        // The start commands come before the status lists too.
        for (const order of scenarioStartOrders(analysis, scenario.id).orders) {
          const at = section.indexOf(flat(order.steps[0]!.command));
          expect(at, `${scenario.id}: ${order.steps[0]!.command}`).toBeGreaterThan(steps);
          expect(at).toBeLessThan(status);
        }
      });
    });

    test("the symptom index's page numbers point at the page where that scenario's steps begin", () => {
      // Laid out as printed: one line per target, "<n>. <title>  Side <p>" (a long title wraps
      // after its first words, so the line is found by its number and first two words).
      const indexLines = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', '-f', '1', '-l', '1', file, '-'], {
        encoding: 'utf8',
      }).split('\n');
      const { text, pageAt } = body();
      model.scenarios.forEach((scenario, i) => {
        const title = localized(scenario.title, lang);
        const start = title.split(/\s+/).slice(0, 2).join(' ');
        const line = new RegExp(`(^|\\s)${i + 1}\\. ${escape(start)}.*\\s${escape(t(lang, 'runbook.page'))} (\\d+)\\s*$`);
        const numbers = indexLines
          .map((l) => l.match(line)?.[2])
          .filter((n): n is string => n !== undefined)
          .map(Number);
        // One line per symptom that points at this scenario.
        expect(numbers.length, `symptom index entries for ${title}`).toBe(scenario.symptoms?.length ?? 0);
        if (numbers.length === 0) return;
        // Where the steps begin: the "what to do" heading after the section's title.
        const heading = text.indexOf(`${i + 1}. ${flat(title)}`);
        const steps = text.indexOf(flat(t(lang, 'runbook.whatToDo')), heading);
        for (const page of numbers) expect(pageAt(steps), `${title}: the index says page ${page}`).toBe(page);
        if (existsSync(procedureFile(lang, scenario.id))) {
          const lead = flat(firstStep(readFileSync(procedureFile(lang, scenario.id), 'utf8'))!.lead!);
          expect(pages[numbers[0]! - 1], `page ${numbers[0]} has the first step of ${title}`).toContain(lead);
        }
      });
    });
  });
}

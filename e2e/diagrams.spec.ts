/**
 * Diagrams on the built site (dist/): static inline SVG with an accessible name, no Mermaid
 * JavaScript anywhere, no Mermaid error picture anywhere, unique ids on every page.
 */
import { test, expect } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createSiteData } from '../src/site/data.ts';
import { entityHref } from '../src/site/urls.ts';
import { siteDiagrams } from '../src/diagrams/all.ts';
import { DIST } from './helpers/site.ts';

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = walk(DIST);
const htmlFiles = files.filter((f) => f.endsWith('.html'));

function urlOf(file: string): string {
  const rel = relative(DIST, file).split(sep).join('/');
  return '/' + rel.replace(/index\.html$/, '').replace(/\.html$/, '/');
}

/** Pages that show at least one diagram, with how many (the full-size pages are not counted). */
const diagramPages = htmlFiles
  .map((file) => ({
    file,
    url: urlOf(file),
    count: (readFileSync(file, 'utf8').match(/<figure[^>]*class="[^"]*driftsbok-diagram/g) ?? []).length,
  }))
  .filter((p) => p.count > 0 && !/^\/(en\/)?diagram\//.test(p.url));

test.describe('diagrams in dist/', () => {
  test('the site has diagrams in both languages', () => {
    expect(htmlFiles.length, `no HTML in ${DIST}/: build the site first`).toBeGreaterThan(0);
    expect(diagramPages.some((p) => p.url.startsWith('/en/'))).toBe(true);
    expect(diagramPages.some((p) => !p.url.startsWith('/en/'))).toBe(true);
  });

  test('the build renders ahead exactly the diagrams the pages show', () => {
    // scripts/build.ts queues siteDiagrams() before Astro starts; a diagram missing from that list
    // renders late (a page waits for it), an extra one is wasted work.
    const data = createSiteData(process.env);
    const planned = new Set(siteDiagrams(data.model, data.analysis, data.model.site.locales, entityHref).map((d) => d.id));
    const shown = new Set(
      htmlFiles.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/data-diagram="([^"]+)"/g)].map((m) => m[1]!)),
    );
    expect(shown.size).toBeGreaterThan(0);
    // Except the runbook's more collapsed print drawings (failure-…-levelN-…): which ones a phase
    // needs is known only from the size of its rendered diagram (RunbookDiagram.astro).
    const printVariant = (id: string) => /^failure-.*-level\d+-[a-z]+$/.test(id);
    expect(
      [...shown].filter((id) => !planned.has(id) && !printVariant(id)),
      'shown but not rendered ahead',
    ).toEqual([]);
    expect(
      [...planned].filter((id) => !shown.has(id)),
      'rendered ahead but on no page',
    ).toEqual([]);
  });

  test('no Mermaid error picture anywhere', () => {
    for (const file of files.filter((f) => /\.(html|svg|xml|json)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      expect(/Syntax error in text|Maximum text size in diagram exceeded|aria-roledescription="error"/.test(text), file).toBe(false);
    }
  });

  test('no page loads Mermaid and no script asset contains it', () => {
    for (const file of htmlFiles) {
      const html = readFileSync(file, 'utf8');
      expect(/<script[^>]*src="[^"]*mermaid/i.test(html), file).toBe(false);
      expect(/mermaid\.(?:initialize|run|render)\s*\(/.test(html), file).toBe(false);
    }
    for (const file of files.filter((f) => /\.(?:js|mjs)$/.test(f))) {
      const js = readFileSync(file, 'utf8');
      expect(/mermaidAPI|startOnLoad/.test(js), file).toBe(false);
    }
  });

  test('every diagram is an inline SVG with a title and a description', () => {
    for (const { file } of diagramPages) {
      const html = readFileSync(file, 'utf8');
      for (const figure of html.match(/<figure[^>]*class="[^"]*driftsbok-diagram[\s\S]*?<\/figure>/g) ?? []) {
        expect(figure, file).toMatch(/<svg[^>]*aria-labelledby="[^"]+"/);
        expect(figure, file).toMatch(/<title id="[^"]+">[^<]+<\/title>/);
        expect(figure, file).toMatch(/<desc id="[^"]+">[^<]+<\/desc>/);
        expect(figure, file).not.toMatch(/<script|<img\b|<iframe/i);
        // Search indexes the text twin, not the drawing's labels.
        expect(figure, file).toMatch(/<div class="driftsbok-diagram__svg[^"]*"[^>]*data-pagefind-ignore="all"/);
        expect(figure, file).toMatch(/<details class="driftsbok-diagram__text[^"]*" data-diagram-text="[^"]+"/);
      }
    }
  });
});

test.describe('diagrams in the browser', () => {
  // A spread of diagram pages: the ones with most diagrams first, then one per section and language.
  const bySection = new Map<string, (typeof diagramPages)[number]>();
  for (const page of [...diagramPages].sort((a, b) => b.count - a.count || a.url.localeCompare(b.url))) {
    const section = page.url
      .split('/')
      .slice(0, page.url.startsWith('/en/') ? 3 : 2)
      .join('/');
    if (!bySection.has(section)) bySection.set(section, page);
  }
  const sample = [...bySection.values()].slice(0, 24);

  for (const { url, count } of sample) {
    test(`${url}: ${count} diagram(s), accessible, unique ids, no Mermaid`, async ({ page }) => {
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(url);
      const svgs = page.locator('figure.driftsbok-diagram svg');
      await expect(svgs).toHaveCount(count);
      for (let i = 0; i < count; i++) await expect(svgs.nth(i)).toHaveAccessibleName(/\S/);
      const duplicates = await page.evaluate(() => {
        const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
        return ids.filter((id, i) => ids.indexOf(id) !== i);
      });
      expect(duplicates).toEqual([]);
      const links = await page
        .locator('figure.driftsbok-diagram a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href') ?? ''));
      for (const href of links) expect(href).toMatch(/^\/[^/]/);
      expect(requests.filter((r) => /mermaid/i.test(r))).toEqual([]);
    });
  }

  test('dark theme inverts the diagram, print does not', async ({ page }) => {
    test.skip(sample.length === 0, 'no diagram pages');
    await page.goto(sample[0]!.url);
    const box = page.locator('.driftsbok-diagram__svg').first();
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    expect(await box.evaluate((e) => getComputedStyle(e).filter)).toContain('invert');
    await page.emulateMedia({ media: 'print' });
    expect(await box.evaluate((e) => getComputedStyle(e).filter)).toBe('none');
  });
});

test.describe('every diagram has a text twin and a full-size page', () => {
  // The pages with most diagrams first, then one per section and language (as above).
  const bySection = new Map<string, (typeof diagramPages)[number]>();
  for (const page of [...diagramPages].sort((a, b) => b.count - a.count || a.url.localeCompare(b.url))) {
    const section = page.url
      .split('/')
      .slice(0, page.url.startsWith('/en/') ? 3 : 2)
      .join('/');
    if (!bySection.has(section)) bySection.set(section, page);
  }
  const sample = [...bySection.values()].slice(0, 16);

  for (const { url, count } of sample) {
    test(`${url}: each of ${count} diagram(s) has its text twin, in the page's language`, async ({ page }) => {
      await page.goto(url);
      const lang = url.startsWith('/en/') ? 'en' : 'nb';
      const figures = page.locator('figure.driftsbok-diagram');
      await expect(figures).toHaveCount(count);
      for (let i = 0; i < count; i++) {
        const figure = figures.nth(i);
        const id = await figure.getAttribute('data-diagram');
        const twin = figure.locator(`details[data-diagram-text="${id}"]`);
        await expect(twin).toHaveCount(1);
        // Collapsed until asked for.
        expect(await twin.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
        await expect(twin.locator('summary')).toHaveText(lang === 'nb' ? 'Diagrammet som tekst' : 'Diagram as text');
        const boxes = await twin.locator('li[data-kind="box"]').allTextContents();
        expect(boxes.length, `${id}: boxes`).toBeGreaterThan(0);
        for (const box of boxes) expect(box).toMatch(lang === 'nb' ? /^Boks / : /^Box /);
        // The same number of boxes as the drawing has.
        const drawn = await figure.locator('svg g.node').count();
        expect(boxes.length, `${id}: one sentence per box`).toBe(drawn);
        for (const arrow of await twin.locator('li[data-kind="arrow"]').allTextContents()) {
          expect(arrow).toMatch(lang === 'nb' ? /^Pil fra .+ til .+\.$/ : /^Arrow from .+ to .+\.$/);
        }
      }
    });

    test(`${url}: at 1280 px no diagram overflows its column without a full-size link that works`, async ({ page, request }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(url);
      const figures = page.locator('figure.driftsbok-diagram');
      for (let i = 0; i < count; i++) {
        const figure = figures.nth(i);
        const id = (await figure.getAttribute('data-diagram'))!;
        const overflows = await figure.locator('.driftsbok-diagram__svg').evaluate((e) => e.scrollWidth > e.clientWidth + 1);
        const link = figure.locator('a.driftsbok-diagram__full');
        if (!overflows && (await link.count()) === 0) continue;
        await expect(link, `${id} overflows its column: it needs a full-size link`).toHaveCount(1);
        const href = (await link.getAttribute('href'))!;
        const response = await request.get(href);
        expect(response.ok(), href).toBe(true);
        const html = await response.text();
        expect(html).toContain(`data-diagram="${id}"`);
        expect(html).toMatch(/<svg[^>]*aria-labelledby/);
      }
    });
  }

  test('a full-size page shows the drawing at its natural size, with its text open and a way back', async ({ page }) => {
    const target = sample.find((p) => p.url.includes('architecture')) ?? sample[0];
    test.skip(!target, 'no diagram pages');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(target!.url);
    const figure = page.locator('figure.driftsbok-diagram').first();
    const width = Number(
      /viewBox="[-\d.]+ [-\d.]+ ([\d.]+)/.exec(
        await figure
          .locator('svg')
          .first()
          .evaluate((s) => s.outerHTML),
      )?.[1],
    );
    await figure.locator('a.driftsbok-diagram__full').click();
    const svg = page.locator('figure.full svg');
    await expect(svg).toHaveCount(1);
    const shown = await svg.evaluate((s) => s.getBoundingClientRect().width);
    expect(Math.abs(shown - width)).toBeLessThan(2);
    expect(await page.locator('details.driftsbok-diagram__text').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.locator('header a').first().click();
    await expect(page).toHaveURL(new RegExp(target!.url.replace(/\//g, '\\/') + '$'));
  });
});

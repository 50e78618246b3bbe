/**
 * Words a homeowner reads: no rule id, schema key or "the source says" in any page's visible text,
 * and search that finds an entity first by its own name, VMID and address, in a search box that
 * speaks the page's language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { DIST, htmlFiles, SETTINGS, siteModel } from './helpers/site.ts';
import { entityHref, pagePath } from '../src/site/urls.ts';
import { analyze } from '../src/analysis/analyze.ts';
import { RULE_TITLE } from '../src/i18n/ui.ts';
import { modelJsonSchema } from '../src/model/json-schema.ts';

const model = siteModel();
const profile = SETTINGS.DRIFTSBOK_PROFILE;

/** Every property name of the model's JSON Schema. */
function schemaKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const obj = node as Record<string, unknown>;
    if (obj.properties && typeof obj.properties === 'object') for (const k of Object.keys(obj.properties)) keys.add(k);
    Object.values(obj).forEach(walk);
  };
  walk(JSON.parse(modelJsonSchema()));
  return keys;
}

/**
 * What a reader sees of a built page, near enough: the text outside <script>, <style>, <template>
 * and attribute values (tooltips keep rule ids for whoever edits the model, on purpose).
 */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

test('no rule id, schema key or "the source says" in the visible text of any page', () => {
  const ruleIds = new Set([...Object.keys(RULE_TITLE), ...analyze(model).audits.map((f) => f.rule)]);
  // camelCase keys (dependsOn, anyOf, statedSummary …) are never words; "name" or "kind" are.
  const keys = [...schemaKeys()].filter((k) => /[a-z][A-Z]/.test(k));
  expect(keys).toEqual(expect.arrayContaining(['anyOf', 'dependsOn', 'enhancedBy']));
  const forbidden: Array<[string, RegExp]> = [
    ...[...ruleIds].map((id): [string, RegExp] => [`rule id ${id}`, new RegExp(`(^|[^\\w-])${id}([^\\w-]|$)`)]),
    ...keys.map((k): [string, RegExp] => [`schema key ${k}`, new RegExp(`\\b${k}\\b`)]),
    ['schema words "tier: …"', /\btier: (critical|comfort)\b/],
    ['"Kilden"', /\bkilden\b/i],
    ['"the source says"', /\bthe source (says|states|does not|mentions|gives|counts)\b/i],
  ];
  const pages = htmlFiles().filter((f) => !f.startsWith('pagefind/'));
  expect(pages.length).toBeGreaterThan(100);
  const problems: string[] = [];
  for (const file of pages) {
    const text = visibleText(readFileSync(join(DIST, file), 'utf8'));
    for (const [what, pattern] of forbidden) {
      const m = pattern.exec(text);
      if (m) problems.push(`${file}: ${what}: …${text.slice(Math.max(0, m.index - 40), m.index + 60)}…`);
    }
  }
  expect(problems).toEqual([]);
});

/** Types a query into Starlight's search dialog and returns the result links' paths, best first. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.locator('button[data-open-modal]').first().click();
  const input = page.locator('dialog[open] input');
  await input.fill(query);
  const links = page.locator('dialog[open] .pagefind-ui__result-link');
  await expect(links.first(), query).toBeVisible({ timeout: 30_000 });
  // Pagefind fills results in as it loads them; wait until the count settles.
  await expect(page.locator('dialog[open] .pagefind-ui__message')).toContainText(/\d/);
  return await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

test.describe('search puts an entity first for its own name, VMID and address', () => {
  // Saghaugen's ChirpStack (VMID 109, which many pages mention), or a running guest of another model.
  const chirpstack = model.guests.find((g) => g.id === 'chirpstack') ?? model.guests.find((g) => g.status === 'running');
  const addressOf = (g: (typeof model.guests)[number]) => g.reach?.ips?.[0] ?? g.ip;
  const withAddress = model.guests.find((g) => addressOf(g));
  test.skip(!chirpstack, 'a model with no running guest');
  for (const lang of ['nb', 'en'] as const) {
    test(`"${chirpstack?.vmid}", "${chirpstack?.name}"${withAddress ? ` and the address of ${withAddress.name}` : ''} (${lang})`, async ({
      page,
    }) => {
      // The first search loads Pagefind's index, which takes a while on a busy machine.
      test.setTimeout(300_000);
      await page.goto(pagePath('', lang).replace(/\/\/$/, '/'));
      const cases: Array<[string, string]> = [
        [String(chirpstack!.vmid), `guest:${chirpstack!.id}`],
        [chirpstack!.name, `guest:${chirpstack!.id}`],
        ...(profile === 'full' && withAddress ? [[addressOf(withAddress)!, `guest:${withAddress.id}`] as [string, string]] : []),
      ];
      for (const [query, key] of cases) {
        const results = await search(page, query);
        expect(results[0], `first result for ${query}: ${results.slice(0, 3).join(', ')}`).toBe(entityHref(key, lang));
        await page.keyboard.press('Escape');
      }
    });
  }

  test('the Norwegian search box says nothing in English', async ({ page }) => {
    test.setTimeout(300_000);
    await page.goto('/');
    await search(page, String(chirpstack!.vmid));
    // Pagefind's English: "13 results for 109", "Load more results", "Clear", "Search this site" …
    const chrome = await page.locator('dialog[open]').evaluate((dialog) => {
      const parts: string[] = [];
      const walk = (el: Element) => {
        // The results' own titles and excerpts are the site's text; the rest is the search box's.
        if (el.matches('.pagefind-ui__result-title, .pagefind-ui__result-excerpt, .pagefind-ui__result-nested')) return;
        for (const node of el.childNodes) {
          if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
          else if (node.nodeType === Node.ELEMENT_NODE) walk(node as Element);
        }
        for (const attr of ['aria-label', 'placeholder', 'title']) if (el.getAttribute(attr)) parts.push(el.getAttribute(attr)!);
      };
      walk(dialog);
      return parts.join(' ').replace(/\s+/g, ' ');
    });
    expect(chrome).toMatch(/treff/);
    expect(chrome).not.toMatch(/\b(results?|Load more|Clear|Search this site|Searching|Filters|No results|Cancel|Close)\b/i);
  });
});

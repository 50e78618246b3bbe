/**
 * The entity neighbourhood drawn in HTML (Neighbourhood.astro): real links, relation words that
 * read as sentences, "assumed" as a dashed line explained in the legend, state marks where a
 * scenario colours it, both languages, axe clean, and one column on a phone.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createSiteData } from '../src/site/data.ts';
import { entityHref } from '../src/site/urls.ts';
import { hasNeighbourhood, neighbourhoodView } from '../src/site/neighbourhood.ts';
import { t } from '../src/i18n/store.ts';
import { STATE_MARK, stateLabel } from '../src/analysis/explain.ts';
import type { Lang } from '../src/model/entities.ts';

const data = createSiteData(process.env);
const { graph } = data;

/** The smallest entity with neighbours on both sides and at least one assumed relation. */
const size = (k: string) => (graph.outgoing.get(k) ?? []).length + (graph.incoming.get(k) ?? []).length;
const rich =
  graph.nodes
    .filter(
      (k) =>
        (graph.outgoing.get(k) ?? []).some((e) => e.assumed) &&
        (graph.incoming.get(k) ?? []).length > 0 &&
        (graph.outgoing.get(k) ?? []).length > 1,
    )
    .sort((a, b) => size(a) - size(b))[0] ?? graph.nodes.find((k) => hasNeighbourhood(graph, k))!;

/** A scenario whose first phase fails something with neighbours: its page colours that neighbourhood. */
const scenario = data.analysis.scenarios.find((s) => s.phases[0]?.failed.some((k) => hasNeighbourhood(graph, k)));
const root = scenario?.phases[0]!.failed.find((k) => hasNeighbourhood(graph, k));

const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

async function axeProblems(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(selector).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

for (const lang of ['nb', 'en'] as Lang[]) {
  test.describe(`neighbourhood (${lang})`, () => {
    // Axe and the pages with most neighbours take their time on a busy two-core machine.
    test.describe.configure({ timeout: 180_000 });
    const view = neighbourhoodView(graph, rich, lang);
    const figure = (page: Page, key = rich) => page.locator(`figure.nbh[data-neighbourhood="${key}"]`);

    test(`${rich}: every neighbour is a link to its page, with the relation words as sentences`, async ({ page }) => {
      await page.goto(entityHref(rich, lang));
      const fig = figure(page);
      await expect(fig).toHaveCount(1);
      await expect(fig.locator('.nbh__col--needs .nbh__heading')).toHaveText(t(lang, 'neighbourhood.needs'));
      await expect(fig.locator('.nbh__col--users .nbh__heading')).toHaveText(t(lang, 'neighbourhood.neededBy'));
      await expect(fig.locator('[aria-current="page"] .nbh__name')).toHaveText(view.centre.name);
      for (const [column, groups] of [
        ['needs', view.needs],
        ['users', view.neededBy],
      ] as const) {
        for (const item of groups.flatMap((g) => g.items)) {
          const link = fig.locator(`.nbh__col--${column} a[data-key="${item.key}"]`);
          await expect(link).toHaveAttribute('href', item.href);
          await expect(link.locator('.nbh__name')).toHaveText(item.name);
          const row = norm(
            await fig
              .locator(`.nbh__col--${column} .nbh__row`)
              .filter({ has: page.locator(`a[data-key="${item.key}"]`) })
              .textContent(),
          );
          // Read in document order, each row is a sentence: "pve-core kjører frigate." / "frigate trengs av Frigate".
          for (const c of item.connectors) {
            const words = column === 'needs' ? [item.name, c.verb, view.centre.name] : [view.centre.name, c.verb, item.name];
            const at = words.map((w, i) => row.indexOf(w, i === 0 ? 0 : row.indexOf(words[i - 1]!) + words[i - 1]!.length));
            expect(
              at.every((n) => n >= 0),
              `${JSON.stringify(words)} in order in ${JSON.stringify(row)}`,
            ).toBe(true);
          }
        }
      }
      // A link leads to the neighbour's page.
      const first = view.needs[0]!.items[0]!;
      await fig.locator(`a[data-key="${first.key}"]`).click();
      await expect(page.locator('h1')).toHaveText(first.name);
    });

    test(`${rich}: "assumed" is a dashed line, said to screen readers, explained once in the legend`, async ({ page }) => {
      const assumed = view.needs.find((g) => g.items.some((i) => i.connectors.every((c) => c.assumed)));
      test.skip(!assumed, 'no assumed relation here');
      await page.goto(entityHref(rich, lang));
      const fig = figure(page);
      const key = assumed!.items.find((i) => i.connectors.every((c) => c.assumed))!.key;
      const row = fig.locator('.nbh__col--needs .nbh__row').filter({ has: page.locator(`a[data-key="${key}"]`) });
      const line = row.locator('.nbh__edge--assumed .nbh__line');
      expect(await line.evaluate((e) => getComputedStyle(e).borderTopStyle)).toBe('dashed');
      expect(norm(await row.textContent())).toContain(`(${t(lang, 'neighbourhood.assumed')})`);
      await expect(fig.locator('.nbh__legend')).toContainText(t(lang, 'neighbourhood.assumedLegend'));
      // Not as text on every connector: a dashed connector's visible verb carries no "assumed".
      for (const verb of await fig.locator('.nbh__edge--assumed .nbh__verb').allTextContents()) {
        expect(verb).not.toContain(t(lang, 'neighbourhood.assumed'));
      }
    });

    test('a scenario marks what it takes down around the failed element, in words as well as marks', async ({ page }) => {
      test.skip(!scenario || !root, 'no scenario fails an element with neighbours');
      await page.goto(entityHref(`scenario:${scenario!.id}`, lang));
      const fig = figure(page, root);
      await expect(fig).toHaveCount(1);
      const centre = fig.locator('[aria-current="page"]');
      await expect(centre.locator('.nbh__mark')).toHaveText(`${STATE_MARK.down} `);
      expect(await centre.evaluate((e) => e.className)).toContain('nbh__box--down');
      await expect(centre).toContainText(`(${stateLabel('down', lang)})`);
      const outcomes = scenario!.phases[0]!.outcomes;
      const downUsers = (graph.incoming.get(root!) ?? []).map((e) => e.from).filter((k) => outcomes[k]?.state === 'down');
      expect(downUsers.length).toBeGreaterThan(0);
      await expect(fig.locator(`a[data-key="${downUsers[0]}"] .nbh__mark`)).toHaveText(`${STATE_MARK.down} `);
      await expect(fig.locator('.nbh__legend')).toContainText(`${STATE_MARK.down} ${stateLabel('down', lang)}`);
      expect(await axeProblems(page, `figure.nbh[data-neighbourhood="${root}"]`)).toEqual([]);
    });

    test('axe finds nothing, in the light and the dark theme', async ({ page }) => {
      await page.goto(entityHref(rich, lang));
      expect(await axeProblems(page, 'figure.nbh')).toEqual([]);
      await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
      expect(await axeProblems(page, 'figure.nbh')).toEqual([]);
    });

    test('on a phone (390 px) it is one column that fits the screen', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(entityHref(rich, lang));
      const fig = figure(page);
      const sizes = await fig.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth, right: e.getBoundingClientRect().right }));
      expect(sizes.scroll).toBeLessThanOrEqual(sizes.client + 1);
      expect(sizes.right).toBeLessThanOrEqual(390);
      const [needs, centre, users] = await Promise.all(
        ['.nbh__col--needs', '.nbh__centre', '.nbh__col--users'].map((s) => fig.locator(s).evaluate((e) => e.getBoundingClientRect().top)),
      );
      expect(needs!).toBeLessThan(centre!);
      expect(centre!).toBeLessThan(users!);
    });
  });
}

/**
 * Tables that fit, on a laptop (1280 px) and a phone (390 px): nothing in the main column is wider
 * than the column unless it sits in a scroll frame that shows it scrolls (a shadow at the edge) and
 * can be scrolled from the keyboard; and no word in a table cell, or in the title of a previous/next
 * card, is broken across lines.
 */
import { test, expect, type Page } from '@playwright/test';
import { htmlFiles, siteModel } from './helpers/site.ts';
import { entityHref } from '../src/site/urls.ts';

const WIDTHS = [1280, 390] as const;
// Every page of the site but the print version of the runbook (laid out for A4, not a screen).
// Not the full-size diagram pages (/diagram/<id>/): they exist to show a drawing at its natural
// width, wider than any column, and the reader scrolls the page itself.
const PAGES = htmlFiles()
  .filter((f) => !f.startsWith('pagefind/') && !f.includes('runbook/print/') && f !== '404.html' && !/(^|\/)diagram\//.test(f))
  .map((f) => '/' + f.replace(/index\.html$/, ''));

interface Problems {
  tooWide: string[];
  frames: string[];
  brokenWords: string[];
}

/** Runs in the page: what sticks out of the main column, frames without a cue, words broken in cells. */
function inspect(): Problems {
  const column = document.querySelector('main .sl-markdown-content') ?? document.querySelector('main')!;
  const col = column.getBoundingClientRect();
  const describe = (el: Element) => {
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}> "${text}"`;
  };
  const clippedAway = (el: Element) => {
    const style = getComputedStyle(el);
    return style.position === 'absolute' && (style.clip !== 'auto' || style.clipPath !== 'none');
  };
  const problems: Problems = { tooWide: [], frames: [], brokenWords: [] };

  const reported: Element[] = [];
  for (const el of column.querySelectorAll('*')) {
    // Diagrams are drawn to their own size rules (e2e/diagrams.spec.ts); this is about tables and text.
    if (el.closest('.driftsbok-diagram')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || clippedAway(el) || el.closest('.sr-only')) continue;
    if (r.left >= col.left - 1 && r.right <= col.right + 1) continue;
    if (el.closest('.table-frame') && !el.matches('.table-frame')) continue; // the frame is checked below
    if (reported.some((outer) => outer.contains(el))) continue; // name the outermost only
    reported.push(el);
    problems.tooWide.push(`${describe(el)} is ${Math.round(r.width)} px in a ${Math.round(col.width)} px column`);
  }

  for (const frame of column.querySelectorAll<HTMLElement>('.table-frame')) {
    const style = getComputedStyle(frame);
    if (frame.tabIndex !== 0 || !frame.getAttribute('aria-label') || frame.getAttribute('role') !== 'region') {
      problems.frames.push(`${describe(frame)}: not a labelled region reachable by keyboard`);
    }
    if (frame.scrollWidth > frame.clientWidth + 1) {
      // It scrolls: the shadows that show where content is hidden must be there.
      const cue =
        /radial-gradient/.test(style.backgroundImage) &&
        /local/.test(style.backgroundAttachment) &&
        ['auto', 'scroll'].includes(style.overflowX);
      if (!cue) problems.frames.push(`${describe(frame)}: scrolls without a visible cue`);
    }
  }

  // A word is broken when its letters lie on more than one line. Names and ids (a link's or code's
  // whole text, "zigbee2mqtt-garasje") count as one word each.
  const segmenter = new Intl.Segmenter(document.documentElement.lang || 'nb', { granularity: 'word' });
  // Boxes on the same line overlap vertically (a badge's padding shifts its top a little).
  const lines = (range: Range) => {
    const rects = [...range.getClientRects()].filter((r) => r.width > 0).sort((x, y) => x.top - y.top);
    let count = 0;
    let bottom = -Infinity;
    for (const r of rects) {
      if (r.top >= bottom - 1) count++;
      bottom = Math.max(bottom, r.bottom);
    }
    return count;
  };
  // And the titles of Starlight's previous/next cards, which broke long Norwegian words anywhere.
  for (const cell of [...column.querySelectorAll('td, th'), ...document.querySelectorAll('.pagination-links .link-title')]) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (!parent || parent.closest('.sr-only') || clippedAway(parent)) continue;
      const whole = parent.closest('.pagination-links') ? null : parent.closest('code, a, .name, .rb-mono');
      const pieces: Array<{ index: number; segment: string }> = whole
        ? [{ index: 0, segment: text }]
        : [...segmenter.segment(text)].filter((s) => s.isWordLike);
      for (const { index, segment } of pieces) {
        if (segment.trim().length < 2) continue;
        const range = document.createRange();
        if (whole) {
          // Only the name's own words may wrap (a name of several words); a single token never.
          if (/\s/.test(segment.trim())) continue;
          range.setStart(node, text.indexOf(segment.trim()));
          range.setEnd(node, text.indexOf(segment.trim()) + segment.trim().length);
        } else {
          range.setStart(node, index);
          range.setEnd(node, index + segment.length);
        }
        if (lines(range) > 1) problems.brokenWords.push(`"${segment.trim()}" in ${describe(cell)}`);
      }
    }
  }
  return problems;
}

async function check(page: Page, path: string, width: number): Promise<string[]> {
  await page.setViewportSize({ width, height: 900 });
  const problems = await page.evaluate(inspect);
  return [
    ...problems.tooWide.map((p) => `${path} @${width}: too wide: ${p}`),
    ...problems.frames.map((p) => `${path} @${width}: frame: ${p}`),
    ...problems.brokenWords.map((p) => `${path} @${width}: word broken: ${p}`),
  ];
}

const BATCHES = 4;
for (let b = 0; b < BATCHES; b++) {
  test(`every table fits its column or scrolls in a frame that shows it, and no word in a cell breaks (batch ${b + 1}/${BATCHES})`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const problems: string[] = [];
    for (const path of PAGES.filter((_, i) => i % BATCHES === b)) {
      await page.setViewportSize({ width: WIDTHS[0], height: 900 });
      await page.goto(path, { waitUntil: 'domcontentloaded' });
      for (const width of WIDTHS) problems.push(...(await check(page, path, width)));
    }
    expect(problems).toEqual([]);
  });
}

test('the scenario matrix fits at 1280 px without scrolling, in both languages', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const path of ['/scenario-matrix/', '/en/scenario-matrix/']) {
    await page.goto(path);
    const frame = page
      .locator('main .table-frame')
      .filter({ has: page.locator('table.matrix, table.matrix-compact') })
      .first();
    await expect(frame, path).toHaveCount(1);
    const overflow = await frame.evaluate((f) => f.scrollWidth - f.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(1);
  }
});

/** The host with the most guests: its guest table (the guests running there, not the HA guests allowed there) is the widest table of any model. */
function busiestHost() {
  const model = siteModel();
  const guests = (id: string) => model.guests.filter((g) => g.host === id).length;
  return [...model.hosts].sort((a, b) => guests(b.id) - guests(a.id))[0]!;
}

test("a host's guest table fits at 1280 px without scrolling, in both languages", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const lang of ['nb', 'en'] as const) {
    const url = entityHref(`host:${busiestHost().id}`, lang);
    await page.goto(url);
    const frame = page.locator('main section[aria-labelledby="guests"] .table-frame');
    await expect(frame, url).toHaveCount(1);
    expect(await frame.evaluate((f) => f.scrollWidth - f.clientWidth), url).toBeLessThanOrEqual(1);
  }
});

test('a table too wide for a phone scrolls from the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto(entityHref(`host:${busiestHost().id}`, 'nb'));
  const frame = page.locator('main section[aria-labelledby="guests"] .table-frame');
  expect(await frame.evaluate((f) => f.scrollWidth > f.clientWidth)).toBe(true);
  await frame.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => frame.evaluate((f) => f.scrollLeft)).toBeGreaterThan(0);
});

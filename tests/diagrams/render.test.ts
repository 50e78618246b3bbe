/**
 * Rendering in Chromium: hostile labels come out as literal text and inject nothing; ids are unique
 * with several diagrams on a page; Mermaid errors and error pictures fail naming the diagram; the
 * disk cache serves a second render without starting the browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../src/browser/chromium.ts';
import {
  assertSafeSvg,
  browserStarted,
  cacheKey,
  closeRenderer,
  postProcess,
  pruneCache,
  prerenderDiagrams,
  pruneUnusedCss,
  renderDiagram,
  renderStats,
  resetRenderStats,
  setRendererLog,
  verifyCacheEntry,
  cacheEntry,
  renderPageCount,
} from '../../src/diagrams/render.ts';
import { topologyDiagram, planDiagrams, type DiagramSpec } from '../../src/diagrams/index.ts';
import { entityHref } from '../../src/site/urls.ts';
import { HOSTILE_STRINGS, hostileSpec } from '../../src/diagrams/hostile-strings.ts';
import { tinyModel } from './tiny-model.ts';

const cache = mkdtempSync(join(tmpdir(), 'driftsbok-diagram-cache-'));
let browser: Browser;

beforeAll(async () => {
  process.env.DRIFTSBOK_DIAGRAM_CACHE = cache;
  browser = await launchChromium();
});

afterAll(async () => {
  await closeRenderer();
  await browser?.close();
  rmSync(cache, { recursive: true, force: true });
});

const ALLOWED_ELEMENTS = new Set([
  'svg',
  'g',
  'rect',
  'path',
  'circle',
  'ellipse',
  'line',
  'polygon',
  'polyline',
  'text',
  'tspan',
  'a',
  'title',
  'desc',
  'style',
  'defs',
  'marker',
  'filter',
  'fedropshadow',
  'foreignobject',
  'div',
  'span',
  'p',
  'br',
]);

interface Inspection {
  tags: string[];
  onAttributes: string[];
  links: string[];
  labels: string[];
  title: string | null;
  duplicateIds: string[];
  svgCount: number;
  names: string[];
}

async function inspect(svgs: string[]): Promise<{ result: Inspection; requests: string[]; dialogs: number }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.route('**/*', (route) => {
    requests.push(route.request().url());
    void route.abort();
  });
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body>${svgs.join('\n')}</body></html>`);
  await page.waitForTimeout(100);
  const result = await page.evaluate(() => {
    const all = [...document.querySelectorAll('svg, svg *')];
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    return {
      tags: [...new Set(all.map((e) => e.localName.toLowerCase()))].sort(),
      onAttributes: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName}@${a.name}`)),
      links: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href') ?? ''),
      labels: [...document.querySelectorAll('foreignObject')].map((f) => f.textContent ?? ''),
      title: document.querySelector('svg > title')?.textContent ?? null,
      duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
      svgCount: document.querySelectorAll('body > svg').length,
      names: [...document.querySelectorAll('body > svg')].map((svg) => {
        const ref = svg.getAttribute('aria-labelledby');
        return ref ? (document.getElementById(ref)?.textContent ?? '') : '';
      }),
    };
  });
  await page.close();
  return { result, requests, dialogs };
}

describe('rendering hostile labels', () => {
  it('shows every hostile string literally and injects no element, attribute or request', async () => {
    const svg = await renderDiagram(hostileSpec('hostile-render'));
    const { result, requests, dialogs } = await inspect([svg]);
    expect(requests).toEqual([]);
    expect(dialogs).toBe(0);
    expect(result.onAttributes).toEqual([]);
    expect(result.tags.filter((t) => !ALLOWED_ELEMENTS.has(t))).toEqual([]);
    for (const link of result.links) expect(link).toBe('/guests/x/');
    const labels = new Set(result.labels);
    for (const [i, s] of HOSTILE_STRINGS.entries()) {
      const text = s; // a line break is written as #10; and stays a newline in the text
      const nodeLabel = i % 2 ? `${s}\nline two` : s;
      expect(labels.has(nodeLabel), `node label ${JSON.stringify(nodeLabel)} in ${JSON.stringify([...labels])}`).toBe(true);
      if (i > 0) expect(labels.has(`E${i} ${text}`), `edge label ${i}`).toBe(true);
    }
    expect(labels.has(HOSTILE_STRINGS[2]!), 'subgraph title').toBe(true);
    expect(result.title).toBe(`Title ${HOSTILE_STRINGS[7]} ${HOSTILE_STRINGS[8]}`);
  });

  it('renders the tiny model with hostile names (topology, a plan)', async () => {
    const model = tinyModel((s) => `${s} <img src=x onerror=alert(1)> %%{init: {"theme":"dark"}}%% "]`);
    const href = (k: string) => entityHref(k, 'en');
    const svgs = [
      await renderDiagram(topologyDiagram(model, 'en', href)),
      await renderDiagram(planDiagrams(model, model.plans[0]!.id, 'en', href).after),
    ];
    const { result, requests, dialogs } = await inspect(svgs);
    expect(requests).toEqual([]);
    expect(dialogs).toBe(0);
    expect(result.onAttributes).toEqual([]);
    expect(result.tags.filter((t) => !ALLOWED_ELEMENTS.has(t))).toEqual([]);
    expect(result.labels.some((l) => l.includes('mqtt <img src=x onerror=alert(1)> %%{init: {"theme":"dark"}}%% "]'))).toBe(true);
    // Two diagrams on one page: no id appears twice, each has an accessible name.
    expect(result.svgCount).toBe(2);
    expect(result.duplicateIds).toEqual([]);
    expect(result.names.every((n) => n.length > 0)).toBe(true);
    for (const link of result.links) expect(link).toMatch(/^\/en\/(guests|hosts|network|locations)\//);
  });
});

describe('failing loudly', () => {
  it('a Mermaid syntax error names the diagram and its source', async () => {
    const spec = {
      id: 'broken-syntax',
      source: 'scenario:x phase y',
      title: 't',
      description: 'd',
      mermaid: 'flowchart LR\n  n0["a"] -->\n',
    };
    await expect(renderDiagram(spec)).rejects.toThrow(/diagram "broken-syntax" \(from scenario:x phase y\)/);
  });

  it("a diagram over Mermaid's size limit fails instead of shipping an error picture", async () => {
    const lines = ['flowchart LR'];
    for (let i = 0; i < 3000; i++) lines.push(`  n${i}["node number ${i} with a fairly long label"]`);
    const spec = { id: 'too-big', source: 'plan:huge', title: 't', description: 'd', mermaid: lines.join('\n') };
    await expect(renderDiagram(spec)).rejects.toThrow(/diagram "too-big" \(from plan:huge\)/);
  });

  it('refuses unsafe SVG and error pictures in post-processing', () => {
    const spec = { id: 'x', source: 'test' };
    expect(() => assertSafeSvg(spec, '<svg><script>alert(1)</script></svg>')).toThrow(/script/);
    expect(() => assertSafeSvg(spec, '<svg><g onload="x()"></g></svg>')).toThrow(/on\* event/);
    expect(() => assertSafeSvg(spec, '<svg><foreignObject><div><img src=x></div></foreignObject></svg>')).toThrow(/<img> inside a label/);
    expect(() => assertSafeSvg(spec, '<svg><a href="javascript:alert(1)"></a></svg>')).toThrow(/script or data URL/);
    expect(() => postProcess(spec, 'dg-x', '<svg id="dg-x"><text>Syntax error in text</text></svg>')).toThrow(/error picture/);
    expect(() => postProcess(spec, 'dg-x', '<svg id="dg-x"><text>Maximum text size in diagram exceeded</text></svg>')).toThrow(
      /error picture/,
    );
  });

  it('drops CSS rules for classes the diagram does not use, keeps the rest and @-rules', () => {
    const svg =
      '<svg id="d" class="flowchart"><style>#d .node rect,#d .cluster rect{fill:red;}#d .unused{x:1}@keyframes k{to{a:0;}}#d{font-size:16px;}</style><g class="node"><rect/></g></svg>';
    expect(pruneUnusedCss(svg)).toBe(
      '<svg id="d" class="flowchart"><style>#d .node rect{fill:red;}@keyframes k{to{a:0;}}#d{font-size:16px;}</style><g class="node"><rect/></g></svg>',
    );
  });

  it('prefixes every id and the references to it', () => {
    const out = postProcess(
      { id: 'x', source: 't' },
      'dg-x',
      '<svg id="dg-x" aria-labelledby="t1"><title id="t1">a</title><path id="p" marker-end="url(#m)"/><marker id="m"/><use href="#p"/></svg>',
    );
    expect(out).toBe(
      '<svg id="dg-x" aria-labelledby="dg-x-t1"><title id="dg-x-t1">a</title><path id="dg-x-p" marker-end="url(#dg-x-m)"/><marker id="dg-x-m"/><use href="#dg-x-p"/></svg>',
    );
  });
});

/** `count` tiny diagrams that no cache has seen (their text carries the time). */
function freshSpecs(prefix: string, count: number): DiagramSpec[] {
  const stamp = `${Date.now()}-${Math.random()}`;
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    source: `test:${prefix}`,
    title: 't',
    description: 'd',
    mermaid: `flowchart LR\n  n0["${prefix} ${i} ${stamp}"] --> n1["x"]\n`,
  }));
}

/** A diagram no earlier run has cached (its text carries the time). */
function uncachedSpec(id: string): DiagramSpec {
  return { id, source: 'test:cache', title: 't', description: 'd', mermaid: `flowchart LR\n  n0["${Date.now()}"] --> n1["b"]\n` };
}

describe('cache', () => {
  it('a second render of the same spec comes from disk and never starts the browser', async () => {
    const spec = uncachedSpec('cache-probe');
    resetRenderStats();
    const first = await renderDiagram(spec);
    expect(renderStats()).toMatchObject({ rendered: 1, cached: 0 });
    await closeRenderer();
    expect(browserStarted()).toBe(false);
    resetRenderStats();
    const second = await renderDiagram(spec);
    expect(second).toBe(first);
    expect(renderStats()).toMatchObject({ rendered: 0, cached: 1 });
    expect(browserStarted()).toBe(false);
  });

  it('a poisoned or corrupted cache entry is not used: it is rendered again, and the log says why', async () => {
    const spec = uncachedSpec('cache-poison');
    const good = await renderDiagram(spec);
    const file = join(cache, `${cacheKey(spec)}.svg`);
    expect(readFileSync(file, 'utf8')).toBe(cacheEntry(good));
    const messages: string[] = [];
    setRendererLog((m) => messages.push(m));
    try {
      // A script added with its hash recomputed passes the hash and fails the safety check; an edit
      // that keeps the old hash fails the hash; an old entry without a hash is not trusted either.
      const poisoned = good.replace('</svg>', '<script>alert(1)</script></svg>');
      for (const [entry, why] of [
        [cacheEntry(poisoned), 'unsafe SVG output: a <script> element'],
        [cacheEntry(good).replace('>b<', '>B<'), 'its content does not match its hash'],
        [good, 'it has no content hash'],
      ] as const) {
        writeFileSync(file, entry);
        messages.length = 0;
        resetRenderStats();
        expect(await renderDiagram(spec)).toBe(good);
        expect(renderStats()).toMatchObject({ rendered: 1, cached: 0 });
        expect(messages.find((m) => m.includes('the cached drawing'))).toContain(`the cached drawing of cache-poison is not used: ${why}`);
        expect(readFileSync(file, 'utf8')).toBe(cacheEntry(good));
      }
    } finally {
      setRendererLog((m) => console.log(m));
    }
    // Pure: another diagram's drawing under this key is refused too.
    expect(verifyCacheEntry({ ...spec, id: 'other' }, cacheEntry(good))).toEqual({ problem: 'it is the drawing of another diagram' });
  });

  it('prunes entries unused for longer than the limit, keeps the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftsbok-prune-'));
    const old = join(dir, `${'a'.repeat(64)}.svg`);
    const fresh = join(dir, `${'b'.repeat(64)}.svg`);
    writeFileSync(old, '<svg/>');
    writeFileSync(fresh, '<svg/>');
    const longAgo = new Date(Date.now() - 40 * 86_400_000);
    utimesSync(old, longAgo, longAgo);
    expect(pruneCache(30, dir)).toBe(1);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders queued diagrams once, and a diagram a page waits for goes ahead of the queue', async () => {
    const pages = process.env.DRIFTSBOK_DIAGRAM_PAGES;
    process.env.DRIFTSBOK_DIAGRAM_PAGES = '1';
    try {
      resetRenderStats();
      const specs = freshSpecs('queued', 5);
      const inCache = (spec: DiagramSpec) => existsSync(join(cache, `${cacheKey(spec)}.svg`));
      const ahead = prerenderDiagrams([...specs, specs[1]!]);
      expect(ahead.queued).toBe(5);
      // The first has started; the last is asked for by a page and must not wait for 1, 2 and 3.
      const svg = await renderDiagram(specs[4]!);
      expect(svg).toContain('id="dg-queued-4"');
      expect(specs.map(inCache)).toEqual([true, false, false, false, true]);
      await ahead.done;
      expect(specs.map(inCache)).toEqual([true, true, true, true, true]);
      expect(renderStats()).toMatchObject({ rendered: 5, cached: 0 });
      // Queuing them again finds them all in the cache.
      expect(prerenderDiagrams(specs).queued).toBe(0);
    } finally {
      if (pages === undefined) delete process.env.DRIFTSBOK_DIAGRAM_PAGES;
      else process.env.DRIFTSBOK_DIAGRAM_PAGES = pages;
    }
  });

  it('a failing queued diagram fails the wait for all of them, naming it', async () => {
    resetRenderStats();
    const bad = {
      id: 'queued-bad',
      source: 'test:queue-bad',
      title: 't',
      description: 'd',
      mermaid: `flowchart LR\n  n0[["${Date.now()}"] -->\n`,
    };
    const ahead = prerenderDiagrams([bad]);
    await expect(ahead.done).rejects.toThrow(/diagram "queued-bad" \(from test:queue-bad\)/);
  });

  it('closing the renderer fails the diagrams still queued, naming one', async () => {
    resetRenderStats();
    const specs = freshSpecs('closed', 3);
    const ahead = prerenderDiagrams(specs);
    await closeRenderer();
    await expect(ahead.done).rejects.toThrow(/closed before this diagram was rendered/);
    expect(browserStarted()).toBe(false);
  });

  it('renders concurrent requests once each, the same diagram asked twice once', async () => {
    resetRenderStats();
    const specs = freshSpecs('concurrent', 6);
    const svgs = await Promise.all([...specs, specs[0]!].map((s) => renderDiagram(s)));
    expect(svgs.slice(0, 6).every((svg, i) => svg.includes(`id="dg-concurrent-${i}"`))).toBe(true);
    expect(svgs[6]).toBe(svgs[0]);
    expect(renderStats().rendered).toBe(6);
  });
});

describe('how many render pages', () => {
  it('uses one page per two cores by default (a page keeps more than one core busy), at least one, at most four', () => {
    expect(renderPageCount({}, 1)).toBe(1);
    expect(renderPageCount({}, 2)).toBe(1);
    expect(renderPageCount({}, 4)).toBe(2);
    expect(renderPageCount({}, 7)).toBe(3);
    expect(renderPageCount({}, 64)).toBe(4);
  });

  it('takes DRIFTSBOK_DIAGRAM_PAGES when it is a whole number from 1, up to 16', () => {
    expect(renderPageCount({ DRIFTSBOK_DIAGRAM_PAGES: '3' }, 2)).toBe(3);
    expect(renderPageCount({ DRIFTSBOK_DIAGRAM_PAGES: '99' }, 2)).toBe(16);
    expect(renderPageCount({ DRIFTSBOK_DIAGRAM_PAGES: '0' }, 8)).toBe(4);
    expect(renderPageCount({ DRIFTSBOK_DIAGRAM_PAGES: 'two' }, 8)).toBe(4);
  });
});

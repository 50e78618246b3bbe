/**
 * The render pool: one Chromium per build process (launched on the first diagram that is not in the
 * cache, or lent by shareBrowser) and a few render pages in it (renderPageCount), fed from one queue
 * by workers, one diagram per page at a time. A diagram a page of the site is waiting for goes to the
 * queue's front, diagrams queued ahead of time by prerenderDiagrams to its back. State lives on
 * globalThis because the build script, the Astro config and the pages load these modules as
 * separate copies in one process.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser/chromium.ts';
import type { DiagramSpec } from './types.ts';
import { readSettings } from '../settings.ts';
import { SPEEDUP_GLOBAL } from './mermaid-speedup.ts';
import { DiagramError } from './diagram-error.ts';
import { mermaidScript } from './mermaid-script.ts';
import { cacheDir, cacheKey, isCached, readCached, writeCacheEntry } from './render-cache.ts';
import { prepareRenderPage, renderInBrowser } from './render-page.ts';
import { postProcess } from './svg-post.ts';
import { addRender, emptyStats, progressLine, type RenderStats, type RenderTimings } from './render-stats.ts';

interface Job {
  spec: DiagramSpec;
  key: string;
  file: string;
  started: boolean;
  promise: Promise<string>;
  resolve: (svg: string) => void;
  reject: (error: unknown) => void;
}

interface RendererState {
  /** The browser: launched on the first diagram that is not in the cache, or lent by shareBrowser. */
  browser?: Promise<Browser>;
  /** Whether this module launched the browser (and so is the one to close it). */
  ownsBrowser: boolean;
  /** Where the browser comes from when the build script lends one (shareBrowser). */
  provider?: () => Promise<Browser>;
  /** Pages with Mermaid loaded, each used by one worker at a time. */
  pages: Promise<Page>[];
  freePages: Promise<Page>[];
  /** Jobs not started yet, in order; a page that asks for one moves it to the front. */
  pending: Job[];
  /** Every job of this build that has not finished, by cache key. */
  inflight: Map<string, Job>;
  workers: number;
  renderedKeys: Set<string>;
  cachedKeys: Set<string>;
  stats: RenderTimings;
  log: (message: string) => void;
  /** Set by scripts/build.ts, which owns the renderer's lifetime: Astro's hooks then leave it alone. */
  held: boolean;
}

const STATE_KEY = Symbol.for('driftsbok.diagrams.renderer');

function state(): RendererState {
  const g = globalThis as unknown as Record<symbol, RendererState | undefined>;
  let s = g[STATE_KEY];
  if (!s) {
    s = {
      ownsBrowser: false,
      pages: [],
      freePages: [],
      pending: [],
      inflight: new Map(),
      workers: 0,
      renderedKeys: new Set(),
      cachedKeys: new Set(),
      stats: emptyStats(),
      log: (m) => console.log(m),
      held: false,
    };
    g[STATE_KEY] = s;
  }
  return s;
}

/** Where progress lines go (the integration passes Astro's logger). */
export function setRendererLog(log: (message: string) => void): void {
  state().log = log;
}

export function renderStats(): RenderStats {
  const s = state();
  return { ...s.stats, rendered: s.renderedKeys.size, cached: s.cachedKeys.size };
}

export function resetRenderStats(): void {
  const s = state();
  s.stats = emptyStats();
  s.renderedKeys = new Set();
  s.cachedKeys = new Set();
}

/**
 * scripts/build.ts runs Astro in its own process and owns the renderer: it starts rendering before
 * Astro starts, counts and closes at the end. While held, the Astro integration's hooks neither
 * reset the counts nor close the browser.
 */
export function holdRenderer(held: boolean): void {
  state().held = held;
}

export function rendererHeld(): boolean {
  return state().held;
}

/**
 * Renders with a browser the caller provides (launched on first use, closed by the caller), e.g. the
 * one scripts/build.ts also prints the runbook PDF with. Pass undefined to go back to launching its own.
 */
export function shareBrowser(provider: (() => Promise<Browser>) | undefined): void {
  const s = state();
  s.provider = provider;
}

/**
 * How many Chromium pages render at once: DRIFTSBOK_DIAGRAM_PAGES, else one per two cores, at most 4.
 * A render page keeps more than one core busy (Mermaid on the page's main thread, plus Chromium's
 * own threads: style, layout, garbage collection, IPC with Node), and each page loads Mermaid anew.
 * Measured on 2 cores (Saghaugen, 34 diagrams, nothing else running): one page rendered them in
 * 3.8-4.0 s at 67 ms each, two pages in 4.5-4.8 s at 135-160 ms each; in a cold build, where Astro
 * wants a core too, one page took 12.0-13.2 s and two 13.5-15.3 s.
 */
export function renderPageCount(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  return readSettings(env).DRIFTSBOK_DIAGRAM_PAGES ?? Math.max(1, Math.min(4, Math.floor(cores / 2)));
}

function getBrowser(s: RendererState): Promise<Browser> {
  if (!s.browser) {
    s.ownsBrowser = !s.provider;
    s.browser = (s.provider ?? launchChromium)().catch((error: unknown) => {
      s.browser = undefined;
      throw error;
    });
  }
  return s.browser;
}

async function openPage(s: RendererState): Promise<Page> {
  const started = performance.now();
  const browser = await getBrowser(s);
  const page = await browser.newPage();
  await prepareRenderPage(page, mermaidScript(undefined, s.log));
  s.stats.startMs += performance.now() - started;
  return page;
}

/** A page for one worker: a free one, else a new one (the pool never exceeds renderPageCount). */
function takePage(s: RendererState): Promise<Page> {
  const free = s.freePages.pop();
  if (free) return free;
  const page = openPage(s);
  s.pages.push(page);
  // A page that failed to open is dropped, so the next job tries again.
  page.catch(() => {
    s.pages = s.pages.filter((p) => p !== page);
  });
  return page;
}

/** Whether the browser is running (tests use this to prove the cache path never starts it). */
export function browserStarted(): boolean {
  const s = state();
  return s.ownsBrowser ? s.browser !== undefined : s.pages.length > 0;
}

/**
 * Closes the renderer's pages, and the browser when the renderer launched it; diagrams still queued
 * fail. Safe to call when it never started.
 */
export async function closeRenderer(): Promise<void> {
  const s = state();
  // Diagrams still queued (a build that failed halfway) will not be rendered: say so to whoever waits.
  for (const job of s.pending.splice(0)) {
    s.inflight.delete(job.key);
    job.reject(new DiagramError(job.spec, 'the renderer was closed before this diagram was rendered'));
  }
  const pages = s.pages;
  const browser = s.browser;
  const owned = s.ownsBrowser;
  s.pages = [];
  s.freePages = [];
  s.browser = undefined;
  s.ownsBrowser = false;
  if (owned && browser) {
    try {
      await (await browser).close();
    } catch {
      /* already gone */
    }
  } else {
    await Promise.all(pages.map(async (p) => (await p.catch(() => undefined))?.close().catch(() => undefined)));
  }
}

const SAFE_SPEC_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Renders a spec to an SVG string (from the cache when possible). Diagrams render in parallel on up
 * to renderPageCount() pages; a diagram a page is waiting for goes ahead of pre-rendered ones.
 */
export function renderDiagram(spec: DiagramSpec, options: { urgent?: boolean } = {}): Promise<string> {
  if (!SAFE_SPEC_ID.test(spec.id)) throw new DiagramError(spec, `the id must be lower-case letters, digits and dashes`);
  const urgent = options.urgent ?? true;
  const s = state();
  const key = cacheKey(spec);
  const existing = s.inflight.get(key);
  if (existing) {
    if (urgent && !existing.started) {
      s.pending.splice(s.pending.indexOf(existing), 1);
      s.pending.unshift(existing);
    }
    return existing.promise;
  }
  const file = join(cacheDir(), `${key}.svg`);
  const svg = readCached(spec, file, s.log);
  if (svg !== undefined) {
    if (!s.renderedKeys.has(key)) s.cachedKeys.add(key);
    return Promise.resolve(svg);
  }
  let resolveJob!: (svg: string) => void;
  let rejectJob!: (error: unknown) => void;
  const promise = new Promise<string>((ok, fail) => {
    resolveJob = ok;
    rejectJob = fail;
  });
  const job: Job = { spec, key, file, started: false, promise, resolve: resolveJob, reject: rejectJob };
  s.inflight.set(key, job);
  if (urgent) s.pending.unshift(job);
  else s.pending.push(job);
  startWorkers(s);
  return promise;
}

/**
 * Queues every spec that is not in the cache yet, behind anything a page asked for, and starts the
 * browser at once if there is any. Returns how many need rendering and a promise for all of them
 * (it rejects with the first DiagramError). Nothing renders twice: a page that asks for a queued
 * diagram waits for the same job.
 */
export function prerenderDiagrams(specs: DiagramSpec[]): { queued: number; done: Promise<void> } {
  const s = state();
  const jobs: Promise<void>[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    const key = cacheKey(spec);
    if (seen.has(key)) continue;
    seen.add(key);
    if (s.inflight.has(key) || s.renderedKeys.has(key)) continue;
    if (isCached(spec)) {
      // Counted here too: a page Astro reuses from the last build never asks for its diagrams.
      s.cachedKeys.add(key);
      continue;
    }
    // Only whether it worked is kept: holding every SVG until the last one is done would keep a
    // 100× model's ~17 000 diagrams (~0.5 GB) in memory.
    jobs.push(renderDiagram(spec, { urgent: false }).then(() => undefined));
  }
  const done = Promise.all(jobs).then(() => undefined);
  done.catch(() => undefined); // the caller awaits it; never an unhandled rejection meanwhile
  return { queued: jobs.length, done };
}

function startWorkers(s: RendererState): void {
  const max = renderPageCount();
  while (s.workers < max && s.workers < s.pending.length) {
    s.workers++;
    s.stats.workers = Math.max(s.stats.workers ?? 0, s.workers);
    void worker(s);
  }
}

async function worker(s: RendererState): Promise<void> {
  let page: Promise<Page> | undefined;
  try {
    for (let job = s.pending.shift(); job; job = s.pending.shift()) {
      job.started = true;
      try {
        page ??= takePage(s);
        const svg = await renderInPage(s, await page, job.spec);
        writeCacheEntry(job.file, svg);
        s.renderedKeys.add(job.key);
        s.cachedKeys.delete(job.key);
        job.resolve(svg);
      } catch (error) {
        job.reject(error);
        // A page that failed (crashed, closed) is not reused.
        if (!(error instanceof DiagramError)) page = undefined;
      } finally {
        s.inflight.delete(job.key);
      }
    }
  } finally {
    s.workers--;
    if (page && s.pages.includes(page)) s.freePages.push(page);
  }
}

async function renderInPage(s: RendererState, page: Page, spec: DiagramSpec): Promise<string> {
  const started = performance.now();
  const svgId = `dg-${spec.id}`;
  const result = await page.evaluate(renderInBrowser, { id: svgId, text: spec.mermaid, speedup: SPEEDUP_GLOBAL });
  if ('error' in result) throw new DiagramError(spec, `Mermaid: ${result.error}`);
  const post = performance.now();
  const svg = postProcess(spec, svgId, result.svg!);
  const done = performance.now();
  addRender(s.stats, { postMs: done - post, mermaidMs: result.ms ?? 0, again: result.again === true, totalMs: done - started });
  const line = progressLine(s.renderedKeys.size + 1, spec.id, s.stats, s.pending.length);
  if (line) s.log(line);
  return svg;
}

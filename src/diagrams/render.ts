/**
 * Rendering Mermaid text to static SVG at build time. Node-only.
 *
 * One Chromium per build process and a few pages in it (one per core, at most 4; Mermaid's page is
 * not re-entrant, so each page renders one diagram at a time), each loading mermaid.min.js once
 * (injected from node_modules, no network, patched by mermaid-speedup.ts to stop copying its
 * configuration on every call, which was ~45 % of its CPU). Workers take diagrams from one queue; a
 * diagram a page of the site is waiting for goes to its front, diagrams queued ahead of time by
 * prerenderDiagrams (scripts/build.ts, before Astro starts) to its back. A diagram still costs
 * Mermaid ~35-45 ms of CPU on this machine (~19 ms of it fixed, even for two boxes: ELK, DOMPurify
 * over the SVG, configuration), so rendering on every core, not batching calls, is what makes a
 * cold build faster. State lives on globalThis because the build script, the Astro config
 * and the pages load this module as separate copies in one process.
 *
 * A disk cache keyed by sha256(renderer version, Mermaid version, whether and which speed patch,
 * render options, spec id, text)
 * means a rebuild with an unchanged model never starts the browser.
 *
 * Labels: `htmlLabels: true`. Every model string is escaped to Mermaid entity codes (escape.ts), which
 * Mermaid turns into text inside its own <foreignObject><div><span><p> wrappers, so a model string
 * can only ever be text (assertSafeSvg checks that no other element appears there). With
 * `htmlLabels: false` Mermaid 12 turns entity codes into literal "&#40;" text in edge labels,
 * subgraph titles and one-line node labels, and its word wrapping splits inside them, so hostile
 * strings could not be shown literally; HTML labels also print and lay out better.
 *
 * Theme: rendered once with theme 'default' (light). Diagram.astro inverts it for Starlight's dark
 * theme with a CSS filter keyed on <html data-theme="dark">, and print is always light.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser/chromium.ts';
import type { DiagramSpec } from './types.ts';
import { DriftsbokError } from '../errors.ts';
import { readSettings } from '../settings.ts';
import { restorePlaceholderLetters } from './escape.ts';
import { MermaidPatchError, SPEEDUP_GLOBAL, speedUpMermaid, type SpeedupRuntime } from './mermaid-speedup.ts';

/** Bump when post-processing or anything else that shapes the output changes. */
export const RENDERER_VERSION = '6';

export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'default',
  // 'neo' (Mermaid 12's default) draws every box as a long curved path: ~5x the bytes.
  look: 'classic',
  htmlLabels: true,
  flowchart: { useMaxWidth: true, curve: 'basis', padding: 8 },
  deterministicIds: true,
  // The font the build measures labels with comes first: DejaVu Sans is what .ci/run installs
  // (fonts-dejavu-core: æøå, ✓, ✗) and what Debian's Chromium falls back to anyway. Named first, every
  // label is laid out with the same font on every such machine, without fontconfig first looking
  // for system-ui, -apple-system, Roboto … that a server does not have. Readers without it get
  // Verdana or Arial, which are no wider, so labels still fit their boxes.
  fontFamily: '"DejaVu Sans", Verdana, "Segoe UI", Arial, sans-serif',
  // Mermaid's default is 50 000 characters; the build fails (by design) past this.
  maxTextSize: 50_000,
} as const;

export class DiagramError extends DriftsbokError {
  constructor(spec: Pick<DiagramSpec, 'id' | 'source'>, problem: string) {
    super(
      `diagram "${spec.id}" (from ${spec.source}) cannot be rendered: ${problem}`,
      'the Mermaid text is generated in src/diagrams; a model string that breaks it is a bug in the escaping, ' +
        'and a diagram that is too large should be split (Mermaid refuses text over maxTextSize).',
    );
  }
}

export interface RenderStats {
  /** Distinct diagrams rendered in this build. */
  rendered: number;
  /** Distinct diagrams this build took from the disk cache. */
  cached: number;
  /** Milliseconds of rendering, summed over the pages that render in parallel. */
  renderMs: number;
  /** Milliseconds to start Chromium and load Mermaid into the pages (0 when it never started). */
  startMs: number;
  /** Of renderMs: inside the page (mermaid.render, timed there). */
  mermaidMs?: number;
  /** Of renderMs: Node post-processing (ids, CSS pruning, safety checks). */
  postMs?: number;
  /** The most Chromium pages that rendered at once. */
  workers?: number;
  /** Diagrams rendered twice because Mermaid changed a memoised config (mermaid-speedup.ts). */
  renderedAgain?: number;
}

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

/** The timings; the counts come from the sets of keys (renderStats). */
type RenderTimings = Omit<RenderStats, 'rendered' | 'cached'>;

function emptyStats(): RenderTimings {
  return { renderMs: 0, startMs: 0, mermaidMs: 0, postMs: 0, workers: 0, renderedAgain: 0 };
}

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

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(readSettings(env).DRIFTSBOK_DIAGRAM_CACHE);
}

function findMermaidDir(): string {
  const starts = [process.cwd(), dirname(fileURLToPath(import.meta.url))];
  for (const start of starts) {
    let dir = start;
    for (;;) {
      const candidate = join(dir, 'node_modules', 'mermaid');
      if (existsSync(join(candidate, 'dist', 'mermaid.min.js'))) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error('diagrams: node_modules/mermaid/dist/mermaid.min.js not found (is mermaid installed? run npm ci)');
}

let mermaidVersionMemo: string | undefined;
export function mermaidVersion(): string {
  mermaidVersionMemo ??= (JSON.parse(readFileSync(join(findMermaidDir(), 'package.json'), 'utf8')) as { version: string }).version;
  return mermaidVersionMemo;
}

const mermaidScripts = new Map<boolean, { script: string; patched: boolean }>();

/**
 * Mermaid's bundle as the render pages get it, and whether mermaid-speedup.ts's patches are in it:
 * they are unless `speedup` is off (DRIFTSBOK_MERMAID_SPEEDUP=0), or they do not fit this Mermaid.
 * A patch that does not fit throws in CI, so that a Mermaid upgrade cannot make every build slower
 * unnoticed; elsewhere Mermaid is used as it is (the same pictures, slower), and `log` says so.
 */
export function withSpeedup(plain: string, options: { speedup: boolean; ci: boolean; log: (message: string) => void }): { script: string; patched: boolean } {
  if (!options.speedup) return { script: plain, patched: false };
  try {
    return { script: speedUpMermaid(plain), patched: true };
  } catch (error) {
    if (!(error instanceof MermaidPatchError) || options.ci) throw error;
    options.log(`diagrams: ${error.what}; rendering with Mermaid as it is (slower, same pictures)`);
    return { script: plain, patched: false };
  }
}

/** mermaid.min.js from node_modules through withSpeedup, once per process and setting. */
function loadMermaid(speedup: boolean, log?: (message: string) => void): { script: string; patched: boolean } {
  let loaded = mermaidScripts.get(speedup);
  if (loaded === undefined) {
    const plain = readFileSync(join(findMermaidDir(), 'dist', 'mermaid.min.js'), 'utf8');
    loaded = withSpeedup(plain, { speedup, ci: readSettings().CI, log: log ?? console.log });
    mermaidScripts.set(speedup, loaded);
  }
  return loaded;
}

/** mermaid.min.js as injected into the render pages (see loadMermaid). */
export function mermaidScript(speedup = readSettings().DRIFTSBOK_MERMAID_SPEEDUP, log?: (message: string) => void): string {
  return loadMermaid(speedup, log).script;
}

const PATCH_ID = Symbol.for('driftsbok.mermaidPatchId');

/**
 * Which Mermaid the render pages run, for the cache key: 'off' when unpatched (switched off, or the
 * patch does not fit), else a hash of mermaid-speedup.ts's source. Kept on globalThis: the build
 * script and the pages Astro renders load this module separately, and must agree on every key.
 */
export function mermaidPatchId(log?: (message: string) => void): string {
  const g = globalThis as unknown as Record<symbol, Map<boolean, string> | undefined>;
  const ids = (g[PATCH_ID] ??= new Map());
  const speedup = readSettings().DRIFTSBOK_MERMAID_SPEEDUP;
  let id = ids.get(speedup);
  if (id === undefined) {
    id = loadMermaid(speedup, log).patched ? createHash('sha256').update(patchSource()).digest('hex').slice(0, 16) : 'off';
    ids.set(speedup, id);
  }
  return id;
}

/** The text of mermaid-speedup.ts: beside this module, or in src/diagrams/ of the project. */
function patchSource(): string {
  const candidates = [fileURLToPath(new URL('./mermaid-speedup.ts', import.meta.url)), join(process.cwd(), 'src', 'diagrams', 'mermaid-speedup.ts')];
  for (const file of candidates) if (existsSync(file)) return readFileSync(file, 'utf8');
  // Neither (a bundled copy of this module, run elsewhere): the patched bundle stands for it.
  return loadMermaid(true).script;
}

/** The cache key of a spec: everything that decides the SVG. */
export function cacheKey(spec: DiagramSpec): string {
  return createHash('sha256')
    .update(JSON.stringify([RENDERER_VERSION, mermaidVersion(), mermaidPatchId(), MERMAID_CONFIG, spec.id, spec.mermaid]))
    .digest('hex');
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

/**
 * Makes a blank page a render page: nothing may be fetched, a hidden stage to lay diagrams out in,
 * and Mermaid (the given script text, see mermaidScript) loaded and initialised once.
 */
export async function prepareRenderPage(page: Page, script: string): Promise<void> {
  // The page and Mermaid come from memory, under a name that can never resolve (.invalid); every
  // other request is refused: nothing may be fetched, ever. Loading Mermaid as a script file rather
  // than injecting its 3 MB of text through the DevTools protocol lets Chromium parse it while it
  // arrives, off the main thread: ~0.25 s less per page.
  // No deadline: the page and Mermaid come from memory, so a slow load means a busy machine, not a
  // hung one (Playwright's default 30 s failed builds with the CPU oversubscribed). A crashed
  // browser still rejects at once.
  page.setDefaultTimeout(0);
  page.setDefaultNavigationTimeout(0);
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === RENDER_PAGE_URL) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: RENDER_PAGE_HTML });
    if (url === MERMAID_URL) return route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: script });
    return route.abort();
  });
  // No time limit: the page and Mermaid come from memory, so a slow load means a busy machine (two
  // cores shared with Astro or other builds), never a network that will not answer; 30 s was not
  // always enough under load, and failed whole builds.
  page.setDefaultTimeout(0);
  await page.goto(RENDER_PAGE_URL, { timeout: 0 });
  await page.evaluate((config) => {
    (window as unknown as { mermaid: { initialize(c: unknown): void } }).mermaid.initialize(config);
  }, MERMAID_CONFIG as unknown as Record<string, unknown>);
}

const RENDER_PAGE_URL = 'http://driftsbok.invalid/render';
const MERMAID_URL = 'http://driftsbok.invalid/mermaid.min.js';
// Diagrams are laid out in a hidden stage: measured like any visible element, but never painted,
// which saves Chromium a raster pass per diagram (about a fifth of its CPU here).
const RENDER_PAGE_HTML =
  `<!doctype html><html><head><meta charset="utf-8"><script src="${MERMAID_URL}"></script></head><body>` +
  '<div id="stage" style="visibility:hidden;position:absolute;top:0;left:0;contain:paint"></div></body></html>';

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
 * A cache entry is the SVG and a last line with the SHA-256 of the SVG, written together in one
 * rename. On read the hash must match and the SVG must pass the same safety check as a fresh render
 * (assertSafeSvg): a cache folder restored in CI or shared between checkouts is not trusted blindly
 * (issue 15, finding 7). An entry that fails is deleted and rendered again, and the log says so.
 */
const CACHE_TRAILER = /\n<!-- driftsbok-sha256 ([0-9a-f]{64}) -->\n$/;

export function cacheEntry(svg: string): string {
  return `${svg}\n<!-- driftsbok-sha256 ${createHash('sha256').update(svg).digest('hex')} -->\n`;
}

/** The SVG of a cache entry, or why it is not to be used. */
export function verifyCacheEntry(spec: Pick<DiagramSpec, 'id' | 'source'>, entry: string): { svg: string } | { problem: string } {
  const trailer = CACHE_TRAILER.exec(entry);
  if (!trailer) return { problem: 'it has no content hash (written by an older driftsbok, or not by driftsbok)' };
  const svg = entry.slice(0, trailer.index);
  if (createHash('sha256').update(svg).digest('hex') !== trailer[1]) return { problem: 'its content does not match its hash' };
  if (!svg.includes(`id="dg-${spec.id}"`)) return { problem: 'it is the drawing of another diagram' };
  const unsafe = unsafeSvgProblems(svg);
  if (unsafe.length) return { problem: `unsafe SVG output: ${unsafe.join(', ')}` };
  return { svg };
}

/** Reads and verifies a cached SVG (and marks its last use for pruneCache), or undefined. */
function readCached(s: RendererState, spec: DiagramSpec, file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const checked = verifyCacheEntry(spec, readFileSync(file, 'utf8'));
  if ('problem' in checked) {
    s.log(`diagrams: the cached drawing of ${spec.id} is not used: ${checked.problem}; rendering it again`);
    try {
      unlinkSync(file);
    } catch {
      /* read-only cache: the fresh render is used all the same */
    }
    return undefined;
  }
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    /* read-only cache: fine */
  }
  return checked.svg;
}

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
  const svg = readCached(s, spec, file);
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

/** Whether a spec's SVG is in the disk cache already. */
export function isCached(spec: DiagramSpec): boolean {
  return existsSync(join(cacheDir(), `${cacheKey(spec)}.svg`));
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
        mkdirSync(dirname(job.file), { recursive: true });
        const tmp = `${job.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        writeFileSync(tmp, cacheEntry(svg));
        renameSync(tmp, job.file);
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
  s.stats.postMs = (s.stats.postMs ?? 0) + (done - post);
  s.stats.mermaidMs = (s.stats.mermaidMs ?? 0) + (result.ms ?? 0);
  if (result.again) s.stats.renderedAgain = (s.stats.renderedAgain ?? 0) + 1;
  s.stats.renderMs += done - started;
  const count = s.renderedKeys.size + 1;
  if (count === 1 || count % 25 === 0) {
    s.log(`diagrams: rendered ${count} (last: ${spec.id}, ${(s.stats.renderMs / count).toFixed(0)} ms each, ${s.pending.length} waiting)`);
  }
  return svg;
}

export interface BrowserRenderResult {
  svg?: string;
  error?: string;
  /** Milliseconds inside the page. */
  ms?: number;
  /** Rendered a second time with the config memo off (mermaid-speedup.ts's safety net). */
  again?: boolean;
}

/**
 * Runs inside a render page (passed to page.evaluate, so self-contained): one diagram into the
 * hidden stage, cleaned up after. With the speed-up's runtime present, a render during which a
 * memoised config was changed is done again without the memo.
 */
export async function renderInBrowser({ id, text, speedup }: { id: string; text: string; speedup: string }): Promise<BrowserRenderResult> {
  // No inner functions here: esbuild-based loaders (tsx) wrap them in __name(), which the page lacks.
  const mermaid = (window as unknown as { mermaid: { render(id: string, t: string, container?: Element): Promise<{ svg: string }> } }).mermaid;
  const runtime = (window as unknown as Record<string, SpeedupRuntime | undefined>)[speedup];
  const stage = document.getElementById('stage')!;
  const t0 = performance.now();
  let svg = '';
  let again = false;
  try {
    // First with the config memo; again without it if Mermaid changed a memoised config meanwhile.
    for (const memo of [true, false]) {
      if (runtime) {
        runtime.on = memo;
        runtime.mutated = false;
      }
      let failed = false;
      let failure: unknown;
      try {
        // render() parses first and rejects on a syntax error; a separate parse() would do it twice.
        svg = (await mermaid.render(id, text, stage)).svg;
      } catch (error) {
        failed = true;
        failure = error;
      } finally {
        runtime?.drop();
        stage.replaceChildren();
        document.getElementById(id)?.remove();
        document.getElementById(`d${id}`)?.remove();
      }
      // A changed memo may have caused the failure too: only the render without it counts then.
      if (memo && runtime?.mutated === true) {
        again = true;
        continue;
      }
      if (failed) throw failure;
      break;
    }
    return { svg, ms: performance.now() - t0, again };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Makes every id in the SVG start with the diagram's own prefix (Mermaid leaves some unprefixed),
 * rewrites references to them, and refuses anything unsafe or an error picture.
 */
export function postProcess(spec: Pick<DiagramSpec, 'id' | 'source'>, svgId: string, svg: string): string {
  if (/Syntax error in text|Maximum text size in diagram exceeded|aria-roledescription="error"/.test(svg)) {
    throw new DiagramError(spec, 'Mermaid drew its error picture (syntax error or text over its size limit)');
  }
  const rename = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) {
    const id = m[1]!;
    if (id !== svgId && !id.startsWith(`${svgId}-`) && !id.startsWith(`${svgId}_`)) rename.set(id, `${svgId}-${id}`);
  }
  let out = pruneUnusedCss(restorePlaceholderLetters(svg));
  if (rename.size) {
    const swap = (id: string) => rename.get(id) ?? id;
    out = out
      .replace(/(\sid=")([^"]+)(")/g, (_, a: string, id: string, z: string) => a + swap(id) + z)
      .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${swap(id)})`)
      .replace(/(\s(?:xlink:)?href=")#([^"]+)(")/g, (_, a: string, id: string, z: string) => `${a}#${swap(id)}${z}`)
      .replace(/(\saria-(?:labelledby|describedby)=")([^"]+)(")/g, (_, a: string, ids: string, z: string) =>
        a + ids.split(/\s+/).map(swap).join(' ') + z,
      );
  }
  assertSafeSvg(spec, out);
  return out;
}

/**
 * Mermaid embeds its whole theme stylesheet (~7 KB) in every SVG; most rules style classes the
 * diagram does not use. Drops selectors naming a class that no element carries (@-rules are kept).
 * Output looks the same; a small neighbourhood diagram shrinks by about a fifth.
 */
export function pruneUnusedCss(svg: string): string {
  const match = /<style>([\s\S]*?)<\/style>/.exec(svg);
  if (!match) return svg;
  const css = match[1]!;
  const used = new Set<string>();
  const rest = svg.slice(0, match.index) + svg.slice(match.index + match[0].length);
  for (const m of rest.matchAll(/\sclass="([^"]*)"/g)) for (const c of m[1]!.split(/\s+/)) if (c) used.add(c);
  let out = '';
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open < 0) {
      out += css.slice(i);
      break;
    }
    let depth = 1;
    let j = open + 1;
    while (j < css.length && depth > 0) {
      if (css[j] === '{') depth++;
      else if (css[j] === '}') depth--;
      j++;
    }
    const prelude = css.slice(i, open);
    const block = css.slice(open, j);
    if (prelude.trim().startsWith('@')) {
      out += prelude + block;
    } else {
      const selectors = prelude
        .split(',')
        .filter((sel) => [...sel.matchAll(/\.([A-Za-z_][\w-]*)/g)].every((m) => used.has(m[1]!)));
      if (selectors.length) out += selectors.join(',') + block;
    }
    i = j;
  }
  return svg.slice(0, match.index) + `<style>${out}</style>` + svg.slice(match.index + match[0].length);
}

/** No scripts, no event handlers, no HTML islands, no script URLs. */
/** What in an SVG could run or load something: empty when it is only a drawing with text. */
export function unsafeSvgProblems(svg: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(svg)) problems.push('a <script> element');
  if (/<[^>]*\son[a-z]+\s*=/i.test(svg)) problems.push('an on* event attribute');
  // Inside HTML labels only Mermaid's own wrappers may appear; anything else came from a label.
  for (const m of svg.matchAll(/<foreignObject\b[^>]*>([\s\S]*?)<\/foreignObject>/gi)) {
    for (const tag of m[1]!.matchAll(/<([a-zA-Z][\w:-]*)/g)) {
      if (!['div', 'span', 'p', 'br'].includes(tag[1]!.toLowerCase())) problems.push(`a <${tag[1]}> inside a label`);
    }
  }
  // Inside a tag (label text is serialised with &lt;, so it cannot match these).
  if (/<[^>]*\s(?:xlink:)?(?:href|src)\s*=\s*"\s*(?:javascript|data|vbscript):/i.test(svg)) problems.push('a script or data URL');
  if (/<(?:img|iframe|object|embed)\b/i.test(svg)) problems.push('an embedded element');
  return problems;
}

export function assertSafeSvg(spec: Pick<DiagramSpec, 'id' | 'source'>, svg: string): void {
  const problems = unsafeSvgProblems(svg);
  if (problems.length) throw new DiagramError(spec, `unsafe SVG output: ${problems.join(', ')}`);
}

/**
 * Deletes cached SVGs not used for `maxAgeDays` (each use refreshes a file's time), so a cache folder
 * that CI keeps does not grow forever. Returns how many were removed.
 */
export function pruneCache(maxAgeDays = 30, dir = cacheDir()): number {
  if (!existsSync(dir)) return 0;
  const cutoff = Date.now() - maxAgeDays * 86_400_000;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (!/^[0-9a-f]{64}\.svg$/.test(name)) continue;
    const path = join(dir, name);
    try {
      if (statSync(path).mtimeMs < cutoff) {
        unlinkSync(path);
        removed++;
      }
    } catch {
      /* raced with another build: fine */
    }
  }
  return removed;
}

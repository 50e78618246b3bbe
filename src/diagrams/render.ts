/**
 * Rendering Mermaid text to static SVG at build time. Node-only.
 *
 * One Chromium per build process, one page that loads mermaid.min.js once (injected from
 * node_modules, no network), diagrams rendered one after another through a queue (Astro renders
 * pages concurrently; Mermaid's page is not re-entrant). State lives on globalThis because the
 * Astro config and the pages can load this module as two copies in one process.
 *
 * A disk cache keyed by sha256(renderer version, Mermaid version, render options, spec id, text)
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
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser/chromium.ts';
import type { DiagramSpec } from './types.ts';
import { restorePlaceholderLetters } from './escape.ts';

/** Bump when post-processing or anything else that shapes the output changes. */
export const RENDERER_VERSION = '4';

export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'default',
  // 'neo' (Mermaid 12's default) draws every box as a long curved path: ~5x the bytes.
  look: 'classic',
  htmlLabels: true,
  flowchart: { useMaxWidth: true, curve: 'basis', padding: 8 },
  deterministicIds: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  // Mermaid's default is 50 000 characters; the build fails (by design) past this.
  maxTextSize: 50_000,
} as const;

export class DiagramError extends Error {
  constructor(spec: Pick<DiagramSpec, 'id' | 'source'>, problem: string) {
    super(
      `diagram "${spec.id}" (from ${spec.source}) cannot be rendered: ${problem}\n` +
        '  hint: the Mermaid text is generated in src/diagrams; a model string that breaks it is a bug in the escaping, ' +
        'and a diagram that is too large should be split (Mermaid refuses text over maxTextSize).',
    );
    this.name = 'DiagramError';
  }
}

export interface RenderStats {
  rendered: number;
  cached: number;
  /** Milliseconds spent in Mermaid (excluding browser start). */
  renderMs: number;
  /** Milliseconds to start Chromium and load Mermaid (0 when it never started). */
  startMs: number;
  /** Of renderMs: inside the page (mermaid.render, timed there). */
  mermaidMs?: number;
  /** Of renderMs: Node post-processing (ids, CSS pruning, safety checks). */
  postMs?: number;
}

interface RendererState {
  page?: Promise<Page>;
  browser?: Browser;
  queue: Promise<unknown>;
  inflight: Map<string, Promise<string>>;
  stats: RenderStats;
  log: (message: string) => void;
}

const STATE_KEY = Symbol.for('driftsbok.diagrams.renderer');

function state(): RendererState {
  const g = globalThis as unknown as Record<symbol, RendererState | undefined>;
  let s = g[STATE_KEY];
  if (!s) {
    s = {
      queue: Promise.resolve(),
      inflight: new Map(),
      stats: { rendered: 0, cached: 0, renderMs: 0, startMs: 0, mermaidMs: 0, postMs: 0 },
      log: (m) => console.log(m),
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
  return { ...state().stats };
}

export function resetRenderStats(): void {
  state().stats = { rendered: 0, cached: 0, renderMs: 0, startMs: 0, mermaidMs: 0, postMs: 0 };
}

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.DRIFTSBOK_DIAGRAM_CACHE || '.cache/diagrams');
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

/** The cache key of a spec: everything that decides the SVG. */
export function cacheKey(spec: DiagramSpec): string {
  return createHash('sha256')
    .update(JSON.stringify([RENDERER_VERSION, mermaidVersion(), MERMAID_CONFIG, spec.id, spec.mermaid]))
    .digest('hex');
}

async function openPage(s: RendererState): Promise<Page> {
  const started = performance.now();
  const browser = await launchChromium();
  s.browser = browser;
  const page = await browser.newPage();
  // Mermaid is injected from disk; nothing may be fetched, ever.
  await page.route('**/*', (route) => route.abort());
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ content: readFileSync(join(findMermaidDir(), 'dist', 'mermaid.min.js'), 'utf8') });
  await page.evaluate((config) => {
    (window as unknown as { mermaid: { initialize(c: unknown): void } }).mermaid.initialize(config);
  }, MERMAID_CONFIG as unknown as Record<string, unknown>);
  s.stats.startMs += performance.now() - started;
  return page;
}

function getPage(s: RendererState): Promise<Page> {
  s.page ??= openPage(s).catch((error: unknown) => {
    s.page = undefined;
    throw error;
  });
  return s.page;
}

/** Whether the browser is running (tests use this to prove the cache path never starts it). */
export function browserStarted(): boolean {
  return state().page !== undefined;
}

/** Closes the browser (end of build). Safe to call when it never started. */
export async function closeRenderer(): Promise<void> {
  const s = state();
  const page = s.page;
  s.page = undefined;
  if (page) {
    try {
      await (await page).context().browser()?.close();
    } catch {
      /* already gone */
    }
  }
  s.browser = undefined;
}

const SAFE_SPEC_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Renders a spec to an SVG string (from the cache when possible). */
export function renderDiagram(spec: DiagramSpec): Promise<string> {
  if (!SAFE_SPEC_ID.test(spec.id)) throw new DiagramError(spec, `the id must be lower-case letters, digits and dashes`);
  const s = state();
  const key = cacheKey(spec);
  const existing = s.inflight.get(key);
  if (existing) return existing;
  const file = join(cacheDir(), `${key}.svg`);
  if (existsSync(file)) {
    s.stats.cached++;
    const svg = readFileSync(file, 'utf8');
    try {
      const now = new Date();
      utimesSync(file, now, now); // last use, for pruneCache
    } catch {
      /* read-only cache: fine */
    }
    return Promise.resolve(svg);
  }
  const job = s.queue.then(async () => {
    const svg = await renderInPage(s, spec);
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, svg);
    renameSync(tmp, file);
    return svg;
  });
  s.queue = job.catch(() => undefined);
  s.inflight.set(key, job);
  void job.finally(() => s.inflight.delete(key)).catch(() => undefined);
  return job;
}

async function renderInPage(s: RendererState, spec: DiagramSpec): Promise<string> {
  const page = await getPage(s);
  const started = performance.now();
  const svgId = `dg-${spec.id}`;
  const result = await page.evaluate(
    async ({ id, text }) => {
      const mermaid = (window as unknown as {
        mermaid: { render(id: string, t: string): Promise<{ svg: string }> };
      }).mermaid;
      const t0 = performance.now();
      try {
        // render() parses first and rejects on a syntax error; a separate parse() would do it twice.
        const { svg } = await mermaid.render(id, text);
        return { svg, ms: performance.now() - t0 };
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      } finally {
        document.getElementById(id)?.remove();
        document.getElementById(`d${id}`)?.remove();
      }
    },
    { id: svgId, text: spec.mermaid },
  );
  if ('error' in result) throw new DiagramError(spec, `Mermaid: ${result.error}`);
  const post = performance.now();
  const svg = postProcess(spec, svgId, result.svg!);
  const done = performance.now();
  s.stats.postMs = (s.stats.postMs ?? 0) + (done - post);
  s.stats.mermaidMs = (s.stats.mermaidMs ?? 0) + (result.ms ?? 0);
  s.stats.renderMs += done - started;
  s.stats.rendered++;
  if (s.stats.rendered === 1 || s.stats.rendered % 25 === 0) {
    s.log(`diagrams: rendered ${s.stats.rendered} (last: ${spec.id}, ${(s.stats.renderMs / s.stats.rendered).toFixed(0)} ms each)`);
  }
  return svg;
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
export function assertSafeSvg(spec: Pick<DiagramSpec, 'id' | 'source'>, svg: string): void {
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

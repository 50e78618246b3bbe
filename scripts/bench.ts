/**
 * `npm run bench`: how fast is the build, against a plain Starlight site of the same size?
 *
 *   npm run bench                      # scales 1,10,100 (1 = the Saghaugen model in model/)
 *   npm run bench -- --quick           # scales 1,10
 *   npm run bench -- --scales 1,10     # any list; scale 1 is model/, others are synthetic
 *   npm run bench -- --keep            # keep the temp folder (builds, logs) for a look
 *   npm run bench -- --no-plain        # skip the plain Starlight comparison
 *   npm run bench -- --no-warm         # skip the warm rebuilds
 *   npm run bench -- --no-alone        # skip the two floors: the pages alone and the diagrams alone
 *   npm run bench -- --no-rehype       # skip the rehype-mermaid comparison (scales ≤ 10)
 *   npm run bench -- --no-pdf          # build without the runbook PDFs (scripts/build.ts --no-pdf)
 *   npm run bench -- --pdf-max-scale 100  # also print the PDFs above 10× (default: scales ≤ 10 only)
 *   npm run bench -- --timeout 15      # stop any one build after 15 minutes (reported as TIMEOUT)
 *
 * For each scale it measures: the in-process model check (load + integrity + analysis), a cold
 * build (empty diagram cache), a warm rebuild (same caches, dist/ deleted first, so Astro runs), a
 * rebuild with dist/ kept (what `npm run build` twice costs), diagrams rendered and per second, pages
 * built and JS bytes per page; up to scale 10, two floors under any cold build of that model on this
 * machine: the pages alone (Astro's caches empty, every diagram and PDF from cache) and the diagrams
 * alone (no Astro, no PDFs: src/bench/render-diagrams.ts); and the same page count built as a plain
 * Starlight site with no diagrams, in the same run. Up to scale 10 it also renders the site's diagrams the
 * way a Starlight user would otherwise: their Mermaid text as ```mermaid code blocks in Markdown pages of
 * that plain site, drawn by `rehype-mermaid` (strategy inline-svg: per Markdown file a new browser page
 * that loads its Mermaid, in a Chromium launched from the same binary and flags as ours;
 * src/bench/rehype-mermaid.ts), built cold once with and once without the drawing (strategy
 * pre-mermaid), and prints its time per diagram against our diagrams alone.
 * It prints a table and the issue's targets as ratios with pass/miss.
 * Numbers only: nothing here asserts, and nothing fails on a slow machine. When a project build
 * fails, the table says why, and the plain site is still built at the size the project would have
 * had (page counts estimated from scale 1 in proportion to the entities), as a baseline.
 *
 * Isolation: builds run in a throwaway copy of the project (node_modules hard-linked, so Astro's
 * and Vite's caches in it are the copy's own), so the repo's dist/, .astro/ and diagram cache are untouched
 * and other people's builds are not disturbed. Everything lives under one temp folder, removed at
 * the end unless --keep. The results JSON is written beside it (os.tmpdir()).
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { writeSyntheticModel } from '../src/bench/write-synthetic-model.ts';
import { entityCount } from '../src/bench/synthetic-model.ts';
import { loadModel } from '../src/model/load-model.ts';
import { chromiumLaunchOptions } from '../src/browser/chromium.ts';
import { siteDiagrams } from '../src/diagrams/all.ts';
import { architectureDiagram, failureDiagram, powerDiagram, topologyDiagram, type DiagramSpec } from '../src/diagrams/index.ts';
import { MERMAID_CONFIG } from '../src/diagrams/render.ts';
import { analyze as analyzeModel } from '../src/analysis/analyze.ts';
import { checkIntegrity } from '../src/model/integrity.ts';
import { createSiteData } from '../src/site/data.ts';
import { entityHref } from '../src/site/urls.ts';
import {
  countRehypeOutcome,
  groupDiagramsByPage,
  pageWithDiagrams,
  parseRehypeFailures,
  rehypeLines,
  rehypeMermaidConfig,
  type RehypeMeasure,
  type RehypeStrategy,
} from '../src/bench/rehype-mermaid.ts';
import { parseDiagramLine, parseBuildPhases, ratio, verdict, formatMs as fmtMs, textTable as table, type DiagramCounts, type BuildPhases } from '../src/bench/report.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Arguments

interface Options {
  scales: number[];
  keep: boolean;
  plain: boolean;
  /** Render the diagrams alone (no Astro) up to this scale, to show the floor under a cold build. */
  aloneMaxScale: number;
  warm: boolean;
  pdf: boolean;
  /**
   * Scales above this build without the runbook PDFs: a 100× model's runbook (500 scenarios, ~1 200
   * diagrams per language) is thousands of pages, and printing it took over 10 minutes and over
   * 20 GB of memory on a 2-core, 24 GB machine before it was stopped.
   */
  pdfMaxScale: number;
  /** Per build, in minutes; 0 = none. */
  timeoutMin: number;
  /** The rehype-mermaid comparison up to this scale (0 = none, --no-rehype). */
  rehypeMaxScale: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { scales: [1, 10, 100], keep: false, plain: true, aloneMaxScale: 10, warm: true, pdf: true, pdfMaxScale: 10, timeoutMin: 0, rehypeMaxScale: 10 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--quick') options.scales = [1, 10];
    else if (flag === '--scales') {
      const value = inline ?? argv[++i];
      const scales = (value ?? '').split(',').map((s) => Number(s.trim()));
      if (!scales.length || scales.some((s) => !Number.isFinite(s) || s <= 0)) {
        fail(`--scales needs a comma-separated list of positive numbers, e.g. --scales 1,10,100 (got "${value ?? ''}")`);
      }
      options.scales = scales;
    } else if (flag === '--keep') options.keep = true;
    else if (flag === '--no-plain') options.plain = false;
    else if (flag === '--no-warm') options.warm = false;
    else if (flag === '--no-alone') options.aloneMaxScale = 0;
    else if (flag === '--no-rehype') options.rehypeMaxScale = 0;
    else if (flag === '--no-pdf') options.pdf = false;
    else if (flag === '--pdf-max-scale') {
      const value = Number(inline ?? argv[++i]);
      if (!Number.isFinite(value) || value <= 0) fail('--pdf-max-scale needs a positive scale, e.g. --pdf-max-scale 100');
      options.pdfMaxScale = value;
    }
    else if (flag === '--timeout') {
      const value = Number(inline ?? argv[++i]);
      if (!Number.isFinite(value) || value < 0) fail('--timeout needs minutes per build, e.g. --timeout 15');
      options.timeoutMin = value;
    }
    else if (flag === '--help' || flag === '-h') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]!.replace(/^\/\*\*\n?| \* ?/gm, ''));
      process.exit(0);
    } else fail(`unknown option ${arg} (try --help)`);
  }
  return options;
}

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Running commands

interface RunResult {
  ms: number;
  /** Core-seconds the whole machine was busy meanwhile (Linux /proc/stat), the build and its browser included. */
  cpuSeconds?: number;
  code: number;
  output: string;
  log: string;
  timedOut: boolean;
}

const children = new Set<ReturnType<typeof spawn>>();

/** Ends a child and everything it started (node → astro → Chromium): its process group. */
function killGroup(child: ReturnType<typeof spawn>, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, log: string, timeoutMs = 0): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    const out = createWriteStream(log);
    let output = '';
    let timedOut = false;
    const start = performance.now();
    const busyBefore = busyCoreSeconds();
    // Its own process group, so a timeout or Ctrl-C ends the whole tree and nothing else.
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    children.add(child);
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            killGroup(child, 'SIGTERM');
            setTimeout(() => killGroup(child, 'SIGKILL'), 5000).unref();
          }, timeoutMs)
        : undefined;
    const collect = (chunk: Buffer) => {
      out.write(chunk);
      output += chunk.toString('utf8');
      // Keep memory bounded on a 20 000-page build: the lines we parse are near the end.
      if (output.length > 4_000_000) output = output.slice(-2_000_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      children.delete(child);
      out.end();
      const busyAfter = busyCoreSeconds();
      const cpuSeconds = busyBefore !== undefined && busyAfter !== undefined ? busyAfter - busyBefore : undefined;
      resolvePromise({ ms: performance.now() - start, ...(cpuSeconds !== undefined ? { cpuSeconds } : {}), code: timedOut ? 124 : (code ?? 1), output, log, timedOut });
    });
  });
}

/**
 * Core-seconds of CPU the machine has been busy since boot (Linux: /proc/stat, user + nice + system
 * + irq + softirq + steal); undefined elsewhere. A build's delta says how much work it was, Chromium
 * included: on 2 cores a build cannot take less wall time than half its core-seconds.
 */
function busyCoreSeconds(): number | undefined {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = cpu;
    return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / 100;
  } catch {
    return undefined;
  }
}

function cleanupChildren() {
  for (const child of children) killGroup(child, 'SIGTERM');
}

// ---------------------------------------------------------------------------------------------
// The project copy, and the plain Starlight project

/**
 * node_modules for a throwaway project: a tree of hard links to this project's files (cheap, same
 * disk). A symlink does not work: Node and Vite resolve it to the real path outside the project
 * root, and Astro then looks up compiled .astro modules under a wrong path. The caches Astro and
 * Vite keep inside node_modules are left out (hard links would share the files being written).
 */
function linkNodeModules(target: string): void {
  const dest = join(target, 'node_modules');
  const r = spawnSync('cp', ['-al', join(ROOT, 'node_modules'), dest], { stdio: 'inherit' });
  if (r.status !== 0) {
    rmSync(dest, { recursive: true, force: true });
    symlinkSync(join(ROOT, 'node_modules'), dest, 'dir');
    status('  warning: could not hard-link node_modules (different disk?); symlinked instead, Astro may fail');
    return;
  }
  for (const cache of ['.astro', '.vite', '.cache']) rmSync(join(dest, cache), { recursive: true, force: true });
}

const SKIP_IN_COPY = new Set(['node_modules', 'dist', '.git', '.astro', '.cache', 'test-results', 'playwright-report']);

/** A copy of the project to build in, so that dist/ and the caches of the real tree stay untouched. */
function makeProjectCopy(target: string): void {
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(ROOT)) {
    if (SKIP_IN_COPY.has(entry) || entry.startsWith('.dist-') || entry.endsWith('.log')) continue;
    cpSync(join(ROOT, entry), join(target, entry), { recursive: true, verbatimSymlinks: true });
  }
  // Hard-linked, so the caches Astro and Vite keep in node_modules/ (.astro, .vite) are the copy's own.
  linkNodeModules(target);
}

const PLAIN_CONFIG = `// A plain Starlight site: no diagrams, same locales as driftsbok. Written by scripts/bench.ts.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  integrations: [
    starlight({
      title: { nb: 'plain', en: 'plain' },
      defaultLocale: 'root',
      locales: { root: { label: 'Norsk bokmål', lang: 'nb' }, en: { label: 'English', lang: 'en' } },
      // A short fixed sidebar: the default (every page) grows with N² in a 10 000-page site.
      sidebar: [
        { label: 'Start', translations: { en: 'Start' }, link: '/' },
        { label: 'Side 1', translations: { en: 'Page 1' }, link: '/p/1/' },
      ],
    }),
  ],
});
`;

const PLAIN_CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

function plainPage(title: string, lang: 'nb' | 'en', n: number): string {
  const words =
    lang === 'nb'
      ? 'Denne siden er en vanlig side uten diagrammer. Den har litt tekst, en liste og en tabell, omtrent som en side om en maskin eller en tjeneste.'
      : 'This page is a plain page without diagrams. It has some text, a list and a table, much like a page about a machine or a service.';
  return `---
title: ${JSON.stringify(title)}
---

${words}

## ${lang === 'nb' ? 'Fakta' : 'Facts'}

| ${lang === 'nb' ? 'Felt' : 'Field'} | ${lang === 'nb' ? 'Verdi' : 'Value'} |
| --- | --- |
| id | page-${n} |
| vmid | ${100 + n} |
| status | running |

- ${lang === 'nb' ? 'Avhenger av' : 'Depends on'} [page ${Math.max(1, n - 1)}](${lang === 'en' ? '/en' : ''}/p/${Math.max(1, n - 1)}/)
- ${lang === 'nb' ? 'Brukes av' : 'Used by'} [page ${n + 1}](${lang === 'en' ? '/en' : ''}/p/${n + 1}/)

${words}
`;
}

/**
 * A throwaway Astro + Starlight project with `nbPages` + `enPages` Markdown pages (each count
 * includes the language's home page), node_modules symlinked from this project.
 */
function makePlainProject(target: string, nbPages: number, enPages: number): void {
  mkdirSync(join(target, 'src/content/docs/p'), { recursive: true });
  mkdirSync(join(target, 'src/content/docs/en/p'), { recursive: true });
  linkNodeModules(target);
  // The same dependency list as this project: Vite decides what to bundle for SSR from it (without
  // it, Starlight is left external and its `astro:` imports fail at render time).
  const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: object; devDependencies?: object };
  writeFileSync(
    join(target, 'package.json'),
    JSON.stringify({ name: 'plain-bench', private: true, type: 'module', dependencies: own.dependencies, devDependencies: own.devDependencies }, null, 2),
  );
  writeFileSync(join(target, 'astro.config.mjs'), PLAIN_CONFIG);
  writeFileSync(join(target, 'src/content.config.ts'), PLAIN_CONTENT_CONFIG);
  writeFileSync(join(target, 'tsconfig.json'), JSON.stringify({ extends: 'astro/tsconfigs/strict' }));
  writeFileSync(join(target, 'src/content/docs/index.md'), plainPage('Forside', 'nb', 0));
  writeFileSync(join(target, 'src/content/docs/en/index.md'), plainPage('Home', 'en', 0));
  for (let n = 1; n < nbPages; n++) writeFileSync(join(target, `src/content/docs/p/${n}.md`), plainPage(`Side ${n}`, 'nb', n));
  for (let n = 1; n < enPages; n++) writeFileSync(join(target, `src/content/docs/en/p/${n}.md`), plainPage(`Page ${n}`, 'en', n));
}

// ---------------------------------------------------------------------------------------------
// Measuring a built site

interface SiteStats {
  pages: number;
  enPages: number;
  /** Pages that are not the 404 page, not under en/. */
  nbPages: number;
  jsBytesPerPage: number;
  /** Pages with any JS at all. */
  pagesWithJs: number;
}

function listHtml(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) found.push(path);
    }
  };
  if (existsSync(dir)) walk(dir);
  return found.sort();
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const STATIC_IMPORT = /(?:\bimport\s*|\bfrom\s*)["']([^"']+\.m?js)["']/g;

/**
 * JS bytes a page loads up front: every `<script src>` file plus inline script text, following the
 * static `import`s of those scripts (module chunks), each file counted once per page. Dynamic
 * imports (Pagefind's search UI loads on demand) are not counted. JSON scripts are not JS.
 */
function siteStats(outDir: string): SiteStats {
  const pages = listHtml(outDir);
  const sizeCache = new Map<string, { size: number; imports: string[] }>();
  const fileInfo = (path: string) => {
    let info = sizeCache.get(path);
    if (!info) {
      if (!existsSync(path)) info = { size: 0, imports: [] };
      else {
        const text = readFileSync(path, 'utf8');
        const imports = [...text.matchAll(STATIC_IMPORT)].map((m) => resolveAsset(outDir, dirname(path), m[1]!));
        info = { size: statSync(path).size, imports: imports.filter((p): p is string => p !== null) };
      }
      sizeCache.set(path, info);
    }
    return info;
  };
  let total = 0;
  let withJs = 0;
  let en = 0;
  let notFound = 0;
  for (const page of pages) {
    const rel = relative(outDir, page).split(sep).join('/');
    if (rel.startsWith('en/')) en++;
    if (rel === '404.html' || rel === '404/index.html') notFound++;
    const html = readFileSync(page, 'utf8');
    const seen = new Set<string>();
    let bytes = 0;
    const visit = (file: string | null) => {
      if (!file || seen.has(file)) return;
      seen.add(file);
      const info = fileInfo(file);
      bytes += info.size;
      for (const imported of info.imports) visit(imported);
    };
    for (const match of html.matchAll(SCRIPT)) {
      const attrs = match[1] ?? '';
      const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
      if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue;
      const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1];
      if (src) visit(resolveAsset(outDir, dirname(page), src));
      else {
        const body = match[2] ?? '';
        bytes += Buffer.byteLength(body, 'utf8');
        for (const m of body.matchAll(STATIC_IMPORT)) visit(resolveAsset(outDir, dirname(page), m[1]!));
      }
    }
    total += bytes;
    if (bytes > 0) withJs++;
  }
  return {
    pages: pages.length,
    enPages: en,
    nbPages: pages.length - en - notFound,
    jsBytesPerPage: pages.length ? total / pages.length : 0,
    pagesWithJs: withJs,
  };
}

function resolveAsset(outDir: string, fromDir: string, url: string): string | null {
  if (/^[a-z]+:\/\//i.test(url) || url.startsWith('//') || url.startsWith('data:')) return null;
  const clean = url.split(/[?#]/)[0]!;
  return clean.startsWith('/') ? join(outDir, clean) : join(fromDir, clean);
}

// ---------------------------------------------------------------------------------------------
// The model check, in process

interface CheckTiming {
  ms: number;
  steps: string[];
  entities?: number;
  error?: string;
}

type AnyFn = (...args: unknown[]) => unknown;

/** Imports a module of the project by path; null when it does not exist (scripts/check.ts, which is moving). */
async function optionalModule(path: string): Promise<Record<string, unknown> | null> {
  const file = join(ROOT, path);
  if (!existsSync(file)) return null;
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}

function firstFunction(mod: Record<string, unknown> | null, names: string[]): [string, AnyFn] | null {
  if (!mod) return null;
  for (const name of names) if (typeof mod[name] === 'function') return [name, mod[name] as AnyFn];
  return null;
}

async function timeCheck(modelDir: string): Promise<CheckTiming> {
  // What `npm run check` and the build run: scripts/check.ts checkModel (loading with integrity
  // checks), then the analysis. Without checkModel: loadModel + checkIntegrity + analyze.
  const checkModel = firstFunction(await optionalModule('scripts/check.ts'), ['checkModel']);
  const integrity: [string, AnyFn] | null = checkModel ? null : ['checkIntegrity', checkIntegrity as AnyFn];
  const analyze: [string, AnyFn] = ['analyze', analyzeModel as AnyFn];
  const steps = [checkModel ? 'checkModel (load + integrity)' : 'loadModel', ...(integrity ? [integrity[0]] : []), analyze[0]];
  const load = (checkModel?.[1] ?? loadModel) as (dir: string) => ReturnType<typeof loadModel>;
  const once = (): { ms: number; entities?: number; error?: string } => {
    const start = performance.now();
    const loaded = load(modelDir);
    if (!loaded.ok) {
      const p = loaded.problems[0]!;
      return { ms: performance.now() - start, error: `${loaded.problems.length} problem(s), first: ${p.file}:${p.line}:${p.column} ${p.path} ${p.message}` };
    }
    if (integrity) integrity[1](loaded.model);
    analyze[1](loaded.model);
    const m = loaded.model;
    const entities = entityCount(m);
    return { ms: performance.now() - start, entities };
  };
  try {
    // A warm-up (module JIT, file cache), then the median of three; one timed run when a run takes
    // over 5 s (the 100× model), so the bench spends its time on builds.
    const warmUp = once();
    const runs = warmUp.ms > 5000 ? [once()] : [once(), once(), once()];
    const error = runs.find((r) => r.error)?.error;
    const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
    return { ms: sorted[Math.floor(sorted.length / 2)]!, steps, entities: runs[0]!.entities, ...(error ? { error } : {}) };
  } catch (e) {
    return { ms: NaN, steps, error: e instanceof Error ? e.message : String(e) };
  }
}

// ---------------------------------------------------------------------------------------------
// Whole-model diagrams: how large their Mermaid text gets (explains a build that fails at scale)

interface DiagramProbe {
  /** The largest of topology, architecture, power and the first scenario's first failure phase (nb). */
  largest: { id: string; bytes: number };
  /** Mermaid's text limit as the renderer sets it (50 000 by default). */
  maxTextSize: number;
  over: string[];
}

async function probeWholeModelDiagrams(modelDir: string): Promise<DiagramProbe | undefined> {
  try {
    const loaded = loadModel(modelDir);
    if (!loaded.ok) return undefined;
    const model = loaded.model;
    const href = (key: string) => entityHref(key, 'nb');
    const specs: DiagramSpec[] = [topologyDiagram(model, 'nb', href), architectureDiagram(model, 'nb', href), powerDiagram(model, 'nb', href)];
    const scenario = model.scenarios[0];
    if (scenario) {
      const first = { ...model, scenarios: [scenario] };
      const phase = analyzeModel(first).scenarios[0]?.phases.at(-1);
      if (phase) specs.push(failureDiagram(model, phase, scenario.id, 'nb', href));
    }
    const maxTextSize = MERMAID_CONFIG.maxTextSize;
    const largest = specs.reduce((a, b) => (b.mermaid.length > a.mermaid.length ? b : a));
    return {
      largest: { id: largest.id, bytes: largest.mermaid.length },
      maxTextSize,
      over: specs.filter((s) => s.mermaid.length > maxTextSize).map((s) => s.id),
    };
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// One scale

interface BuildMeasure {
  ms: number;
  /** Busy core-seconds meanwhile (see busyCoreSeconds). */
  cpuSeconds?: number;
  ok: boolean;
  diagrams: DiagramCounts | null;
  phases: BuildPhases;
  log: string;
  /** The first error line of a failed build. */
  error?: string;
  timedOut?: boolean;
  /** The build found nothing changed and its output intact, and did nothing ("up to date"). */
  upToDate?: boolean;
}

interface ScaleResult {
  scale: number;
  /** Whether this scale was built with the runbook PDFs. */
  pdf?: boolean;
  label: string;
  modelDir: string;
  entities?: number;
  check: CheckTiming;
  diagramProbe?: DiagramProbe;
  cold?: BuildMeasure;
  /** Rebuild with the same caches after dist/ was deleted: Astro runs and copies every page. */
  warm?: BuildMeasure;
  /** Rebuild as `npm run build` twice: same caches, dist/ kept (nothing to do). */
  rebuild?: BuildMeasure;
  /** `npm run build` after one field of one guest changed (its memory): dist/ and caches kept. */
  oneField?: BuildMeasure & { field: string };
  site?: SiteStats;
  plain?: PlainMeasure;
  /** The project build failed, so the plain site's page counts were estimated from another scale. */
  plainPagesEstimated?: boolean;
  /**
   * Every diagram of the site rendered from an empty cache and nothing else (no Astro, no PDFs), as
   * the build renders them: what a cold build cannot go below here.
   */
  diagramsAlone?: { ms: number; cpuSeconds?: number; rendered?: number; ok: boolean; error?: string };
  /**
   * A build with Astro's and Vite's caches empty but every diagram and PDF in the cache: what the
   * site's pages cost without any rendering, the other floor under a cold build.
   */
  pagesAlone?: BuildMeasure;
  /** Rendered diagrams ÷ the whole cold build (a floor). */
  diagramsPerBuildSecond?: number;
  /** The same diagrams drawn by rehype-mermaid in Markdown pages of the plain site (scales ≤ 10). */
  rehype?: RehypeMeasure;
  /** 1000 ÷ the build's own "ms per diagram" (the render rate itself). */
  diagramsPerRenderSecond?: number;
}

/** The plain Starlight site: a first build (fresh caches) and a second one (Astro's caches warm). */
interface PlainMeasure {
  timedOut?: boolean;
  coldMs: number;
  coldCpuSeconds?: number;
  warmMs?: number;
  ok: boolean;
  site: SiteStats;
  log: string;
}

interface Context {
  work: string;
  copy: string;
  options: Options;
  buildCommand: { cmd: string; args: string[]; outDir: string; describe: string };
}

function baseEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH ?? '1764028800',
    DRIFTSBOK_REVISION: process.env.DRIFTSBOK_REVISION ?? 'bench',
    ASTRO_TELEMETRY_DISABLED: '1',
    // The 100× build holds ~20 000 pages; give every build (project and plain alike) the same heap.
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--max-old-space-size=6144'].filter(Boolean).join(' '),
  };
}

/**
 * How to build the project copy: with what `npm run build` runs (`node scripts/build.ts`: the model
 * check, diagrams, Astro, PDFs, the move into dist/), started directly with this Node; before that
 * script existed, `astro build`. The plain site is built with `astro build`, started the same way,
 * so neither side pays for npm or npx.
 */
function pickBuildCommand(copy: string): Context['buildCommand'] {
  if (existsSync(join(copy, 'scripts/build.ts'))) {
    // --verbose: the bench reads Astro's own "page(s) built in" line, which a build leaves out by default.
    return { cmd: process.execPath, args: ['scripts/build.ts', '--verbose'], outDir: join(copy, 'dist'), describe: 'node scripts/build.ts --verbose (in a copy of the project)' };
  }
  return { cmd: process.execPath, args: [astroBin(copy), 'build'], outDir: join(copy, 'dist'), describe: 'astro build (in a copy; scripts/build.ts does not exist yet)' };
}

/** Astro's command-line entry in a project's node_modules. */
function astroBin(project: string): string {
  return join(project, 'node_modules', 'astro', 'bin', 'astro.mjs');
}

function status(line: string) {
  const now = new Date().toISOString().slice(11, 19);
  console.log(`[${now}] ${line}`);
}

/** The line that best says why a build failed: Astro's first [ERROR], else an Error, else the build's verdict. */
function firstError(output: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const lines = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  return (
    lines.find((l) => /\[ERROR\]/.test(l)) ??
    lines.find((l) => /\b\w*Error\b:/.test(l)) ??
    lines.find((l) => /^build: .*(fail|invalid|not valid)/i.test(l)) ??
    lines.filter((l) => l.trim()).at(-1)
  );
}

/** The last diagram progress line and the last page Astro named, for a build that was stopped. */
function lastProgress(output: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const diagrams = [...plain.matchAll(/diagrams: rendered (\d+)[^\n]*?(\d+ ms each)?\)/g)].at(-1);
  const page = [...plain.matchAll(/[├└]─ (\S+)/g)].at(-1);
  const pages = [...plain.matchAll(/[├└]─ /g)].length;
  return [
    diagrams ? `${diagrams[1]} diagrams rendered${diagrams[2] ? `, ${diagrams[2]}` : ''}` : 'no diagram progress',
    `${pages} pages written${page ? `, last ${page[1]}` : ''}`,
  ].join('; ');
}

/**
 * The content folder for a synthetic model: the project's generic docs pages, but none of the
 * Saghaugen prose (entity stories and runbook notes link to Saghaugen's entities with [[kind:id]]).
 */
function syntheticContentDir(ctx: Context): string {
  const dir = join(ctx.work, 'content-synthetic');
  if (!existsSync(dir)) {
    mkdirSync(join(dir, 'entities'), { recursive: true });
    mkdirSync(join(dir, 'runbook'), { recursive: true });
    const docs = join(ctx.copy, 'content', 'docs');
    if (existsSync(docs)) cpSync(docs, join(dir, 'docs'), { recursive: true });
    else mkdirSync(join(dir, 'docs'), { recursive: true });
  }
  return dir;
}

async function buildProject(
  ctx: Context,
  modelDir: string,
  cache: string,
  log: string,
  synthetic: boolean,
  pdf: boolean,
  keepOutput = false,
): Promise<BuildMeasure> {
  if (!keepOutput) rmSync(ctx.buildCommand.outDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...baseEnv(), DRIFTSBOK_MODEL_DIR: modelDir, DRIFTSBOK_DIAGRAM_CACHE: cache };
  if (synthetic) env.DRIFTSBOK_CONTENT_DIR = syntheticContentDir(ctx);
  const usesBuildScript = ctx.buildCommand.args[0] === 'scripts/build.ts';
  const args = [...ctx.buildCommand.args, ...(!pdf && usesBuildScript ? ['--no-pdf'] : [])];
  const result = await run(ctx.buildCommand.cmd, args, ctx.copy, env, log, ctx.options.timeoutMin * 60_000);
  const ok = result.code === 0;
  if (result.timedOut) status(`  build stopped after the ${ctx.options.timeoutMin}-minute timeout`);
  else if (!ok) {
    const tail = result.output.trim().split('\n').slice(-15).join('\n');
    status(`  build FAILED (exit ${result.code}); last lines:\n${tail.replace(/^/gm, '    | ')}`);
  }
  // eslint-disable-next-line no-control-regex
  const errorLine = ok ? undefined : result.timedOut ? `TIMEOUT: stopped after ${ctx.options.timeoutMin} min (${lastProgress(result.output)})` : firstError(result.output);
  return {
    ms: result.ms,
    ...(result.cpuSeconds !== undefined ? { cpuSeconds: result.cpuSeconds } : {}),
    ok,
    diagrams: parseDiagramLine(result.output),
    phases: parseBuildPhases(result.output),
    log,
    ...(ok && /\bup to date\b/.test(result.output) ? { upToDate: true } : {}),
    ...(result.timedOut ? { timedOut: true } : {}),
    ...(errorLine ? { error: errorLine.replace(/^.*?\[ERROR\]\s*/, '').slice(0, 300) } : {}),
  };
}

/**
 * The site's diagrams rendered alone from an empty cache (src/bench/render-diagrams.ts, in the
 * project copy, with the build's settings): the median of three when short, like the builds.
 */
async function renderAlone(ctx: Context, modelDir: string, cache: string, scale: number, label: string): Promise<ScaleResult['diagramsAlone']> {
  status(`${label}: the diagrams alone (empty cache, no Astro, no PDFs)…`);
  const runs = await repeatShort(async (n) => {
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    const env = { ...baseEnv(), DRIFTSBOK_MODEL_DIR: modelDir, DRIFTSBOK_DIAGRAM_CACHE: cache };
    const r = await run(process.execPath, ['src/bench/render-diagrams.ts', modelDir], ctx.copy, env, join(ctx.work, `alone-x${scale}-${n}.log`), ctx.options.timeoutMin * 60_000);
    const line = r.output.split('\n').find((l) => l.startsWith('{'));
    const rendered = line ? (JSON.parse(line) as { rendered: number }).rendered : undefined;
    return { ...r, rendered };
  }, (r) => r.code === 0);
  const m = median(runs);
  if (m.code !== 0) {
    const error = m.timedOut ? `TIMEOUT after ${fmtMs(m.ms)}` : (firstError(m.output) ?? `exit ${m.code}`);
    status(`  FAILED: ${error}`);
    return { ms: m.ms, ok: false, error };
  }
  status(`  ${fmtMs(m.ms)} for ${m.rendered ?? '?'} diagrams${ofMedian(runs)}`);
  return { ms: m.ms, ok: true, ...(m.cpuSeconds !== undefined ? { cpuSeconds: m.cpuSeconds } : {}), ...(m.rendered !== undefined ? { rendered: m.rendered } : {}) };
}

/**
 * `npm run build` after changing one field of one guest (the first `memoryMb:` in the model, + 1):
 * the diagrams that show that guest are the only ones to render again, and no diagram shows a
 * guest's memory, so the build should render none. The model file is put back afterwards.
 */
async function oneFieldRebuild(
  ctx: Context,
  modelDir: string,
  cache: string,
  scale: number,
  label: string,
  synthetic: boolean,
  pdf: boolean,
): Promise<ScaleResult['oneField']> {
  const file = readdirSync(modelDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(modelDir, f))
    .find((f) => /^\s*memoryMb: \d+/m.test(readFileSync(f, 'utf8')));
  if (!file) return undefined;
  const original = readFileSync(file, 'utf8');
  const edited = original.replace(/^(\s*memoryMb: )(\d+)/m, (_, head: string, n: string) => `${head}${Number(n) + 1}`);
  const field = `${relative(modelDir, file)}: ${/^\s*memoryMb: \d+/m.exec(original)![0].trim()} → +1`;
  status(`${label}: one field changed (${field}), npm run build…`);
  writeFileSync(file, edited);
  try {
    const m = await buildProject(ctx, modelDir, cache, join(ctx.work, `build-x${scale}-one-field.log`), synthetic, pdf, true);
    status(`  ${fmtMs(m.ms)}, diagrams: ${diagramCounts(m.diagrams)}`);
    return { ...m, field };
  } finally {
    writeFileSync(file, original);
  }
}

async function benchScale(
  ctx: Context,
  scale: number,
  plainCache: Map<string, ScaleResult['plain']>,
  reference: ScaleResult | undefined,
): Promise<ScaleResult> {
  const { work } = ctx;
  let modelDir: string;
  let label: string;
  if (scale === 1 && existsSync(join(ctx.copy, 'model')) && loadModel(join(ctx.copy, 'model')).ok) {
    modelDir = join(ctx.copy, 'model');
    label = 'Saghaugen';
  } else {
    modelDir = join(work, 'models', `x${scale}`);
    writeSyntheticModel(modelDir, scale);
    label = scale === 1 ? 'synthetic 1× (model/ missing or invalid)' : `synthetic ${scale}×`;
  }
  status(`${label}: model check…`);
  const check = await timeCheck(modelDir);
  const result: ScaleResult = { scale, label, modelDir, check, entities: check.entities };
  if (check.error) status(`  model check problem: ${check.error}`);
  result.diagramProbe = await probeWholeModelDiagrams(modelDir);
  if (result.diagramProbe) {
    const p = result.diagramProbe;
    status(`  largest whole-model diagram: ${p.largest.id}, ${p.largest.bytes} bytes of Mermaid (limit ${p.maxTextSize})${p.over.length ? `; over the limit: ${p.over.join(', ')}` : ''}`);
  }

  const cache = join(work, `diagram-cache-x${scale}`);
  // Cold means cold: no diagram cache and no Astro/Vite cache from an earlier run or scale either.
  const emptyCaches = () => {
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    for (const dir of ['node_modules/.astro', 'node_modules/.vite', '.astro', '.cache']) {
      rmSync(join(ctx.copy, dir), { recursive: true, force: true });
    }
  };
  status(`${label}: cold build (empty caches)…`);
  const synthetic = label !== 'Saghaugen';
  const pdf = ctx.options.pdf && scale <= ctx.options.pdfMaxScale;
  result.pdf = pdf;
  if (ctx.options.pdf && !pdf) status(`  (built without the runbook PDFs: scale ${scale} is above --pdf-max-scale ${ctx.options.pdfMaxScale})`);
  // Each from empty caches.
  const coldRuns = await repeatShort(
    (n) => (emptyCaches(), buildProject(ctx, modelDir, cache, join(work, `build-x${scale}-cold-${n}.log`), synthetic, pdf)),
    (r) => r.ok,
  );
  result.cold = median(coldRuns);
  if (coldRuns.length > 1) status(`  cold builds: ${coldRuns.map((r) => fmtMs(r.ms)).join(', ')} (median counts)`);
  let plainPages: { nb: number; en: number } | undefined;
  if (!result.cold.ok) {
    // The plain baseline is still worth having at this size: estimate its page counts from the
    // first scale that built, in proportion to the entities.
    if (!reference?.site || !reference.entities || !result.entities) return result;
    const factor = result.entities / reference.entities;
    plainPages = { nb: Math.round(reference.site.nbPages * factor), en: Math.round(reference.site.enPages * factor) };
    result.plainPagesEstimated = true;
  } else {
    result.site = siteStats(ctx.buildCommand.outDir);
    const d = result.cold.diagrams;
    status(`  ${fmtMs(result.cold.ms)}, ${result.site.pages} pages, diagrams: ${diagramCounts(d)}`);
    if (d && d.rendered > 0) {
      result.diagramsPerBuildSecond = d.rendered / (result.cold.ms / 1000);
      if (d.msPerDiagram) result.diagramsPerRenderSecond = 1000 / d.msPerDiagram;
    }
    if (scale <= ctx.options.aloneMaxScale) {
      status(`${label}: the pages alone (Astro's caches empty, every diagram and PDF from cache)…`);
      const runs = await repeatShort((n) => {
        // The cold build's diagram and PDF caches stay; only Astro's and Vite's go.
        for (const dir of ['node_modules/.astro', 'node_modules/.vite', '.astro', '.cache/astro']) rmSync(join(ctx.copy, dir), { recursive: true, force: true });
        return buildProject(ctx, modelDir, cache, join(work, `build-x${scale}-pages-${n}.log`), synthetic, pdf);
      }, (r) => r.ok);
      result.pagesAlone = median(runs);
      const d = result.pagesAlone.diagrams;
      status(`  ${fmtMs(result.pagesAlone.ms)}${ofMedian(runs)}, diagrams: ${diagramCounts(d)}`);
    }
    if (ctx.options.warm) {
      status(`${label}: warm rebuild (same caches, dist/ deleted first: Astro runs)…`);
      const warmRuns = await repeatShort((n) => buildProject(ctx, modelDir, cache, join(work, `build-x${scale}-warm-${n}.log`), synthetic, pdf), (r) => r.ok);
      result.warm = median(warmRuns);
      const w = result.warm.diagrams;
      status(
        `  ${fmtMs(result.warm.ms)}${ofMedian(warmRuns)}, ` +
          `diagrams: ${diagramCounts(w)}`,
      );
      // What a person sees running `npm run build` twice: the last warm build's dist/ stays.
      status(`${label}: rebuild with dist/ kept (npm run build twice)…`);
      const rebuilds = await repeatShort(
        (n) => buildProject(ctx, modelDir, cache, join(work, `build-x${scale}-rebuild-${n}.log`), synthetic, pdf, true),
        (r) => r.ok,
      );
      result.rebuild = median(rebuilds);
      status(`  ${fmtMs(result.rebuild.ms)} (${rebuilds.map((r) => `${fmtMs(r.ms)}${r.upToDate ? ' up to date' : ''}`).join(', ')})`);
      result.oneField = await oneFieldRebuild(ctx, modelDir, cache, scale, label, synthetic, pdf);
    }
    if (scale <= ctx.options.aloneMaxScale) result.diagramsAlone = await renderAlone(ctx, modelDir, cache, scale, label);
    plainPages = { nb: result.site.nbPages, en: result.site.enPages };
  }
  rmSync(ctx.buildCommand.outDir, { recursive: true, force: true });

  if (ctx.options.plain) {
    const nb = Math.max(1, plainPages.nb);
    const en = Math.max(1, plainPages.en);
    const key = `${nb}+${en}`;
    if (!plainCache.has(key)) {
      const dir = join(work, `plain-${nb}-${en}`);
      makePlainProject(dir, nb, en);
      status(`${label}: plain Starlight build, ${result.plainPagesEstimated ? '≈' : ''}${nb} nb + ${en} en pages…`);
      const plainBuild = (log: string) => run(process.execPath, [astroBin(dir), 'build'], dir, baseEnv(), join(work, log), ctx.options.timeoutMin * 60_000);
      const colds = await repeatShort((n) => {
        for (const cacheDir of ['dist', 'node_modules/.astro', 'node_modules/.vite', '.astro']) rmSync(join(dir, cacheDir), { recursive: true, force: true });
        return plainBuild(`plain-x${scale}-cold-${n}.log`);
      }, (r) => r.code === 0);
      const first = median(colds);
      if (colds.length > 1) status(`  plain cold builds: ${colds.map((r) => fmtMs(r.ms)).join(', ')} (median counts)`);
      const site = siteStats(join(dir, 'dist'));
      const measure: PlainMeasure = {
        coldMs: first.ms,
        ...(first.cpuSeconds !== undefined ? { coldCpuSeconds: first.cpuSeconds } : {}),
        ok: first.code === 0,
        site,
        log: first.log,
        ...(first.timedOut ? { timedOut: true } : {}),
      };
      if (!measure.ok) status(`  plain build ${first.timedOut ? 'TIMEOUT' : 'FAILED'} after ${fmtMs(first.ms)} (exit ${first.code}); see ${first.log}`);
      else if (!result.warm?.ok) status(`  ${fmtMs(first.ms)}, ${site.pages} pages (no plain rebuild: nothing warm to compare)`);
      else {
        status(`  ${fmtMs(first.ms)}, ${site.pages} pages; plain rebuild…`);
        const rebuilds = await repeatShort((n) => plainBuild(`plain-x${scale}-warm-${n}.log`), (r) => r.code === 0);
        const second = median(rebuilds);
        if (second.code === 0) measure.warmMs = second.ms;
        status(
          `  ${second.code === 0 ? fmtMs(second.ms) : `rebuild FAILED (exit ${second.code})`}${ofMedian(rebuilds)}`,
        );
      }
      plainCache.set(key, measure);
      rmSync(dir, { recursive: true, force: true });
    }
    result.plain = plainCache.get(key);
  }
  if (scale <= ctx.options.rehypeMaxScale) {
    result.rehype = await rehypeBench(ctx, modelDir, scale, label, plainPages, result.plain?.ok ? result.plain.coldMs : undefined);
  }
  return result;
}

/** The Mermaid that rehype-mermaid draws with: mermaid-isomorphic's own (it may differ from ours). */
function rehypeMermaidVersion(): string | undefined {
  for (const path of ['node_modules/mermaid-isomorphic/node_modules/mermaid/package.json', 'node_modules/mermaid/package.json']) {
    const file = join(ROOT, path);
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return undefined;
}

/**
 * The site's diagrams (the specs the build renders, siteDiagrams) as ```mermaid code blocks in the
 * plain site of the same page counts, grouped into pages like ours, drawn by rehype-mermaid: a cold
 * build with strategy inline-svg, and one with pre-mermaid (same pages, processor and plugin, no
 * browser), each the median of three when short. The difference is what drawing them cost.
 */
async function rehypeBench(
  ctx: Context,
  modelDir: string,
  scale: number,
  label: string,
  plainPages: { nb: number; en: number },
  plainMs: number | undefined,
): Promise<RehypeMeasure> {
  const started = performance.now();
  const failed = (error: unknown): RehypeMeasure => {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    status(`  rehype-mermaid: FAILED: ${message}`);
    return { diagrams: 0, pages: 0, ok: false, ms: performance.now() - started, error: message, rendered: 0, failed: 0, failures: [] };
  };
  let specs: ReturnType<typeof siteDiagrams>;
  let launch: ReturnType<typeof chromiumLaunchOptions>;
  try {
    const data = createSiteData({ ...baseEnv(), DRIFTSBOK_MODEL_DIR: modelDir });
    specs = siteDiagrams(data.model, data.analysis, data.graph, data.model.site.locales, entityHref);
    launch = chromiumLaunchOptions(baseEnv());
  } catch (error) {
    return failed(error);
  }
  const groups = groupDiagramsByPage(specs);
  const mermaidVersion = rehypeMermaidVersion();
  const dir = join(ctx.work, `rehype-x${scale}`);
  rmSync(dir, { recursive: true, force: true });
  makePlainProject(dir, Math.max(1, plainPages.nb), Math.max(1, plainPages.en));
  // Page n of each language (from 1; 0 is its home page) gets the nth group of that language.
  const next = { nb: 1, en: 1 };
  for (const group of groups) {
    const lang = group.lang === 'en' ? 'en' : 'nb';
    const n = next[lang]++;
    const file = join(dir, 'src/content/docs', lang === 'en' ? 'en/p' : 'p', `${n}.md`);
    writeFileSync(file, pageWithDiagrams(plainPage(lang === 'en' ? `Page ${n}` : `Side ${n}`, lang, n), group.diagrams));
  }
  const measure: RehypeMeasure = {
    diagrams: specs.length,
    pages: groups.length,
    ...(mermaidVersion ? { mermaidVersion } : {}),
    ok: false,
    ms: 0,
    rendered: 0,
    failed: 0,
    failures: [],
    ...(plainMs !== undefined ? { plainMs } : {}),
  };
  const launchOptions = { headless: true, args: launch.args ?? [], ...(launch.executablePath ? { executablePath: launch.executablePath } : {}) };
  const build = (strategy: RehypeStrategy) => {
    writeFileSync(join(dir, 'astro.config.mjs'), rehypeMermaidConfig(PLAIN_CONFIG, { strategy, launchOptions }));
    return repeatShort((n) => {
      for (const cacheDir of ['dist', 'node_modules/.astro', 'node_modules/.vite', '.astro']) rmSync(join(dir, cacheDir), { recursive: true, force: true });
      return run(process.execPath, [astroBin(dir), 'build'], dir, baseEnv(), join(ctx.work, `rehype-x${scale}-${strategy}-${n}.log`), ctx.options.timeoutMin * 60_000);
    }, (r) => r.code === 0);
  };
  try {
    status(`${label}: rehype-mermaid (inline-svg), ${specs.length} diagrams on ${groups.length} pages of the plain site, cold…`);
    const inlineRuns = await build('inline-svg');
    const inline = median(inlineRuns);
    measure.ms = inline.ms;
    measure.ok = inline.code === 0;
    measure.failures = parseRehypeFailures(inline.output);
    if (!measure.ok) {
      measure.error = inline.timedOut ? `TIMEOUT after ${fmtMs(inline.ms)}` : (firstError(inline.output) ?? `exit ${inline.code}`).slice(0, 300);
      status(`  FAILED: ${measure.error}; see ${inline.log}`);
      return measure;
    }
    // The last build's pages (every run draws the same diagrams).
    for (const page of listHtml(join(dir, 'dist'))) {
      const outcome = countRehypeOutcome(readFileSync(page, 'utf8'));
      measure.rendered += outcome.rendered;
      measure.failed += outcome.failed;
    }
    status(
      `  ${fmtMs(inline.ms)}${ofMedian(inlineRuns)}; ${measure.rendered} drawn, ${measure.failed} failed` +
        `${measure.failures.length ? ` (first: ${measure.failures[0]})` : ''}; the same pages unrendered (pre-mermaid)…`,
    );
    const preRuns = await build('pre-mermaid');
    const pre = median(preRuns);
    if (pre.code === 0) measure.preMermaidMs = pre.ms;
    status(`  ${pre.code === 0 ? fmtMs(pre.ms) : `FAILED (exit ${pre.code}); see ${pre.log}`}${ofMedian(preRuns)}`);
    return measure;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Output

function kb(bytes: number | undefined): string {
  return bytes === undefined ? '—' : `${(bytes / 1024).toFixed(1)} KB`;
}

/** Builds shorter than this run three times and count as their median. */
const REPEAT_BELOW_MS = 20_000;

/**
 * Runs a measured build once, or three times while every run succeeds in under REPEAT_BELOW_MS: a
 * build of a few seconds varies by about a second from run to run here. `n` counts from 1.
 */
async function repeatShort<T extends { ms: number }>(once: (n: number) => Promise<T>, ok: (run: T) => boolean): Promise<T[]> {
  const runs: T[] = [];
  do runs.push(await once(runs.length + 1));
  while (runs.length < 3 && runs.every((r) => ok(r) && r.ms < REPEAT_BELOW_MS));
  return runs;
}

/** " (median of 3.1 s, 3.4 s, 3.2 s)" when there were several runs, else nothing. */
function ofMedian(runs: Array<{ ms: number }>): string {
  return runs.length > 1 ? ` (median of ${runs.map((r) => fmtMs(r.ms)).join(', ')})` : '';
}

/** "176 rendered, 0 from cache", from the build's diagram line. */
function diagramCounts(d: DiagramCounts | null | undefined): string {
  return d ? `${d.rendered} rendered, ${d.cached} from cache` : 'no diagram line';
}

/** The run with the median time (the middle one of an odd count, the faster middle of an even one). */
function median<T extends { ms: number }>(runs: T[]): T {
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function cpu(seconds: number | undefined): string {
  return seconds === undefined ? '—' : `${seconds.toFixed(1)} core-s`;
}

function phases(m: BuildMeasure | undefined): string {
  if (!m?.ok || m.phases.astroMs === undefined) return '—';
  return `${fmtMs(m.phases.astroMs)}+${m.phases.pdfMs !== undefined ? fmtMs(m.phases.pdfMs) : '0'}`;
}

function report(results: ScaleResult[], ctx: Context): string {
  const okMs = (m: BuildMeasure | undefined) => (m?.ok ? m.ms : undefined);
  const plainCold = (r: ScaleResult | undefined) => (r?.plain?.ok ? r.plain.coldMs : undefined);
  const plainWarm = (r: ScaleResult | undefined) => (r?.plain?.ok ? r.plain.warmMs : undefined);
  const rows: string[][] = [
    [
      'model', 'entities', 'check', 'largest diagram', 'cold build', '(astro+pdf)', 'cold CPU', 'warm build', '(astro+pdf)', 'rebuild, dist kept', 'rendered', 'warm: rendered/cached',
      'diagrams/s render', 'diagrams/s build', 'pages alone', 'diagrams alone', 'pages', 'JS/page', 'plain cold', 'plain cold CPU', 'plain warm', 'plain JS/page',
      'cold/plain', 'warm/plain', 'rebuild/plain',
    ],
  ];
  for (const r of results) {
    const ok = r.cold?.ok;
    rows.push([
      r.label,
      String(r.entities ?? '—'),
      r.check.error ? 'invalid' : fmtMs(r.check.ms),
      r.diagramProbe ? `${(r.diagramProbe.largest.bytes / 1000).toFixed(1)} kB${r.diagramProbe.over.length ? ' (over)' : ''}` : '—',
      r.cold ? (ok ? `${fmtMs(r.cold.ms)}${r.pdf === false && ctx.options.pdf ? ' (no PDF)' : ''}` : r.cold.timedOut ? `TIMEOUT ${fmtMs(r.cold.ms)}` : 'FAILED') : '—',
      phases(r.cold),
      cpu(r.cold?.ok ? r.cold.cpuSeconds : undefined),
      r.warm ? (r.warm.ok ? fmtMs(r.warm.ms) : r.warm.timedOut ? `TIMEOUT ${fmtMs(r.warm.ms)}` : 'FAILED') : '—',
      phases(r.warm),
      r.rebuild ? (r.rebuild.ok ? `${fmtMs(r.rebuild.ms)}${r.rebuild.upToDate ? ' (up to date)' : ''}` : 'FAILED') : '—',
      r.cold?.diagrams ? String(r.cold.diagrams.rendered) : ok ? 'no line' : '—',
      r.warm?.diagrams ? `${r.warm.diagrams.rendered} / ${r.warm.diagrams.cached}` : '—',
      r.diagramsPerRenderSecond?.toFixed(1) ?? '—',
      r.diagramsPerBuildSecond?.toFixed(1) ?? '—',
      r.pagesAlone ? (r.pagesAlone.ok ? fmtMs(r.pagesAlone.ms) : 'FAILED') : '—',
      r.diagramsAlone ? (r.diagramsAlone.ok ? fmtMs(r.diagramsAlone.ms) : 'FAILED') : '—',
      r.site ? String(r.site.pages) : '—',
      kb(r.site?.jsBytesPerPage),
      r.plain ? (r.plain.ok ? `${fmtMs(r.plain.coldMs)}${r.plainPagesEstimated ? ` (≈${r.plain.site.pages} p.)` : ''}` : r.plain.timedOut ? `TIMEOUT ${fmtMs(r.plain.coldMs)}` : 'FAILED') : '—',
      cpu(r.plain?.ok ? r.plain.coldCpuSeconds : undefined),
      fmtMs(plainWarm(r)),
      r.plain?.ok ? kb(r.plain.site.jsBytesPerPage) : '—',
      ratio(okMs(r.cold), plainCold(r))?.toFixed(2) ?? '—',
      ratio(okMs(r.warm), plainWarm(r))?.toFixed(2) ?? '—',
      ratio(okMs(r.rebuild), plainWarm(r))?.toFixed(2) ?? '—',
    ]);
  }
  const saghaugen = results.find((r) => r.scale === 1);
  const x10 = results.find((r) => r.scale === 10);
  const x100 = results.find((r) => r.scale === 100);
  const targets = [
    verdict('cold Saghaugen build / plain', ratio(okMs(saghaugen?.cold), plainCold(saghaugen)), 2, 'needs scale 1 and the plain build'),
    verdict('warm Saghaugen rebuild, dist/ kept / plain', ratio(okMs(saghaugen?.rebuild), plainWarm(saghaugen)), 1.2, 'needs scale 1, warm and plain builds'),
    verdict('warm Saghaugen rebuild, dist/ deleted / plain', ratio(okMs(saghaugen?.warm), plainWarm(saghaugen)), 1.2, 'needs scale 1, warm and plain builds'),
    verdict('Saghaugen rebuild after one changed field / plain warm', ratio(okMs(saghaugen?.oneField), plainWarm(saghaugen)), 1.5, 'needs scale 1, warm and plain builds'),
  ];
  for (const r of results) {
    if (!r.oneField?.ok) continue;
    const d = r.oneField.diagrams;
    targets.push(
      `${r.label}, one field changed (${r.oneField.field}): ${fmtMs(r.oneField.ms)}, diagrams re-rendered: ${d ? `${d.rendered} (${d.cached} from cache)` : 'no line'}`,
    );
  }
  const siteOnly = (m: BuildMeasure | undefined) => (m?.ok && m.phases.pdfMs !== undefined ? m.ms - m.phases.pdfMs : undefined);
  if (x10?.pdf !== undefined && x100?.pdf !== undefined && x10.pdf !== x100.pdf) {
    // One was built without the PDFs: compare the site builds (the other's time less its PDFs).
    const without = (r: ScaleResult) => (r.pdf ? siteOnly(r.cold) : okMs(r.cold));
    targets.push(verdict('100× / 10× cold build, without PDFs', ratio(without(x100), without(x10)), 10, 'needs scales 10 and 100'));
  } else {
    targets.push(verdict('100× cold build / 10× cold build', ratio(okMs(x100?.cold), okMs(x10?.cold)), 10, 'needs scales 10 and 100'));
  }
  if (saghaugen?.cold?.phases.pdfMs !== undefined) {
    const c = ratio(siteOnly(saghaugen.cold), plainCold(saghaugen));
    const w = ratio(siteOnly(saghaugen.warm), plainWarm(saghaugen));
    targets.push(
      `without the runbook PDFs (which plain has no counterpart for): cold ${c?.toFixed(2) ?? '—'}×, warm ${w?.toFixed(2) ?? '—'}× plain`,
    );
  }
  const floorsFrom = targets.length;
  const pagesAlone = saghaugen?.pagesAlone?.ok ? saghaugen.pagesAlone : undefined;
  if (pagesAlone && plainCold(saghaugen) !== undefined) {
    targets.push(
      `floor: the Saghaugen pages alone (Astro's caches empty, every diagram${saghaugen?.pdf ? ' and PDF' : ''} from cache): ${fmtMs(pagesAlone.ms)} = ${ratio(pagesAlone.ms, plainCold(saghaugen))!.toFixed(2)}× the plain build`,
    );
  }
  const alone = saghaugen?.diagramsAlone?.ok ? saghaugen.diagramsAlone : undefined;
  if (alone && plainCold(saghaugen) !== undefined) {
    targets.push(
      `floor: the Saghaugen diagrams alone (${alone.rendered ?? '?'}, no Astro, no PDFs): ${fmtMs(alone.ms)}${alone.cpuSeconds !== undefined ? `, ${alone.cpuSeconds.toFixed(1)} core-s` : ''} = ${ratio(alone.ms, plainCold(saghaugen))!.toFixed(2)}× the plain build`,
    );
  }
  if (targets.length > floorsFrom) targets.push('  (a cold build does both, on the same cores: it cannot be faster than either floor on this machine)');
  for (const r of results) {
    const ours = r.diagramsAlone?.ok && r.diagramsAlone.rendered ? { ms: r.diagramsAlone.ms, rendered: r.diagramsAlone.rendered } : undefined;
    targets.push(...rehypeLines(r.label, r.rehype, ours));
  }
  const cores = availableParallelism();
  const coldCpu = saghaugen?.cold?.ok ? saghaugen.cold.cpuSeconds : undefined;
  const plainCpu = saghaugen?.plain?.ok ? saghaugen.plain.coldCpuSeconds : undefined;
  if (coldCpu !== undefined && plainCpu !== undefined && saghaugen?.plain?.ok) {
    // Work, not waiting: a build cannot finish faster than its core-seconds spread over every core.
    const floor = ratio((coldCpu / cores) * 1000, plainCold(saghaugen));
    targets.push(
      `cold Saghaugen build: ${coldCpu.toFixed(1)} core-s of work vs plain ${plainCpu.toFixed(1)}; spread perfectly over ${cores} core(s) it would still take ${floor?.toFixed(2) ?? '—'}× the plain build`,
    );
  }
  const x10x100 = [
    x10 && x100 && ratio(x100.entities, x10.entities) !== undefined
      ? `100×/10× sizes: entities ${ratio(x100.entities, x10.entities)!.toFixed(1)}×, pages ${ratio(x100.site?.pages, x10.site?.pages)?.toFixed(1) ?? '—'}×, warm build ${ratio(okMs(x100.warm), okMs(x10.warm))?.toFixed(1) ?? '—'}×, plain build ${ratio(plainCold(x100), plainCold(x10))?.toFixed(1) ?? '—'}×`
      : undefined,
  ].filter(Boolean);
  const failures = results.flatMap((r) =>
    [['cold', r.cold], ['warm', r.warm], ['rebuild', r.rebuild], ['one-field', r.oneField]].flatMap(([name, m]) => {
      const b = m as BuildMeasure | undefined;
      return b && !b.ok ? [`${r.label} ${name as string} build failed after ${fmtMs(b.ms)}: ${b.error ?? 'see the log'}`] : [];
    }),
  );
  const notes = [
    `builds: ${ctx.buildCommand.describe}; Node ${process.versions.node}; ${new Date().toISOString()}`,
    `check = in-process median of 3 after a warm-up: ${results[0]?.check.steps.join(' + ') ?? ''}`,
    `cold = empty diagram cache and Astro/Vite caches (median of 3 when under ${REPEAT_BELOW_MS / 1000} s, plain too); warm = same caches, unchanged model, dist/ deleted first, so Astro runs and copies every page (median of 3 when under ${REPEAT_BELOW_MS / 1000} s, plain too); rebuild = the same with dist/ kept, as \`npm run build\` twice ("up to date": nothing changed, the build did nothing); plain's rebuild always renders every page; ${ctx.options.pdf ? `with the runbook PDFs up to scale ${ctx.options.pdfMaxScale} ("(no PDF)" above it: --pdf-max-scale)` : 'WITHOUT the runbook PDFs'}`,
    '(astro+pdf) = Astro\'s own "page(s) built in" time + the runbook PDF times the build prints; the rest is start-up, model check and the swap',
    'plain cold/warm = a Starlight site with the same nb/en page counts and no diagrams, built twice in this run',
    'diagrams/s render = 1000 ÷ the build\'s "ms per diagram"; build = diagrams rendered ÷ whole cold build time',
    `pages alone = the build with Astro's and Vite's caches emptied, every diagram and PDF from the cold build's caches; diagrams alone = node src/bench/render-diagrams.ts: every diagram of the site from an empty cache as the build renders them (same browser, pages and Mermaid), nothing else; both up to scale ${ctx.options.aloneMaxScale} (--no-alone skips them)`,
    `rehype-mermaid = the same diagrams (the Mermaid text the build renders) as \`\`\`mermaid blocks in Markdown pages of the plain site, grouped like ours (a scenario's phases on one page, a plan's before and after on one page, per language), drawn by rehype-mermaid (inline-svg; Mermaid and Playwright of its own, Debian's Chromium) on @astrojs/markdown-remark's processor; its time per diagram = (that cold build − the same build with strategy pre-mermaid, which draws nothing) ÷ diagrams drawn; up to scale ${ctx.options.rehypeMaxScale} (--no-rehype skips it)`,
    'largest diagram = Mermaid text of the largest whole-model diagram (topology, architecture, power, one failure phase), nb; "(over)" = past the renderer\'s maxTextSize',
    'JS/page = <script src> files (with their static imports) + inline scripts, averaged over every HTML page',
    'CPU = core-seconds the machine was busy during the build (Linux /proc/stat; Chromium included); run the bench on an otherwise idle machine',
    ...(results.some((r) => r.plainPagesEstimated)
      ? ['(≈N p.) = the project build failed; the plain site got page counts estimated from the first scale that built, in proportion to the entities']
      : []),
  ];
  const failed = failures.length ? `\n\nFailed builds:\n${failures.map((f) => `  ${f}`).join('\n')}` : '';
  return `${table(rows)}${failed}\n\nTargets (issues 5 and 14):\n${targets.map((t) => `  ${t}`).join('\n')}${x10x100.length ? `\n  ${x10x100.join('\n  ')}` : ''}\n\n${notes.map((n) => `  ${n}`).join('\n')}`;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'driftsbok-bench-'));
  const cleanup = () => {
    cleanupChildren();
    if (!options.keep) rmSync(work, { recursive: true, force: true });
  };
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  process.on('SIGTERM', () => {
    cleanup();
    process.exit(143);
  });
  try {
    const copy = join(work, 'project');
    makeProjectCopy(copy);
    const ctx: Context = { work, copy, options, buildCommand: pickBuildCommand(copy) };
    status(`bench in ${work}; scales ${options.scales.join(', ')}; ${ctx.buildCommand.describe}`);
    const plainCache = new Map<string, ScaleResult['plain']>();
    const results: ScaleResult[] = [];
    const json = join(tmpdir(), 'driftsbok-bench-results.json');
    for (const scale of options.scales) {
      results.push(await benchScale(ctx, scale, plainCache, results.find((r) => r.site)));
      const last = scale === options.scales.at(-1);
      // After every scale: the table so far (a long run stopped midway still leaves its numbers).
      console.log(`\n${last ? '' : '(so far)\n'}${report(results, ctx)}\n`);
      writeFileSync(json, JSON.stringify({ date: new Date().toISOString(), node: process.versions.node, build: ctx.buildCommand.describe, options, results }, null, 2));
    }
    console.log(`  results: ${json}${options.keep ? `\n  kept: ${work}` : ''}`);
  } finally {
    cleanup();
  }
}

if (process.argv[1] && basename(process.argv[1]) === basename(fileURLToPath(import.meta.url))) {
  main().catch((error) => {
    console.error(error);
    cleanupChildren();
    process.exit(1);
  });
}

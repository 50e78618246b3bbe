/**
 * `npm run build`: the whole site, or nothing.
 *
 *  0. If nothing the output is made from changed since the last successful build into the same
 *     folder (one key over the model, prose, code, lockfile, settings), and that folder is exactly
 *     as the build left it, say "up to date" and stop (src/site/up-to-date.ts; --force builds).
 *  1. Check the model (scripts/check.ts checkModel). An invalid model prints every problem and
 *     exits 1 before anything is written.
 *  2. Queue every diagram the pages will show that is not in the disk cache yet, and start
 *     rendering them in Chromium at once (src/diagrams/render.ts prerenderDiagrams): they render
 *     on the other cores while Astro starts up and builds its bundles, so pages rarely wait.
 *  3. Astro's build, in this process (its JavaScript API), into a fresh folder inside the project
 *     (.dist-tmp-…), never into dist/: Astro empties its outDir first and leaves partial files
 *     when a page throws. A page that needs a diagram still queued moves it to the front. Pages
 *     carry one key of all the site's inputs (src/site/input-key.ts), so when nothing changed
 *     Astro's incremental build copies them from its cache (.cache/astro/) instead.
 *  4. Print the runbook PDFs from that folder (src/runbook/print-pdf.ts), with the same browser.
 *  5. Swap it into dist/: rename the old dist/ away, rename the new one in, delete the old one.
 *
 * On any failure the temporary folder is removed, the previous dist/ stays as it was, and the exit
 * code is 1. Settings: src/settings.ts (all checked before anything is built); `--out <dir>` builds somewhere
 * other than dist/ (tests), `--no-pdf` skips the PDFs, `--force` builds and renders every page even
 * when nothing changed.
 *
 * Runs on Node's own TypeScript support (`node scripts/build.ts`): no loader to start.
 */
import module from 'node:module';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { checkModel, checkSiteProse, formatProblem, formatProblems } from '../src/cli/check-command.ts';
import { buildRunbookPdfs } from '../src/runbook/print-pdf.ts';
import { sitePaths } from '../src/site/env.ts';
import { createSiteData, provideSiteData, resetSiteData } from '../src/site/data.ts';
import { entityHref } from '../src/site/urls.ts';
import { siteDiagrams } from '../src/diagrams/all.ts';
import {
  closeRenderer,
  holdRenderer,
  isCached,
  mermaidVersion,
  prerenderDiagrams,
  RENDERER_VERSION,
  renderStats,
  resetRenderStats,
  setRendererLog,
  shareBrowser,
} from '../src/diagrams/render.ts';
import { siteInputKey } from '../src/site/input-key.ts';
import { siteBase } from '../src/site/base.ts';
import { isUpToDate, outputManifest, readBuildRecord, writeBuildRecord } from '../src/site/up-to-date.ts';
import { finishDiagramBuild } from '../src/diagrams/report.ts';
import { ensureChromium, launchChromium } from '../src/browser/chromium.ts';
import { describeOfflineApp, writeOfflineApp } from '../src/offline/write-offline-app.ts';
import { buildDate, RUNBOOK_PRINT_PATHS } from '../src/runbook/pdf.ts';
import { localized } from '../src/model/entities.ts';
import { recoverSwap, swapIntoPlace } from '../src/site/swap.ts';
import { writeContentSecurityPolicies } from '../src/site/write-csp.ts';
import { withContentSecurityPolicy } from '../src/site/csp.ts';
import { whenWritten } from '../src/site/when-written.ts';
import { havePdftotext } from '../src/runbook/pdftotext.ts';
import { StageClock } from '../src/site/stage-clock.ts';
import { BuildProgress } from '../src/site/build-progress.ts';
import { internalValues, pdfTexts, scanTexts, scanTextsInTurns, siteTexts, type OutputFinding } from '../src/site/output-scan.ts';
import type { Profile } from '../src/model/profile.ts';
import { DriftsbokError } from '../src/errors.ts';
import { readSettings, settingProblems } from '../src/settings.ts';
import { gitRevision, resolveRevision } from '../src/revision.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface BuildOptions {
  /** Where the finished site goes (default dist/ in the project). */
  outDir?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** Print the runbook PDFs (default true). */
  pdf?: boolean;
  /** Render every page again, even when nothing changed (Astro's --force). */
  force?: boolean;
  /**
   * Astro's page-by-page log (--verbose), which a build leaves out by default: on a terminal the
   * live line shows the progress, elsewhere a line per step; Astro's warnings always show.
   */
  verbose?: boolean;
}

/**
 * Where Astro builds and keeps its cache (content data store, incremental-build pages): one slot per
 * model and content folder and profile, so builds of different models never read each other's
 * entries, and a public build never reuses prose the full profile rendered (Astro's content store
 * keeps a file's rendered HTML while the file is unchanged, sensitive blocks and all). The
 * output folder's name is fixed per slot too, because Astro's incremental build hashes code that
 * mentions it. A second build of the same folders while one runs (the lock names a live process)
 * gets private folders, removed afterwards.
 */
function slotId(modelDir: string, contentDir: string, profile: Profile): string {
  // The full profile keeps the slot ids it always had (no cold rebuild for existing caches).
  const profilePart = profile === 'full' ? '' : `\0${profile}`;
  return createHash('sha256').update(`${modelDir}\0${contentDir}${profilePart}`).digest('hex').slice(0, 16);
}

/** Where a model's last successful build is recorded (src/site/up-to-date.ts), beside its slot. */
function buildRecordFile(modelDir: string, contentDir: string, profile: Profile): string {
  return join(ROOT, '.cache', 'astro', `${slotId(modelDir, contentDir, profile)}.last-build.json`);
}

function buildSlot(
  modelDir: string,
  contentDir: string,
  profile: Profile,
  tag: string,
): { cacheDir: string; tmpDir: string; release: () => void } {
  const id = slotId(modelDir, contentDir, profile);
  const cacheDir = join(ROOT, '.cache', 'astro', id);
  const lock = `${cacheDir}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const tmpDir = join(ROOT, `.dist-tmp-${id}`);
      rmSync(tmpDir, { recursive: true, force: true }); // left by a build that was killed
      pruneSlots(dirname(cacheDir), id);
      mkdirSync(cacheDir, { recursive: true });
      const now = new Date();
      utimesSync(cacheDir, now, now); // last use, for pruneSlots
      return { cacheDir, tmpDir, release: () => rmSync(lock, { force: true }) };
    } catch {
      let owner = 0;
      try {
        owner = Number(readFileSync(lock, 'utf8').trim());
      } catch {
        /* gone meanwhile */
      }
      let alive = false;
      try {
        alive = owner > 0 && owner !== process.pid && (process.kill(owner, 0), true);
      } catch {
        alive = false;
      }
      if (alive) break;
      rmSync(lock, { force: true }); // left by a build that died: take it over
    }
  }
  const own = join(ROOT, '.cache', `astro-${tag}`);
  return { cacheDir: own, tmpDir: join(ROOT, `.dist-tmp-${tag}`), release: () => rmSync(own, { recursive: true, force: true }) };
}

/**
 * Removes the slots (and build records) of models not built for two weeks (tests build throwaway
 * models, each in a slot of its own), unless a build holds them.
 */
function pruneSlots(dir: string, keep: string, maxAgeDays = 14): void {
  const cutoff = Date.now() - maxAgeDays * 86_400_000;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    // A slot's build record (<id>.last-build.json) ages with the slot: written by its last build.
    if (name === keep || name.endsWith('.lock') || existsSync(`${path}.lock`)) continue;
    try {
      if (statSync(path).mtimeMs < cutoff) rmSync(path, { recursive: true, force: true });
    } catch {
      /* raced with another build: fine */
    }
  }
}

/**
 * After a failed build, Astro's content store is not to be trusted: its glob loader logs a page
 * that throws while rendering and stores the entry with an empty body, so the next build with the
 * same file found it "unchanged" and shipped an empty page (issue 15, finding 6). The next build
 * syncs the content afresh instead.
 */
function forgetContentStore(cacheDir: string): void {
  rmSync(join(cacheDir, 'data-store.json'), { force: true });
}

/** An error from Astro or a page, as a person reads it: the message, where, and the hint. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Ours say what is wrong and how to fix it (src/errors.ts): no stack trace under them.
  if (error instanceof DriftsbokError) return error.message;
  const e = error as Error & { hint?: string; loc?: { file?: string; line?: number; column?: number }; title?: string };
  if (e.loc || e.hint || e.title) {
    const where = e.loc?.file ? `\n  at ${e.loc.file}${e.loc.line ? `:${e.loc.line}:${e.loc.column ?? 0}` : ''}` : '';
    return `${e.name}: ${e.message}${where}${e.hint ? `\n  hint: ${e.hint}` : ''}`;
  }
  return e.stack ?? `${e.name}: ${e.message}`;
}

/** Runs `fn` with `env` as process.env (Astro and the pages read their settings from there). */
async function withProcessEnv<T>(env: NodeJS.ProcessEnv, fn: () => Promise<T>): Promise<T> {
  const previous = { ...process.env };
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in previous)) delete process.env[key];
    Object.assign(process.env, previous);
  }
}

/** Builds the site; returns the exit code (0 ok, 1 failed; the previous output is left intact). */
export async function buildSite(options: BuildOptions = {}): Promise<number> {
  const env = { ...(options.env ?? process.env) };
  // How the build was started, not what it builds: the shell's `_` (the command it ran) and npm's
  // record of which script runs. Astro copies every environment variable whose name occurs in a
  // server module into that module's code, `_` always, and Astro's incremental build hashes that
  // code: with them, `npm test` after `npm run build`, or a build started another way, rendered
  // every page again instead of reusing them.
  for (const volatile of ['_', 'npm_command', 'npm_lifecycle_event', 'npm_lifecycle_script']) delete env[volatile];
  // On a terminal, one live line shows where the build is (src/site/build-progress.ts), and the
  // build's own lines print above it; in CI, a pipe or a test, the plain log line by line.
  const rawWrite = process.stdout.write.bind(process.stdout);
  const progress = new BuildProgress({
    isTTY: !options.log && !options.verbose && Boolean(process.stdout.isTTY),
    columns: process.stdout.columns || 0,
    write: (text) => rawWrite(text),
  });
  const releaseStreams = progress.live ? writeAroundProgress(progress) : () => {};
  const log = options.log ?? ((line: string) => (progress.live ? progress.log(line) : console.log(line)));
  const fail = (line: string) => {
    // A failure ends the live line: what went wrong stands on its own.
    progress.end();
    console.error(line);
  };
  const paths = sitePaths(env, ROOT);
  const outDir = resolve(ROOT, options.outDir ?? 'dist');

  // A setting that cannot be used (a base path that cannot be one, an unknown profile …) fails
  // here, every one at once, not deep inside Astro's config or after the pages are built.
  const badSettings = settingProblems(env);
  if (badSettings.length) {
    for (const problem of badSettings) fail(problem.message);
    fail('build: nothing was built and dist/ was left as it was.');
    return 1;
  }
  const settings = readSettings(env);

  const buildRevision = resolveRevision(env, () => gitRevision(ROOT));
  env.DRIFTSBOK_REVISION = buildRevision;
  // Everything the pages are made from but the model's YAML (which enters each page's key parsed,
  // src/site/page-keys.ts, so that a resized guest re-renders only the pages that show its size).
  const inputs = (modelFiles: 'all' | 'not-yaml') => ({
    root: ROOT,
    paths: [
      ...(modelFiles === 'all' ? [paths.modelDir] : modelFolderBesidesYaml(paths.modelDir)),
      paths.contentDir,
      ...['src', 'public', 'astro.config.mjs', 'package-lock.json'].map((p) => join(ROOT, p)),
    ],
    env,
    extra: [`renderer ${RENDERER_VERSION}`, `mermaid ${mermaidVersion()}`],
  });
  env.DRIFTSBOK_PAGE_KEY = siteInputKey(inputs('not-yaml'));
  // And everything the whole output is made from: every input byte, this script and the PDF settings.
  const buildKey = createHash('sha256')
    .update(
      JSON.stringify([
        siteInputKey(inputs('all')),
        siteInputKey({ root: ROOT, paths: [join(ROOT, 'scripts')], env: {}, extra: [] }),
        options.pdf !== false,
        settings.SOURCE_DATE_EPOCH?.getTime() ?? '',
        outDir,
      ]),
    )
    .digest('hex');
  const profile: Profile = settings.DRIFTSBOK_PROFILE;
  const recordFile = buildRecordFile(paths.modelDir, paths.contentDir, profile);
  if (!options.force && isUpToDate(readBuildRecord(recordFile), buildKey, outDir)) {
    log(
      `build: nothing changed since the last build, and ${relative(process.cwd(), outDir) || outDir}/ is as it left it: up to date (--force builds it again)`,
    );
    return 0;
  }

  // A build killed while swapping left the previous output aside: put it back first.
  const recovered = recoverSwap(outDir);
  if (recovered === 'restored')
    log(`build: put back the previous ${relative(process.cwd(), outDir) || outDir}/ that a killed build had left aside`);

  const clock = new StageClock();
  /** A new stage: timed for the closing line, and shown on the live line (as one of its six). */
  const stage = (name: string, live: string = name) => {
    clock.start(name);
    progress.stage(live);
  };
  stage('check');
  const checked = checkModel(paths.modelDir, env);
  if (!checked.ok) {
    fail(formatProblems(checked.problems, relative(process.cwd(), paths.modelDir) || paths.modelDir, checked.warnings));
    fail('build: the model is not valid; nothing was built and dist/ was left as it was.');
    return 1;
  }
  for (const warning of checked.warnings) log(`build: warning ${formatProblem(warning)}`);

  // The prose, before Astro reads any of it: a refused file never reaches Astro's content cache.
  const prose = checkSiteProse(checked.model, paths.contentDir, env);
  if (prose.problems.length) {
    fail(formatProblems(prose.problems, relative(process.cwd(), paths.contentDir) || paths.contentDir));
    fail('build: the prose is not valid; nothing was built and dist/ was left as it was.');
    return 1;
  }
  for (const warning of prose.warnings) log(`build: warning ${formatProblem(warning)}`);

  const tag = `${process.pid}-${Date.now()}`;
  const slot = buildSlot(paths.modelDir, paths.contentDir, profile, tag);
  const { tmpDir, cacheDir } = slot;
  // One browser for the diagrams and the PDFs, started only when either needs it.
  let browser: Promise<Browser> | undefined;
  const sharedBrowser = () => (browser ??= launchChromium(env));
  let stopTicker = () => {};
  // The runbook's printing, once started (see "print as soon as" below).
  let printing: Promise<string[]> | undefined;
  const cleanup = async () => {
    stopTicker();
    // A failed build still waits for the printer before it closes the browser and deletes its folder.
    await printing?.catch(() => undefined);
    progress.end();
    releaseStreams();
    await closeRenderer();
    holdRenderer(false);
    shareBrowser(undefined);
    resetSiteData();
    if (browser) await (await browser.catch(() => undefined))?.close().catch(() => undefined);
    rmSync(tmpDir, { recursive: true, force: true });
    slot.release();
  };
  return withProcessEnv(env, async () => {
    try {
      log(
        `build: model ${relative(ROOT, paths.modelDir) || '.'}, content ${relative(ROOT, paths.contentDir) || '.'}, revision ${buildRevision}`,
      );
      const data = createSiteData(process.env, checked.model);
      provideSiteData(data);
      holdRenderer(true);
      shareBrowser(sharedBrowser);
      resetRenderStats();
      setRendererLog((line) => log(line));
      const specs = siteDiagrams(data.model, data.analysis, data.model.site.locales, entityHref);
      // No browser and diagrams to render: get Playwright's (or say how to get one) once, now, rather
      // than fail from every page that needs one.
      if (specs.some((spec) => !isCached(spec))) ensureChromium(env);
      const prerender = prerenderDiagrams(specs);
      log(`diagrams: ${specs.length} on the site, ${prerender.queued} to render`);

      stage('pages and diagrams');
      const ticker = setInterval(() => {
        const stats = renderStats();
        progress.diagrams(stats.rendered + stats.cached, specs.length);
        progress.tick();
      }, 250);
      ticker.unref();
      stopTicker = () => clearInterval(ticker);
      // The runbook prints as soon as Astro has written its two print pages, while Astro goes on
      // with the other pages: the ~2 s of printing then overlaps page building instead of following
      // it. Each print page gets its security policy first, so the printer sees it as a reader will
      // (the pass over every page below finds those two already done and leaves them untouched).
      const printPages = Object.values(RUNBOOK_PRINT_PATHS).map((path) => join(tmpDir, path, 'index.html'));
      let printStarted = 0;
      const startPrinting = () => {
        if (printing) return printing;
        printStarted = performance.now();
        printing = Promise.resolve().then(() => {
          for (const page of printPages) writeFileSync(page, withContentSecurityPolicy(readFileSync(page, 'utf8')));
          return buildRunbookPdfs(tmpDir, { env, browser: sharedBrowser });
        });
        // Awaited below; until then a failure must not count as unhandled.
        printing.catch(() => undefined);
        return printing;
      };
      const printWatch = options.pdf !== false ? whenWritten(printPages, () => void startPrinting()) : undefined;
      const { build: astroBuild } = await import('astro');
      try {
        await astroBuild({
          root: ROOT,
          outDir: tmpDir,
          cacheDir,
          logLevel: options.verbose ? 'info' : 'warn',
          ...(options.force ? { force: true } : {}),
        });
      } catch (error) {
        forgetContentStore(cacheDir);
        fail(`build: ${describeError(error)}`);
        fail(`build: astro build failed; ${relative(ROOT, outDir)}/ was left as it was.`);
        return 1;
      } finally {
        printWatch?.stop();
      }
      if (printWatch?.fired) log('build: the runbook was printed while the other pages were built');
      // Diagrams no page asked for (there should be none) still have to render, or fail the build.
      await prerender.done;
      log(finishDiagramBuild());
      await closeRenderer();
      rmSync(join(tmpDir, '.prerender'), { recursive: true, force: true });
      // Before the runbook is printed from the pages, so the printer sees them as a reader will.
      stopTicker();
      stage('security policy');
      const cspStarted = performance.now();
      const withPolicy = writeContentSecurityPolicies(tmpDir);
      log(`build: content security policy on ${withPolicy} pages (${Math.round(performance.now() - cspStarted)} ms)`);
      // The runbook prints (in Chromium) while this process reads the pages it has no part in.
      stage(options.pdf !== false ? 'PDFs and output scan' : 'output scan', 'PDFs and output scan');
      // Started already, or (print pages written too late to be seen) now.
      const pdfsPrinted = options.pdf !== false ? startPrinting() : Promise.resolve([]);
      // The finished output, read as a visitor would (pages, search index, PDF text): what must not
      // be published fails a public build here, before anything replaces dist/.
      const rules = {
        allowedSecrets: prose.allow.matched,
        internal: data.profile === 'public' ? internalValues(checked.model) : [],
        internalAddresses: data.profile === 'public',
      };
      let leaks: OutputFinding[];
      let scanMs: number;
      try {
        const scanStarted = performance.now();
        leaks = await scanTextsInTurns(siteTexts(tmpDir), rules);
        scanMs = performance.now() - scanStarted;
      } finally {
        // Never leave the printer running behind a failed scan.
        await pdfsPrinted.catch(() => undefined);
      }
      const pdfs = await pdfsPrinted;
      if (pdfs.length)
        log(
          `build: runbook ${pdfs.map((p) => relative(tmpDir, p)).join(', ')} in ${((performance.now() - printStarted) / 1000).toFixed(1)} s`,
        );
      if (pdfs.length && havePdftotext()) {
        const pdfStarted = performance.now();
        const texts = await Promise.all(pdfs.map((pdf) => pdfTexts(pdf, relative(tmpDir, pdf))));
        leaks.push(...scanTexts(texts.flat(), rules));
        scanMs += performance.now() - pdfStarted;
      } else if (pdfs.length) log("build: warning: pdftotext (poppler-utils) not found, so the PDFs' text was not read for secrets");
      if (!leaks.length)
        log(`build: output read for secrets${data.profile === 'public' ? ' and internal addresses' : ''}: none (${Math.round(scanMs)} ms)`);
      if (leaks.length) {
        const shownLeaks = leaks.slice(0, 30).map((leak) => `  ${leak.source}: ${leak.what}`);
        if (leaks.length > 30) shownLeaks.push(`  … and ${leaks.length - 30} more`);
        if (data.profile === 'public') {
          fail(`build: the public build would publish what it must not, in ${leaks.length} place(s):\n${shownLeaks.join('\n')}`);
          fail(
            'build: find the text in model/ or content/ and remove it, or mark it sensitive; nothing was published and dist/ was left as it was.',
          );
          return 1;
        }
        log(
          `build: warning: the output holds ${leaks.length} thing(s) that look like secrets (a public build refuses them):\n${shownLeaks.join('\n')}`,
        );
      }
      // Last, so that it lists every page and both PDFs with their final content.
      stage('offline app');
      const offline = writeOfflineApp({
        outDir: tmpDir,
        base: siteBase(env),
        titles: Object.fromEntries(data.model.site.locales.map((lang) => [lang, localized(data.model.site.title, lang)])),
        locales: data.model.site.locales,
        revision: buildRevision,
        profile: data.profile,
        built: buildDate(env),
        budgetBytes: settings.DRIFTSBOK_OFFLINE_BUDGET_MB * 1024 * 1024,
      });
      log(describeOfflineApp(offline));
      // Swap (src/site/swap.ts): a crash in between leaves the old output aside under a fixed name,
      // and the next build puts it back.
      stage('swap');
      swapIntoPlace(tmpDir, outDir);
      writeBuildRecord(recordFile, { key: buildKey, outDir, manifest: outputManifest(outDir) });
      progress.end();
      log(`build: site ready in ${relative(process.cwd(), outDir) || outDir}/`);
      log(`build: took ${clock.summary()}`);
      return 0;
    } catch (error) {
      forgetContentStore(cacheDir);
      fail(`build: ${describeError(error)}`);
      fail(`build: failed; ${relative(ROOT, outDir)}/ was left as it was.`);
      return 1;
    } finally {
      await cleanup();
    }
  });
}

/**
 * While the live line shows, whatever else writes to the terminal (Astro's warnings, a browser
 * download's progress) writes around it. Returns the function that puts the streams back.
 */
function writeAroundProgress(progress: BuildProgress): () => void {
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((stream) => stream.write);
  streams.forEach((stream, i) => {
    const original = originals[i]!;
    stream.write = ((...args: Parameters<typeof stream.write>) => {
      let result = true;
      progress.around(() => (result = (original as (...a: unknown[]) => boolean).apply(stream, args)));
      return result;
    }) as typeof stream.write;
  });
  return () => streams.forEach((stream, i) => (stream.write = originals[i]!));
}

/** What the model folder holds besides its YAML files (the JSON Schema, a Proxmox snapshot …). */
function modelFolderBesidesYaml(modelDir: string): string[] {
  if (!existsSync(modelDir)) return [];
  return readdirSync(modelDir)
    .filter((name) => !/\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(modelDir, name));
}

function parseArgs(argv: string[]): BuildOptions {
  const options: BuildOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out') options.outDir = argv[++i];
    else if (arg.startsWith('--out=')) options.outDir = arg.slice('--out='.length);
    else if (arg === '--no-pdf') options.pdf = false;
    else if (arg === '--force') options.force = true;
    else if (arg === '--verbose') options.verbose = true;
    else throw new Error(`build: unknown argument ${arg} (usage: build [--out dir] [--no-pdf] [--force] [--verbose])`);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // What Astro's own command line does: keep V8's compiled code of the modules loaded from here on
  // (Astro, Vite, Starlight) on disk, so the next build does not compile them again; not in CI,
  // where the cache would only be written. Astro's API, unlike its command line, does not do it.
  if (!readSettings().CI) {
    try {
      module.enableCompileCache?.();
    } catch {
      /* an old Node or a read-only temp folder: build without it */
    }
  }
  const code = await buildSite(parseArgs(process.argv.slice(2)));
  try {
    module.flushCompileCache?.();
  } catch {
    /* as above */
  }
  // Astro's build can leave handles (file watchers, workers) open; the build is over either way.
  process.exit(code);
}

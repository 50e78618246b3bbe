/**
 * `npm run build`: the whole site, or nothing.
 *
 *  1. Check the model (scripts/check.ts checkModel). An invalid model prints every problem and
 *     exits 1 before anything is written.
 *  2. `astro build` into a fresh folder inside the project (.dist-tmp-<pid>), never into dist/:
 *     Astro empties its outDir first and leaves partial files when a page throws.
 *  3. Print the runbook PDFs from that folder (scripts/runbook-pdf.ts).
 *  4. Swap it into dist/: rename the old dist/ away, rename the new one in, delete the old one.
 *
 * On any failure the temporary folder is removed, the previous dist/ stays as it was, and the exit
 * code is 1. Settings: DRIFTSBOK_MODEL_DIR, DRIFTSBOK_CONTENT_DIR, DRIFTSBOK_PROFILE,
 * SOURCE_DATE_EPOCH, DRIFTSBOK_REVISION; `--out <dir>` builds somewhere other than dist/ (tests).
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkModel, formatProblems } from './check.ts';
import { buildRunbookPdfs } from './runbook-pdf.ts';
import { sitePaths } from '../src/site/env.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface BuildOptions {
  /** Where the finished site goes (default dist/ in the project). */
  outDir?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** Print the runbook PDFs (default true). */
  pdf?: boolean;
}

function revision(env: NodeJS.ProcessEnv): string {
  if (env.DRIFTSBOK_REVISION) return env.DRIFTSBOK_REVISION;
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function runAstroBuild(outDir: string, env: NodeJS.ProcessEnv, cacheDir: string): Promise<number> {
  const require = createRequire(import.meta.url);
  const astroBin = join(resolve(require.resolve('astro/package.json'), '..'), 'bin', 'astro.mjs');
  return new Promise((done) => {
    // process.execPath: the same Node that runs this script (Node 24 under `npm run build`).
    const child = spawn(process.execPath, [astroBin, 'build', '--outDir', outDir], {
      cwd: ROOT,
      env: { ...env, DRIFTSBOK_ASTRO_CACHE_DIR: cacheDir },
      stdio: 'inherit',
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
    child.on('error', () => done(1));
  });
}

/** Builds the site; returns the exit code (0 ok, 1 failed; the previous output is left intact). */
export async function buildSite(options: BuildOptions = {}): Promise<number> {
  const env = { ...(options.env ?? process.env) };
  const log = options.log ?? ((line: string) => console.log(line));
  const fail = (line: string) => console.error(line);
  const paths = sitePaths(env, ROOT);
  const outDir = resolve(ROOT, options.outDir ?? 'dist');

  const checked = checkModel(paths.modelDir);
  if (!checked.ok) {
    fail(formatProblems(checked.problems, relative(process.cwd(), paths.modelDir) || paths.modelDir));
    fail('build: the model is not valid; nothing was built and dist/ was left as it was.');
    return 1;
  }
  env.DRIFTSBOK_REVISION = revision(env);

  const tag = `${process.pid}-${Date.now()}`;
  const tmpDir = join(ROOT, `.dist-tmp-${tag}`);
  const oldDir = join(ROOT, `.dist-old-${tag}`);
  const cacheDir = join(ROOT, '.cache', `astro-${tag}`);
  const cleanup = () => {
    rmSync(tmpDir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  };
  try {
    log(`build: model ${relative(ROOT, paths.modelDir) || '.'}, content ${relative(ROOT, paths.contentDir) || '.'}, revision ${env.DRIFTSBOK_REVISION}`);
    const code = await runAstroBuild(tmpDir, env, cacheDir);
    if (code !== 0) {
      fail(`build: astro build failed (exit ${code}); ${relative(ROOT, outDir)}/ was left as it was.`);
      return 1;
    }
    rmSync(join(tmpDir, '.prerender'), { recursive: true, force: true });
    if (options.pdf !== false) {
      const previous = { ...process.env };
      Object.assign(process.env, env);
      try {
        const pdfs = await buildRunbookPdfs(tmpDir);
        if (pdfs.length) log(`build: runbook ${pdfs.map((p) => relative(tmpDir, p)).join(', ')}`);
      } finally {
        for (const key of Object.keys(process.env)) if (!(key in previous)) delete process.env[key];
        Object.assign(process.env, previous);
      }
    }
    // Swap: the old output is moved away first, so a crash in between leaves either the old or the
    // new site in place, never a mixture.
    const hadOld = existsSync(outDir);
    if (hadOld) renameSync(outDir, oldDir);
    try {
      renameSync(tmpDir, outDir);
    } catch (error) {
      if (hadOld) renameSync(oldDir, outDir);
      throw error;
    }
    rmSync(oldDir, { recursive: true, force: true });
    log(`build: site ready in ${relative(process.cwd(), outDir) || outDir}/`);
    return 0;
  } catch (error) {
    fail(`build: ${(error as Error).stack ?? String(error)}`);
    fail(`build: failed; ${relative(ROOT, outDir)}/ was left as it was.`);
    return 1;
  } finally {
    cleanup();
  }
}

function parseArgs(argv: string[]): BuildOptions {
  const options: BuildOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out') options.outDir = argv[++i];
    else if (arg.startsWith('--out=')) options.outDir = arg.slice('--out='.length);
    else if (arg === '--no-pdf') options.pdf = false;
    else throw new Error(`build: unknown argument ${arg} (usage: build [--out dir] [--no-pdf])`);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await buildSite(parseArgs(process.argv.slice(2)));
}

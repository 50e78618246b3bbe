/**
 * Finding and launching the one headless Chromium that diagrams, the runbook PDF and the
 * end-to-end tests use. Order: $CHROMIUM_PATH, Debian's /usr/bin/chromium-headless-shell, then its
 * /usr/bin/chromium, Playwright's own browser; with none of them, Playwright's own is downloaded
 * (ensureChromium). Node-only module.
 *
 * Why the headless shell first: it is Chromium's own build for this job (what Playwright itself
 * launches for headless work), without the browser's user interface. The full browser in headless
 * mode still starts its WebUI renderer and UI services: on 2 cores, rendering Saghaugen's diagrams
 * took 1.3 s to start and 6.4 core-seconds with /usr/bin/chromium, 0.8 s and 5.1 core-seconds with
 * the shell. Both draw the same SVG and print the same PDF pages (the PDF's Creator field differs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, BrowserType, LaunchOptions } from 'playwright-core';
import { DriftsbokError } from '../errors.ts';
import { readSettings } from '../settings.ts';

/**
 * Playwright, loaded on first use: importing it costs ~0.2 s, and a build whose diagrams and PDFs
 * all come from the cache never needs it.
 */
function chromiumType(): BrowserType {
  return (createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core')).chromium;
}

/** Flags that keep a headless Chromium quiet and offline-friendly on a server or in CI. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** What to type to get a Chromium on this operating system, when it could not be downloaded. */
export function installHint(platform: NodeJS.Platform): string[] {
  if (platform === 'linux')
    return [
      '  - Debian/Ubuntu: sudo apt-get install chromium-headless-shell   (or chromium; either is found in /usr/bin)',
      '  - with internet: npx playwright install chromium',
    ];
  if (platform === 'darwin')
    return [
      '  - macOS:         brew install --cask chromium, then CHROMIUM_PATH=/Applications/Chromium.app/Contents/MacOS/Chromium',
      '  - with internet: npx playwright install chromium',
    ];
  return ['  - with internet: npx playwright install chromium'];
}

export class ChromiumNotFoundError extends DriftsbokError {
  constructor(tried: string[], options: { downloadFailed?: string; platform?: NodeJS.Platform } = {}) {
    super(
      [
        'No Chromium found. driftsbok renders diagrams and the runbook PDF with a headless Chromium.',
        `Tried: ${tried.join(', ')}.`,
        ...(options.downloadFailed
          ? [
              `Downloading Playwright's Chromium failed too (${options.downloadFailed}): no internet, or a network that reaches only a package mirror for npm.`,
            ]
          : []),
      ].join('\n'),
      [
        'one of these:',
        ...(options.downloadFailed
          ? installHint(options.platform ?? process.platform)
          : [
              '  - Debian/Ubuntu: sudo apt-get install chromium-headless-shell   (or chromium; either is found in /usr/bin)',
              '  - any system:    npx playwright install chromium',
            ]),
        '  - or point CHROMIUM_PATH at a Chromium or Chrome binary.',
      ].join('\n'),
    );
  }
}

/** How the lookup sees the machine; the tests give a machine of their own. */
export interface ChromiumMachine {
  exists(path: string): boolean;
  /** Where Playwright's own Chromium is (or would be) installed. */
  bundledPath(): string | undefined;
  /** Downloads Playwright's own Chromium; the reason when it could not. */
  install(): { ok: true } | { ok: false; why: string };
  platform: NodeJS.Platform;
  log(line: string): void;
}

/**
 * The command that downloads the Chromium of the Playwright in the lockfile into Playwright's
 * usual cache (~/.cache/ms-playwright), showing its progress.
 */
export function installCommand(): string[] {
  // Its package exports no cli.js, so the path is found from its package.json, as `npx` finds its bin.
  const root = dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
  return [process.execPath, join(root, 'cli.js'), 'install', 'chromium'];
}

const realMachine: ChromiumMachine = {
  exists: existsSync,
  bundledPath() {
    try {
      return chromiumType().executablePath();
    } catch {
      return undefined;
    }
  },
  install() {
    const [command, ...args] = installCommand();
    const result = spawnSync(command!, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status === 0) return { ok: true };
    return { ok: false, why: result.error ? result.error.message : `the installer exited with ${result.status ?? result.signal}` };
  },
  platform: process.platform,
  log: (line) => console.error(line),
};

/** Where Debian/Ubuntu packages put Chromium, lightest first (see the header). */
export const SYSTEM_CHROMIUMS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The executable to launch, or undefined to let Playwright use its own downloaded browser. */
export function resolveChromiumExecutable(
  env: NodeJS.ProcessEnv = process.env,
  machine: ChromiumMachine = realMachine,
): string | undefined {
  const tried: string[] = [];
  const configured = readSettings(env).CHROMIUM_PATH;
  if (configured) {
    if (machine.exists(configured)) return configured;
    // An explicit setting that points nowhere is a mistake to report, not to paper over.
    throw new ChromiumNotFoundError([`CHROMIUM_PATH=${configured} (does not exist)`]);
  }
  for (const candidate of SYSTEM_CHROMIUMS) {
    tried.push(candidate);
    if (machine.exists(candidate)) return candidate;
  }
  const bundled = machine.bundledPath();
  tried.push(`Playwright's browser (${bundled ?? 'not installed'})`);
  if (bundled && machine.exists(bundled)) return undefined;
  throw new ChromiumNotFoundError(tried);
}

/**
 * Like resolveChromiumExecutable, but where no Chromium is found and none is configured, first
 * downloads Playwright's own (as Playwright-based tools do on a laptop or a CI runner with
 * internet), then uses it from then on. DRIFTSBOK_BROWSER_DOWNLOAD=0 turns the download off. A
 * CHROMIUM_PATH that points nowhere is still an error: it is a setting to fix, not to work around.
 */
export function ensureChromium(env: NodeJS.ProcessEnv = process.env, machine: ChromiumMachine = realMachine): string | undefined {
  try {
    return resolveChromiumExecutable(env, machine);
  } catch (error) {
    const settings = readSettings(env);
    if (!(error instanceof ChromiumNotFoundError) || settings.CHROMIUM_PATH || !settings.DRIFTSBOK_BROWSER_DOWNLOAD) throw error;
    machine.log("No Chromium found: downloading Playwright's own Chromium (once; it is kept in Playwright's cache) …");
    const installed = machine.install();
    const bundled = machine.bundledPath();
    if (installed.ok && bundled && machine.exists(bundled)) return undefined;
    const why = installed.ok ? `it reported success, but ${bundled ?? 'its browser'} is not there` : installed.why;
    throw new ChromiumNotFoundError([...SYSTEM_CHROMIUMS, `Playwright's browser (${bundled ?? 'not installed'})`], {
      downloadFailed: why,
      platform: machine.platform,
    });
  }
}

export function chromiumLaunchOptions(env: NodeJS.ProcessEnv = process.env): LaunchOptions {
  const executablePath = ensureChromium(env);
  return { headless: true, args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) };
}

export async function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  return chromiumType().launch(chromiumLaunchOptions(env));
}

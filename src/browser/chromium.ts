/**
 * Finding and launching the one headless Chromium that diagrams, the runbook PDF and the
 * end-to-end tests use. Order: $CHROMIUM_PATH, Debian's /usr/bin/chromium, Playwright's own browser.
 * Node-only module.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserType, LaunchOptions } from 'playwright-core';

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

export class ChromiumNotFoundError extends Error {
  constructor(tried: string[]) {
    super(
      [
        'No Chromium found. driftsbok renders diagrams and the runbook PDF with a headless Chromium.',
        `Tried: ${tried.join(', ')}.`,
        'Fix one of:',
        '  - Debian/Ubuntu: sudo apt-get install chromium   (gives /usr/bin/chromium)',
        '  - any system:    npx playwright install chromium',
        '  - or point CHROMIUM_PATH at a Chromium or Chrome binary.',
      ].join('\n'),
    );
    this.name = 'ChromiumNotFoundError';
  }
}

/** The executable to launch, or undefined to let Playwright use its own downloaded browser. */
export function resolveChromiumExecutable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const tried: string[] = [];
  if (env.CHROMIUM_PATH) {
    if (existsSync(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
    // An explicit setting that points nowhere is a mistake to report, not to paper over.
    throw new ChromiumNotFoundError([`CHROMIUM_PATH=${env.CHROMIUM_PATH} (does not exist)`]);
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    tried.push(candidate);
    if (existsSync(candidate)) return candidate;
  }
  let bundled: string | undefined;
  try {
    bundled = chromiumType().executablePath();
  } catch {
    bundled = undefined;
  }
  tried.push(`Playwright's browser (${bundled ?? 'not installed'})`);
  if (bundled && existsSync(bundled)) return undefined;
  throw new ChromiumNotFoundError(tried);
}

export function chromiumLaunchOptions(env: NodeJS.ProcessEnv = process.env): LaunchOptions {
  const executablePath = resolveChromiumExecutable(env);
  return { headless: true, args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) };
}

export async function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  return chromiumType().launch(chromiumLaunchOptions(env));
}

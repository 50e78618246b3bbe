import { describe, expect, it } from 'vitest';
import { resolveChromiumExecutable, ChromiumNotFoundError, ensureChromium, installCommand } from './chromium.ts';

describe('resolveChromiumExecutable', () => {
  it('refuses a CHROMIUM_PATH that does not exist, saying how to fix it', () => {
    expect(() => resolveChromiumExecutable({ CHROMIUM_PATH: '/nowhere/chromium' })).toThrow(ChromiumNotFoundError);
    expect(() => resolveChromiumExecutable({ CHROMIUM_PATH: '/nowhere/chromium' })).toThrow(/apt-get install chromium/);
  });
  it('takes CHROMIUM_PATH when it exists', () => {
    expect(resolveChromiumExecutable({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
  });

  /** A machine with exactly these files. */
  const machineWith = (...paths: string[]) => ({
    exists: (path: string) => paths.includes(path),
    bundledPath: () => undefined,
    install: () => ({ ok: false, why: 'not in this test' }) as const,
    platform: 'linux' as const,
    log: () => undefined,
  });

  it("prefers Debian's headless shell to the full browser, and takes the full browser without it", () => {
    expect(resolveChromiumExecutable({}, machineWith('/usr/bin/chromium', '/usr/bin/chromium-headless-shell'))).toBe(
      '/usr/bin/chromium-headless-shell',
    );
    expect(resolveChromiumExecutable({}, machineWith('/usr/bin/chromium'))).toBe('/usr/bin/chromium');
    expect(resolveChromiumExecutable({}, machineWith('/usr/bin/chromium-browser'))).toBe('/usr/bin/chromium-browser');
    // An explicit setting still comes first.
    expect(
      resolveChromiumExecutable(
        { CHROMIUM_PATH: '/usr/bin/chromium' },
        machineWith('/usr/bin/chromium', '/usr/bin/chromium-headless-shell'),
      ),
    ).toBe('/usr/bin/chromium');
  });

  it('names every place it looked when there is nothing', () => {
    expect(() => resolveChromiumExecutable({}, machineWith())).toThrow(/chromium-headless-shell[\s\S]*\/usr\/bin\/chromium\b/);
  });
});

describe('ensureChromium: no Chromium anywhere', () => {
  const BUNDLED = '/home/x/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';
  /** A machine with nothing installed; `install` puts Playwright's browser in place, or fails. */
  function machine(installWorks: boolean | string, platform: NodeJS.Platform = 'linux') {
    const files = new Set<string>();
    const calls: string[] = [];
    const logged: string[] = [];
    return {
      calls,
      logged,
      exists: (path: string) => files.has(path),
      bundledPath: () => BUNDLED,
      install: () => {
        calls.push('install');
        if (installWorks === true) files.add(BUNDLED);
        return installWorks === true
          ? ({ ok: true } as const)
          : ({ ok: false, why: String(installWorks || 'getaddrinfo ENOTFOUND cdn.playwright.dev') } as const);
      },
      platform,
      log: (line: string) => logged.push(line),
    };
  }

  it("downloads Playwright's Chromium once and then uses it (no executablePath: Playwright's own)", () => {
    const m = machine(true);
    expect(ensureChromium({}, m)).toBeUndefined();
    expect(m.calls).toEqual(['install']);
    expect(m.logged.join('\n')).toMatch(/downloading Playwright's own Chromium/);
    // Installed: the next lookup finds it without downloading again.
    expect(ensureChromium({}, m)).toBeUndefined();
    expect(m.calls).toEqual(['install']);
  });

  it('when the download fails, says so and names the command for this operating system', () => {
    for (const [platform, command] of [
      ['linux', 'sudo apt-get install chromium'],
      ['darwin', 'brew install --cask chromium'],
      ['win32', 'npx playwright install chromium'],
    ] as const) {
      const m = machine(false, platform);
      expect(() => ensureChromium({}, m)).toThrow(ChromiumNotFoundError);
      try {
        ensureChromium({}, m);
      } catch (error) {
        expect((error as Error).message).toContain(
          "Downloading Playwright's Chromium failed too (getaddrinfo ENOTFOUND cdn.playwright.dev)",
        );
        expect((error as Error).message).toContain(command);
        if (platform !== 'linux') expect((error as Error).message).not.toContain('apt-get');
      }
    }
  });

  it('downloads nothing when CHROMIUM_PATH points nowhere (a setting to fix) or DRIFTSBOK_BROWSER_DOWNLOAD=0', () => {
    for (const env of [{ CHROMIUM_PATH: '/nowhere/chromium' }, { DRIFTSBOK_BROWSER_DOWNLOAD: '0' }]) {
      const m = machine(true);
      expect(() => ensureChromium(env, m)).toThrow(ChromiumNotFoundError);
      expect(m.calls).toEqual([]);
    }
  });

  it("downloads the lockfile's Playwright Chromium with Playwright's own installer", () => {
    const [node, cli, ...args] = installCommand();
    expect(node).toBe(process.execPath);
    expect(cli).toMatch(/node_modules\/playwright-core\/cli\.js$/);
    expect(args).toEqual(['install', 'chromium']);
  });
});

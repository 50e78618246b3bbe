import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSetting, readSettings, SETTING_NAMES, SettingError, settingDoc, settingProblems, withSettingsTable } from './settings.ts';
import { DriftsbokError } from './errors.ts';

describe('settings', () => {
  it('README.md carries the settings table made from the schema (node scripts/settings-table.ts writes it)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(withSettingsTable(readme) === readme, "README.md's settings table is out of date: run node scripts/settings-table.ts").toBe(
      true,
    );
  });

  it('documents every variable with a description', () => {
    for (const name of SETTING_NAMES) expect(settingDoc(name).description, name).toMatch(/\S/);
    // Every variable the code reads by name is in the schema.
    expect(SETTING_NAMES).toEqual(
      expect.arrayContaining([
        'DRIFTSBOK_PUBLIC_URL',
        'DRIFTSBOK_MERMAID_SPEEDUP',
        'DRIFTSBOK_DIST_DIR',
        'SOURCE_DATE_EPOCH',
        'CI',
        'CHROMIUM_PATH',
      ]),
    );
  });

  it('gives the defaults when nothing is set, and treats an empty or blank value as unset', () => {
    for (const env of [{}, Object.fromEntries(SETTING_NAMES.map((name) => [name, ' ']))]) {
      const s = readSettings(env);
      expect(s.DRIFTSBOK_MODEL_DIR).toBe('model');
      expect(s.DRIFTSBOK_CONTENT_DIR).toBeUndefined();
      expect(s.DRIFTSBOK_PROFILE).toBe('full');
      expect(s.DRIFTSBOK_MODEL_MAX_MB).toBe(4);
      expect(s.DRIFTSBOK_OFFLINE_BUDGET_MB).toBe(60);
      expect(s.DRIFTSBOK_BASE).toBe('/');
      expect(s.DRIFTSBOK_MERMAID_SPEEDUP).toBe(true);
      expect(s.DRIFTSBOK_BROWSER_DOWNLOAD).toBe(true);
      expect(s.SOURCE_DATE_EPOCH).toBeUndefined();
      expect(s.CI).toBe(false);
      expect(s.DRIFTSBOK_DIST_DIR).toBe('dist');
      expect(s.DRIFTSBOK_E2E_PORT).toBe(4322);
      expect(settingProblems(env)).toEqual([]);
    }
  });

  it('reads values, trimmed', () => {
    const s = readSettings({
      DRIFTSBOK_MODEL_MAX_MB: ' 12.5 ',
      DRIFTSBOK_BASE: 'driftsbok',
      SOURCE_DATE_EPOCH: '1764720000',
      DRIFTSBOK_MERMAID_SPEEDUP: '0',
      CI: 'true',
      DRIFTSBOK_DIAGRAM_PAGES: '99',
    });
    expect(s.DRIFTSBOK_MODEL_MAX_MB).toBe(12.5);
    expect(s.DRIFTSBOK_BASE).toBe('/driftsbok/');
    expect(s.SOURCE_DATE_EPOCH?.toISOString()).toBe('2025-12-03T00:00:00.000Z');
    expect(s.DRIFTSBOK_MERMAID_SPEEDUP).toBe(false);
    expect(s.CI).toBe(true);
    expect(s.DRIFTSBOK_DIAGRAM_PAGES).toBe(16);
    expect(readSettings({ CI: 'false' }).CI).toBe(false);
  });

  it('refuses a value that cannot be used, saying which variable, what is wrong and how to fix it', () => {
    const bad = {
      DRIFTSBOK_PROFILE: 'pub',
      DRIFTSBOK_MODEL_MAX_MB: 'lots',
      DRIFTSBOK_OFFLINE_BUDGET_MB: '-1',
      SOURCE_DATE_EPOCH: '2025-12-03',
      DRIFTSBOK_BASE: 'https://example.org/',
      DRIFTSBOK_MERMAID_SPEEDUP: 'off',
      DRIFTSBOK_E2E_PORT: '80000',
    };
    const problems = settingProblems(bad);
    expect(problems.map((p) => p.variable)).toEqual(
      Object.keys(bad).sort((a, b) => SETTING_NAMES.indexOf(a as never) - SETTING_NAMES.indexOf(b as never)),
    );
    for (const problem of problems) {
      expect(problem).toBeInstanceOf(DriftsbokError);
      expect(problem.message).toContain(problem.variable);
      expect(problem.message).toMatch(/\n {2}hint: \S/);
    }
    expect(() => readSetting(bad, 'DRIFTSBOK_PROFILE')).toThrow(SettingError);
    expect(() => readSettings(bad).DRIFTSBOK_PROFILE).toThrow('DRIFTSBOK_PROFILE must be "full" or "public", not "pub"');
    expect(() => readSettings(bad).DRIFTSBOK_MERMAID_SPEEDUP).toThrow(
      'DRIFTSBOK_MERMAID_SPEEDUP must be 0 or 1, got "off"\n  hint: DRIFTSBOK_MERMAID_SPEEDUP=0 turns the Mermaid speed patch off',
    );
    // A bad value fails where it is read, not where another setting is.
    expect(readSettings(bad).DRIFTSBOK_MODEL_DIR).toBe('model');
  });
});

describe('where settings are read', () => {
  it('every module reads them through readSettings, not from the environment by name', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : /\.(ts|mjs|astro)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
      });
    // A read, not an assignment (the build sets DRIFTSBOK_REVISION and DRIFTSBOK_PAGE_KEY for the pages).
    const read = new RegExp(String.raw`env\.(${SETTING_NAMES.join('|')})\b(?!\s*=[^=])`);
    const allowed = new Set([
      // The memo of the last value read compares the text as set (every link asks).
      'src/site/base.ts',
      // Gives the builds it starts a fixed date and revision unless the caller chose others.
      'src/bench/run.ts',
      'src/settings.ts',
    ]);
    const offenders = [...files('src'), ...files('scripts'), ...files('e2e'), 'astro.config.mjs', 'playwright.config.ts']
      .filter((file) => !allowed.has(file))
      .filter((file) => read.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

/**
 * Layers one way (issue 16). Every import in src/, scripts/, tests/, e2e/ and astro.config.mjs is
 * read with the TypeScript compiler's own import scanner (static, dynamic and type-only imports and
 * re-exports; an .astro file's frontmatter and scripts too), resolved, and checked against the
 * layer order: a module may import its own layer or a lower one, never a higher one.
 *
 *   0 src/model, src/settings.ts, src/errors.ts, src/revision.ts → 1 src/i18n → 2 src/analysis →
 *   3 src/diagrams, src/site, src/runbook, src/markdown, src/proxmox, src/offline, src/browser →
 *   4 src/bench, src/cli → 5 src/components, src/pages, src/content.config.ts, astro.config.mjs →
 *   6 scripts/, tests/, e2e/
 *
 * A test file beside the code (src/…/*.test.ts) tests its layer with whatever lower or higher
 * src/ code it needs, so the order does not bind it; but nothing in src/, tests included, imports
 * scripts/, tests/ or e2e/: library code belongs in src/. Nor do tests/ and e2e/ import scripts/:
 * a script is an entry point, and what a test needs of it lives in src/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Layer of each folder or file, longest prefix first wins. */
export const LAYERS: ReadonlyArray<readonly [string, number]> = [
  // The foundation every layer may use: settings (src/settings.ts), the error base class, the revision.
  ['src/settings.ts', 0],
  ['src/settings.test.ts', 0],
  ['src/errors.ts', 0],
  ['src/errors.test.ts', 0],
  ['src/revision.ts', 0],
  ['src/model/', 0],
  ['src/i18n/', 1],
  ['src/analysis/', 2],
  ['src/diagrams/', 3],
  ['src/site/', 3],
  ['src/runbook/', 3],
  ['src/markdown/', 3],
  ['src/proxmox/', 3],
  ['src/offline/', 3],
  ['src/browser/', 3],
  ['src/bench/', 4],
  // The commands' library code (npm run check), which reads the model, analysis, prose and site.
  ['src/cli/', 4],
  ['src/components/', 5],
  ['src/pages/', 5],
  ['src/content.config.ts', 5],
  ['astro.config.mjs', 5],
  ['scripts/', 6],
  ['tests/', 6],
  ['e2e/', 6],
];

/**
 * Backward imports that are known and owned elsewhere. Each names why and where it is fixed; the
 * test fails when one is no longer there, so the list cannot go stale.
 */
export const ALLOWED: ReadonlyArray<{ from: string; to: string; why: string }> = [];

const SOURCE = /\.(ts|mts|js|mjs|astro)$/;

function files(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    // Fixtures are data (models, snapshots, goldens), some of them broken on purpose (dangling links).
    if (entry.name === 'node_modules' || entry.name === 'fixtures' || entry.name.startsWith('.') || entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) out.push(...files(path));
    else if (SOURCE.test(entry.name)) out.push(path);
  }
  return out;
}

/** The code of a file that can import: all of a script, or an .astro file's frontmatter and <script> blocks. */
function code(path: string): string {
  const text = readFileSync(join(ROOT, path), 'utf8');
  if (!path.endsWith('.astro')) return text;
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [front, ...scripts].join('\n');
}

/** The repository-relative files a file imports (relative specifiers only: packages are not layers). */
export function importsOf(path: string): string[] {
  const info = ts.preProcessFile(code(path), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) =>
      relative(ROOT, resolve(ROOT, dirname(path), spec))
        .split('\\')
        .join('/'),
    );
}

export function layerOf(path: string): number | undefined {
  return LAYERS.find(([prefix]) => path === prefix || path.startsWith(prefix))?.[1];
}

const isTestBeside = (path: string) => path.startsWith('src/') && /\.(test|spec)\.ts$/.test(path);

export interface Violation {
  from: string;
  to: string;
  rule: string;
}

/** Every import that breaks the rules. */
export function violations(all: string[], read: (path: string) => string[] = importsOf): Violation[] {
  const found: Violation[] = [];
  for (const from of all) {
    const own = layerOf(from);
    for (const to of read(from)) {
      if (from.startsWith('src/') && /^(scripts|tests|e2e)\//.test(to)) {
        found.push({ from, to, rule: 'nothing in src/ imports scripts/, tests/ or e2e/' });
        continue;
      }
      if (/^(tests|e2e)\//.test(from) && to.startsWith('scripts/')) {
        found.push({ from, to, rule: 'tests import src/, not the scripts (entry points)' });
        continue;
      }
      const target = layerOf(to);
      if (own === undefined || target === undefined || isTestBeside(from)) continue;
      if (target > own) found.push({ from, to, rule: `layer ${own} imports layer ${target}` });
    }
  }
  return found;
}

const ALL = [...files('src'), ...files('scripts'), ...files('tests'), ...files('e2e'), 'astro.config.mjs'];

describe('layers', () => {
  it('reads imports of every kind, and knows the layer of every source file', () => {
    // The scanner sees static, type-only, dynamic imports and re-exports.
    const info = ts.preProcessFile(
      "import a from './a.ts';\nimport type { B } from './b.ts';\nexport * from './c.ts';\nconst d = await import('./d.ts');",
      true,
      true,
    );
    expect(info.importedFiles.map((f) => f.fileName)).toEqual(['./a.ts', './b.ts', './c.ts', './d.ts']);
    const unplaced = ALL.filter((path) => path.startsWith('src/') && layerOf(path) === undefined);
    // Top-level src/ files other than content.config.ts, and folders without a layer, must be placed.
    expect(unplaced.filter((p) => !p.startsWith('src/styles/') && !p.startsWith('src/content/'))).toEqual([]);
  });

  it('no module imports a higher layer, and src/ imports nothing from scripts/ or tests/', () => {
    const allowed = (v: Violation) => ALLOWED.some((a) => a.from === v.from && a.to === v.to);
    const broken = violations(ALL).filter((v) => !allowed(v));
    expect(broken.map((v) => `${v.from} → ${v.to} (${v.rule})`)).toEqual([]);
  });

  it('the allow-list names only imports that are still there', () => {
    const found = violations(ALL);
    const stale = ALLOWED.filter((a) => !found.some((v) => v.from === a.from && v.to === a.to));
    expect(stale).toEqual([]);
  });

  it('catches a backward import', () => {
    // The imports this issue removed: the integrity check used the analysis' graph; analysis tests
    // imported builders from tests/; the site owned the analysis' shortList.
    const imports: Record<string, string[]> = {
      'src/model/integrity.ts': ['src/analysis/graph.ts', 'src/model/refs.ts'],
      'src/analysis/propagate.test.ts': ['tests/analysis/helpers.ts', 'src/site/views.ts'],
      'src/runbook/assemble.ts': ['src/site/short-list.ts', 'src/analysis/explain.ts'],
      'scripts/check.ts': ['src/analysis/analyze.ts'],
      'tests/model/check-command.test.ts': ['scripts/check.ts'],
    };
    expect(violations(Object.keys(imports), (path) => imports[path] ?? [])).toEqual([
      { from: 'src/model/integrity.ts', to: 'src/analysis/graph.ts', rule: 'layer 0 imports layer 2' },
      { from: 'src/analysis/propagate.test.ts', to: 'tests/analysis/helpers.ts', rule: 'nothing in src/ imports scripts/, tests/ or e2e/' },
      { from: 'tests/model/check-command.test.ts', to: 'scripts/check.ts', rule: 'tests import src/, not the scripts (entry points)' },
    ]);
    expect(layerOf('astro.config.mjs')).toBe(5);
  });
});

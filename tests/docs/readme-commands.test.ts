/**
 * Every `npm run <script>` the README tells a reader to type exists in package.json: a command that
 * is not there is the first thing a new user trips over.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

describe('README commands', () => {
  it('names only npm scripts that package.json has', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const scripts = Object.keys(
      (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts,
    );
    const named = [...new Set([...readme.matchAll(/npm run ([a-z][\w:-]*)/g)].map((m) => m[1]!))];
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
  });
});

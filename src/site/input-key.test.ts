import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { siteInputKey } from './input-key.ts';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function project(): { root: string; key: (env?: NodeJS.ProcessEnv, extra?: string[]) => string } {
  root = mkdtempSync(join(tmpdir(), 'driftsbok-input-key-'));
  mkdirSync(join(root, 'model'));
  mkdirSync(join(root, 'content/entities/nb'), { recursive: true });
  mkdirSync(join(root, 'src/site'), { recursive: true });
  mkdirSync(join(root, 'src/content'), { recursive: true });
  mkdirSync(join(root, 'src/node_modules'));
  writeFileSync(join(root, 'model/site.yaml'), 'site:\n  title: A\n');
  writeFileSync(join(root, 'content/entities/nb/x.md'), 'prose');
  writeFileSync(join(root, 'src/site/page.ts'), 'export {}');
  symlinkSync(join(root, 'content'), join(root, 'src/content/docs'));
  const paths = ['model', 'content', 'src'].map((p) => join(root, p));
  return { root, key: (env = {}, extra = []) => siteInputKey({ root, paths, env, extra }) };
}

describe('siteInputKey', () => {
  it('is stable, and changes with the model, the prose, the code, a page setting or the renderer', () => {
    const p = project();
    const first = p.key();
    expect(p.key()).toBe(first);
    const changes: (() => void)[] = [
      () => writeFileSync(join(p.root, 'model/site.yaml'), 'site:\n  title: B\n'),
      () => writeFileSync(join(p.root, 'content/entities/nb/x.md'), 'prose, edited'),
      () => writeFileSync(join(p.root, 'src/site/page.ts'), 'export const x = 1;'),
      () => writeFileSync(join(p.root, 'model/hosts.yaml'), 'hosts: []\n'),
    ];
    const seen = new Set([first]);
    for (const change of changes) {
      change();
      const key = p.key();
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    const now = p.key();
    expect(p.key({ DRIFTSBOK_PROFILE: 'public' })).not.toBe(now);
    expect(p.key({ DRIFTSBOK_REVISION: 'abc123' })).not.toBe(now);
    expect(p.key({}, ['mermaid 12.3.1'])).not.toBe(now);
    // Settings pages do not read, and folders that are never inputs, change nothing.
    expect(p.key({ HOME: '/elsewhere' })).toBe(now);
    writeFileSync(join(p.root, 'src/node_modules/dep.js'), 'x');
    expect(p.key()).toBe(now);
  });

  it('counts a link that loops or leads nowhere instead of failing on it, and does not follow a folder link round in circles', () => {
    const p = project();
    symlinkSync('loop.yaml', join(p.root, 'model/loop.yaml'));
    symlinkSync('..', join(p.root, 'content/entities/up'));
    const first = p.key();
    symlinkSync('nowhere.yaml', join(p.root, 'model/power.yaml'));
    const second = p.key();
    expect(second).not.toBe(first);
    rmSync(join(p.root, 'model/power.yaml'));
    symlinkSync('elsewhere.yaml', join(p.root, 'model/power.yaml'));
    expect(p.key()).not.toBe(second);
  });
});

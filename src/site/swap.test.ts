import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { asideDir, recoverSwap, swapIntoPlace } from './swap.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function site(path: string, text: string): void {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'index.html'), text);
}

describe('the dist swap', () => {
  it('recovers the previous output after a process killed between the two renames', async () => {
    dir = mkdtempSync(join(tmpdir(), 'driftsbok-swap-'));
    const out = join(dir, 'dist');
    const fresh = join(dir, '.dist-tmp');
    site(out, 'old');
    site(fresh, 'new');
    const marker = join(dir, 'between');
    // A real process, killed with SIGKILL while it sits between the renames.
    const script = `import { swapIntoPlace } from ${JSON.stringify(new URL('./swap.ts', import.meta.url).href)};
      import { writeFileSync } from 'node:fs';
      swapIntoPlace(${JSON.stringify(fresh)}, ${JSON.stringify(out)}, () => { writeFileSync(${JSON.stringify(marker)}, ''); for (;;) {} });`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(marker)) {
          clearInterval(poll);
          resolve();
        }
      }, 20);
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    // What the kill left: no output, the old one aside (what issue 15 found, with a random name).
    expect(existsSync(out)).toBe(false);
    expect(existsSync(asideDir(out))).toBe(true);
    expect(recoverSwap(out)).toBe('restored');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old');
    // And the next swap goes through, leaving nothing behind.
    swapIntoPlace(fresh, out);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['between', 'dist']);
  }, 120_000);

  it('removes an old output left beside a new one that made it in', () => {
    dir = mkdtempSync(join(tmpdir(), 'driftsbok-swap-'));
    const out = join(dir, 'dist');
    site(out, 'new');
    site(asideDir(out), 'old');
    expect(recoverSwap(out)).toBe('cleaned');
    expect(existsSync(asideDir(out))).toBe(false);
    expect(recoverSwap(out)).toBeNull();
  });
});

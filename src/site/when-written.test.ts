import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { whenWritten, type PageWatch } from './when-written.ts';

const dirs: string[] = [];
const watches: PageWatch[] = [];
afterEach(() => {
  for (const watch of watches.splice(0)) watch.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'when-written-'));
  dirs.push(dir);
  return dir;
}

/** Resolves once the condition holds, looking every 10 ms (no deadline: vitest's own applies). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('whenWritten', () => {
  it('waits for every page, and for each to end with </html> and hold still, then calls back once', async () => {
    const dir = folder();
    const nb = join(dir, 'runbook/print/index.html');
    const en = join(dir, 'en/runbook/print/index.html');
    let calls = 0;
    const watch = whenWritten([nb, en], () => calls++, 5);
    watches.push(watch);

    mkdirSync(join(dir, 'runbook/print'), { recursive: true });
    writeFileSync(nb, '<!doctype html><html><body>half of it');
    await sleep(60);
    expect(calls).toBe(0); // one page, and that one not finished

    writeFileSync(nb, '<!doctype html><html><body>all of it</body></html>\n');
    await sleep(60);
    expect(calls).toBe(0); // the other page is not there yet

    mkdirSync(join(dir, 'en/runbook/print'), { recursive: true });
    writeFileSync(en, '<!doctype html><html><body>all</body></html>');
    await until(() => watch.fired);
    expect(calls).toBe(1);
    await sleep(40);
    expect(calls).toBe(1);
  });

  it('never calls back once stopped', async () => {
    const dir = folder();
    const page = join(dir, 'index.html');
    let calls = 0;
    const watch = whenWritten([page], () => calls++, 5);
    watch.stop();
    writeFileSync(page, '<html></html>');
    await sleep(60);
    expect(calls).toBe(0);
    expect(watch.fired).toBe(false);
  });
});

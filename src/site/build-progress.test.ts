import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildProgress, progressLine } from './build-progress.ts';

const GOLDEN = join(import.meta.dirname, '../../tests/fixtures/progress');

/** A recorded cold build: its events, at the times they came. */
function replay(isTTY: boolean): string {
  let t = 0;
  let written = '';
  const progress = new BuildProgress({ isTTY, columns: 60, write: (text) => (written += text) }, () => t);
  progress.stage('check');
  t = 310;
  progress.stage('pages and diagrams');
  progress.diagrams(0, 34);
  t = 2_000;
  progress.log('diagrams: 34 on the site, 34 to render');
  for (let done = 1; done <= 34; done += 11) {
    t += 900;
    progress.diagrams(done, 34);
  }
  t = 13_700;
  progress.tick();
  progress.stage('security policy');
  t = 13_950;
  progress.stage('PDFs and output scan');
  t = 17_100;
  progress.stage('offline app');
  progress.stage('swap');
  progress.end();
  return written;
}

/** The terminal's control sequences made visible, one write per line. */
const visible = (text: string) => text.replaceAll('\r', '<CR>').replaceAll('\x1b[2K', '<CLEAR>').replaceAll('<CR><CLEAR>', '\n<CR><CLEAR>');

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('build progress', () => {
  it('on a terminal: one line rewritten in place, log lines above it (golden)', () => {
    golden('terminal.txt', visible(replay(true)));
  });

  it('elsewhere (CI, a pipe): writes nothing, the plain log is the progress', () => {
    expect(replay(false)).toBe('');
  });

  it('cuts the line to the terminal width', () => {
    const line = progressLine({ stage: 'PDFs and output scan', index: 4, total: 6, diagrams: { done: 34, of: 34 }, elapsedMs: 15_300 }, 30);
    expect(line).toHaveLength(29);
    expect(line.endsWith('…')).toBe(true);
  });
});

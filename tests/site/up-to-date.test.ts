import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isUpToDate, outputManifest, readBuildRecord, writeBuildRecord } from '../../src/site/up-to-date.ts';

let dir = '';
let out = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'driftsbok-up-to-date-'));
  out = join(dir, 'dist');
  mkdirSync(join(out, 'en'), { recursive: true });
  writeFileSync(join(out, 'index.html'), '<h1>Hei</h1>');
  writeFileSync(join(out, 'en', 'index.html'), '<h1>Hi</h1>');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('skipping an unchanged build', () => {
  it('is up to date only for the same key, the same folder and the output as it was left', () => {
    const file = join(dir, 'record.json');
    writeBuildRecord(file, { key: 'k1', outDir: out, manifest: outputManifest(out) });
    const record = readBuildRecord(file);
    expect(isUpToDate(record, 'k1', out)).toBe(true);
    expect(isUpToDate(record, 'k2', out)).toBe(false);
    expect(isUpToDate(record, 'k1', join(dir, 'other'))).toBe(false);
    expect(isUpToDate(undefined, 'k1', out)).toBe(false);
  });

  it('notices a file edited (even to the same size), added or removed', () => {
    const file = join(dir, 'record.json');
    const again = () => {
      writeBuildRecord(file, { key: 'k', outDir: out, manifest: outputManifest(out) });
      return readBuildRecord(file);
    };
    let record = again();
    writeFileSync(join(out, 'index.html'), '<h1>Hey</h1>');
    utimesSync(join(out, 'index.html'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(isUpToDate(record, 'k', out)).toBe(false);
    record = again();
    writeFileSync(join(out, 'en', 'extra.html'), 'x');
    expect(isUpToDate(record, 'k', out)).toBe(false);
    record = again();
    rmSync(join(out, 'en'), { recursive: true });
    expect(isUpToDate(record, 'k', out)).toBe(false);
    record = again();
    rmSync(out, { recursive: true });
    expect(isUpToDate(record, 'k', out)).toBe(false);
  });

  it('reads a missing or damaged record as none', () => {
    expect(readBuildRecord(join(dir, 'missing.json'))).toBeUndefined();
    writeFileSync(join(dir, 'bad.json'), '{"key": 1');
    expect(readBuildRecord(join(dir, 'bad.json'))).toBeUndefined();
    writeFileSync(join(dir, 'partial.json'), '{"key": "k"}');
    expect(readBuildRecord(join(dir, 'partial.json'))).toBeUndefined();
  });
});

import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../model/load-model.ts';
import { codeSpans, coverLine, findingsFor, formatComparedAt, siteDrift } from './drift-view.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'proxmox');

function modelWithSnapshot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'driftsbok-site-drift-'));
  cpSync(join(FIXTURES, 'cluster-model-sparse'), dir, { recursive: true });
  cpSync(join(FIXTURES, 'cluster'), join(dir, 'observed'), { recursive: true });
  return dir;
}

describe('drift on the site', () => {
  it('says "never" without model/observed/, on the page and on the runbook cover', () => {
    const dir = join(import.meta.dirname, '..', '..', 'model');
    const loaded = loadModel(dir);
    if (!loaded.ok) throw new Error('model');
    const drift = siteDrift(dir, loaded.model, 'full');
    expect(drift).toEqual({ state: 'never' });
    expect(coverLine(drift, 'nb')).toBe('Modellen er aldri sammenlignet med Proxmox.');
    expect(coverLine(drift, 'en')).toBe('The model has never been compared with Proxmox.');
  });

  it('compares with the committed snapshot, per entity, and the public profile leaves out IP findings', () => {
    const dir = modelWithSnapshot();
    const loaded = loadModel(dir);
    if (!loaded.ok) throw new Error('model');
    const full = siteDrift(dir, loaded.model, 'full');
    expect(full.state).toBe('compared');
    expect(findingsFor(full, 'guest', 'dns').map((f) => f.field)).toEqual(['cores', 'diskGb', 'ip', 'memoryMb', 'onboot', 'startupOrder', 'tags']);
    expect(findingsFor(full, 'guest', 'mqtt')).toEqual([]);
    const pub = siteDrift(dir, loaded.model, 'public');
    expect(findingsFor(pub, 'guest', 'dns').map((f) => f.field)).not.toContain('ip');
    expect(pub.state === 'compared' && pub.counts.info).toBe(6);
    expect(coverLine(full, 'nb')).toBe('Modellen ble sist sammenlignet med Proxmox 30. november 2026 kl. 06:00 UTC.');
    expect(coverLine(full, 'en')).toBe('The model was last compared with Proxmox 30 November 2026, 06:00 UTC.');
  });

  it('says when the time of a snapshot is not known', () => {
    expect(formatComparedAt(undefined, 'nb')).toBe('på et ukjent tidspunkt');
  });
});

describe('codeSpans', () => {
  it('separates `code` from text, and leaves a lone backtick as text', () => {
    expect(codeSpans('Set `cores: 4` at x, or `pct start 1`.')).toEqual([
      { code: false, text: 'Set ' },
      { code: true, text: 'cores: 4' },
      { code: false, text: ' at x, or ' },
      { code: true, text: 'pct start 1' },
      { code: false, text: '.' },
    ]);
    expect(codeSpans('a ` b')).toEqual([{ code: false, text: 'a ` b' }]);
  });
});

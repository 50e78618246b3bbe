import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
    expect(findingsFor(full, 'guest', 'dns').map((f) => f.field)).toEqual([
      'cores',
      'diskGb',
      'ip',
      'memoryMb',
      'onboot',
      'startupOrder',
      'tags',
    ]);
    expect(findingsFor(full, 'guest', 'mqtt')).toEqual([]);
    const pub = siteDrift(dir, loaded.model, 'public');
    expect(findingsFor(pub, 'guest', 'dns').map((f) => f.field)).not.toContain('ip');
    expect(pub.state === 'compared' && pub.counts.info).toBe(6);
    expect(coverLine(full, 'nb')).toBe('Modellen ble sist sammenlignet med Proxmox 30. november 2026 kl. 06:00 UTC.');
    expect(coverLine(full, 'en')).toBe('The model was last compared with Proxmox 30 November 2026, 06:00 UTC.');
  });

  it('the public profile shows nothing about what it withholds: no finding about, or naming, a sensitive guest or host', () => {
    const dir = modelWithSnapshot();
    const mark = (file: string, line: string) => {
      const path = join(dir, file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(line, `${line}\n    sensitive: true`));
    };
    mark('guests.yaml', '    name: dns');
    mark('hosts.yaml', '    name: pve3');
    // mqtt moved to pve3 since: that finding names the sensitive host.
    const resourcesFile = join(dir, 'observed', 'cluster-resources.json');
    const resources = JSON.parse(readFileSync(resourcesFile, 'utf8')) as Array<Record<string, unknown>>;
    for (const r of resources) if (r.vmid === 101) r.node = 'pve3';
    writeFileSync(resourcesFile, JSON.stringify(resources));
    const loaded = loadModel(dir);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const full = siteDrift(dir, loaded.model, 'full');
    if (full.state !== 'compared') throw new Error('compared');
    const texts = (drift: typeof full) => drift.findings.map((f) => [f.message.nb, f.message.en, f.fix.nb, f.fix.en].join(' '));
    expect(texts(full).some((text) => /\bdns\b/.test(text))).toBe(true);
    expect(texts(full).some((text) => /\bpve3\b/.test(text))).toBe(true);
    const pub = siteDrift(dir, loaded.model, 'public');
    if (pub.state !== 'compared') throw new Error('compared');
    expect(findingsFor(pub, 'guest', 'dns')).toEqual([]);
    expect(findingsFor(pub, 'host', 'pve3')).toEqual([]);
    for (const text of texts(pub)) expect(text).not.toMatch(/\b(dns|pve3|192\.0\.2\.\d+)\b/);
    expect(pub.withheld).toBe(full.findings.length - pub.findings.length);
    expect(pub.withheld).toBeGreaterThan(0);
    expect(pub.counts.drift + pub.counts.unknown + pub.counts.info).toBe(pub.findings.length);
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

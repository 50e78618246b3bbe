/**
 * scripts/proxmox-snapshot.sh with a stand-in `pvesh` that prints the cluster fixture's answers:
 * the folder it writes reads back exactly like the fixture, private config keys are dropped, the HA
 * groups (PVE 8) or rules (PVE 9) are saved where the host has them, and a failing pvesh leaves the
 * previous snapshot untouched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/proxmox/answers.ts';
import { readSnapshotDir } from '../../src/proxmox/snapshot-dir.ts';
import { observe } from '../../src/proxmox/observed.ts';
import { CLUSTER, pve9Snapshot } from './helpers.ts';

const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'proxmox-snapshot.sh');

/**
 * A stand-in pvesh answering from `from` (the cluster fixture: PVE 8, with HA groups and no HA
 * rules). What `from` has no file for fails as pvesh does for a path the host lacks.
 */
function fakePvesh(failOn?: string, from = CLUSTER): string {
  const bin = mkdtempSync(join(tmpdir(), 'driftsbok-pvesh-'));
  const files: Record<string, string> = {
    '/cluster/resources': 'cluster-resources.json',
    '/cluster/status': 'cluster-status.json',
    '/storage': 'storage.json',
    '/cluster/ha/resources': 'ha-resources.json',
    '/cluster/ha/groups': 'ha-groups.json',
    '/cluster/ha/rules': 'ha-rules.json',
    '/version': 'version.json',
  };
  const cases = Object.entries(files)
    .map(([path, file]) =>
      existsSync(join(from, file))
        ? `  ${path}) cat '${join(from, file)}' ;;`
        : path === '/cluster/ha/groups'
          ? `  ${path}) echo 'cannot index groups: ha groups have been migrated to rules' >&2; exit 255 ;;`
          : `  ${path}) echo "no such path '${path}'" >&2; exit 255 ;;`,
    )
    .join('\n');
  writeFileSync(
    join(bin, 'pvesh'),
    `#!/bin/sh
[ "$1" = get ] && [ "$3" = --output-format ] && [ "$4" = json ] || { echo "bad call: $*" >&2; exit 9; }
[ "$2" = '${failOn ?? '-'}' ] && { echo "403 Permission check failed" >&2; exit 1; }
case "$2" in
${cases}
  /nodes/*/config) f='${from}'"$(dirname "$2")/config.json"; [ -f "$f" ] && cat "$f" || exit 1 ;;
  *) exit 1 ;;
esac
`,
  );
  chmodSync(join(bin, 'pvesh'), 0o755);
  return bin;
}

const run = (bin: string, out: string) =>
  spawnSync('sh', [SCRIPT, out], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }, encoding: 'utf8' });

describe('scripts/proxmox-snapshot.sh', () => {
  it('writes a folder that reads back like the answers it was given, without private config keys', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'driftsbok-snap-')), 'observed');
    const r = run(fakePvesh(), out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`proxmox-snapshot: wrote ${out} (6 guest configs)\n`);
    const fromScript = observe(parseAnswers(readSnapshotDir(out)));
    const fromFixture = observe(parseAnswers(readSnapshotDir(CLUSTER)));
    expect(JSON.stringify({ ...fromScript, source: null, takenAt: null })).toBe(
      JSON.stringify({ ...fromFixture, source: null, takenAt: null }),
    );
    expect(fromScript.takenAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const config = JSON.parse(readFileSync(join(out, 'nodes/pve1/qemu/200/config.json'), 'utf8'));
    expect(config).not.toHaveProperty('smbios1');
    expect(config).not.toHaveProperty('vmgenid');
    expect(config.memory).toBe('4096');
  });

  it('saves the HA groups of PVE 8 and the HA rules of PVE 9; the endpoint a release lacks is left out, not a failure', () => {
    const pve8 = join(mkdtempSync(join(tmpdir(), 'driftsbok-snap-')), 'observed');
    const r8 = run(fakePvesh(), pve8);
    expect([r8.status, r8.stderr]).toEqual([0, '']);
    expect(existsSync(join(pve8, 'ha-groups.json'))).toBe(true);
    expect(existsSync(join(pve8, 'ha-rules.json'))).toBe(false);
    const pve9 = join(mkdtempSync(join(tmpdir(), 'driftsbok-snap-')), 'observed');
    const r9 = run(fakePvesh(undefined, pve9Snapshot()), pve9);
    expect([r9.status, r9.stderr]).toEqual([0, '']);
    expect(existsSync(join(pve9, 'ha-groups.json'))).toBe(false);
    expect(observe(parseAnswers(readSnapshotDir(pve9))).ha.map((h) => [h.sid, h.allowedNodes, h.preferredNode])).toEqual([
      ['ct:101', undefined, 'pve2'],
      ['vm:200', ['pve1', 'pve2'], 'pve1'],
    ]);
  });

  it('a failing pvesh leaves the previous snapshot as it was, and exits 2', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'driftsbok-snap-')), 'observed');
    mkdirSync(out);
    writeFileSync(join(out, 'cluster-resources.json'), '[]\n');
    const r = run(fakePvesh('/version'), out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('proxmox-snapshot: pvesh get /version failed; nothing was replaced');
    expect(readFileSync(join(out, 'cluster-resources.json'), 'utf8')).toBe('[]\n');
    expect(
      execFileSync('ls', ['-a', join(out, '..')], { encoding: 'utf8' })
        .split('\n')
        .filter((f) => f.includes('partial')),
    ).toEqual([]);
    expect(existsSync(join(out, 'version.json'))).toBe(false);
  });
});

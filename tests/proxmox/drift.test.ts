import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport, reportJson } from '../../src/proxmox/report.ts';
import type { DriftFinding } from '../../src/proxmox/drift.ts';
import { CLUSTER, CLUSTER_MODEL, FIXTURES, SAGHAUGEN, SAGHAUGEN_MODEL, compare, guest, pve9Snapshot, rawWith } from './helpers.ts';

const brief = (f: DriftFinding) => [f.type, f.vmid ?? f.storage ?? f.node, f.field ?? null, f.model ?? null, f.observed ?? null];
const findings = (change: Parameters<typeof rawWith>[1]) => compare(rawWith(CLUSTER, change), CLUSTER_MODEL).findings;

describe('drift between the model and Proxmox', () => {
  it('finds none on the clean fixtures (Saghaugen against model/, the cluster against its model)', () => {
    const saghaugen = compare(rawWith(SAGHAUGEN), SAGHAUGEN_MODEL);
    expect(saghaugen.findings).toEqual([]);
    const cluster = compare(rawWith(CLUSTER), CLUSTER_MODEL);
    expect(cluster.findings).toEqual([]);
    expect(cluster.counts).toEqual({ drift: 0, unknown: 0, info: 0 });
  });

  it('a guest missing from the model, with where to add it', () => {
    const [f, ...rest] = findings({
      resources: (r) => [...r, { id: 'lxc/150', type: 'lxc', vmid: 150, node: 'pve3', name: 'new-one', status: 'running', template: 0 }],
    });
    expect(rest).toEqual([]);
    expect(brief(f!)).toEqual(['missing-from-model', 150, null, null, { name: 'new-one', kind: 'lxc', node: 'pve3', status: 'running' }]);
    expect(f!.file).toMatch(/cluster-model\/guests\.yaml$/);
    expect(f!.fix.en).toContain('`vmid: 150`, `kind: lxc`, `host: pve3`');
  });

  it('templates are not guests to document', () => {
    expect(
      findings({
        resources: (r) => [...r, { id: 'qemu/9001', type: 'qemu', vmid: 9001, node: 'pve1', name: 'tpl', status: 'stopped', template: 1 }],
      }),
    ).toEqual([]);
  });

  it('a guest missing from Proxmox, pointing at its entry', () => {
    const [f, ...rest] = findings({ resources: guest(201, () => undefined), config: { 201: () => undefined } });
    expect(rest).toEqual([]);
    expect(brief(f!)).toEqual(['missing-from-proxmox', 201, null, null, null]);
    expect(`${f!.file}:${f!.line}`).toMatch(/cluster-model\/guests\.yaml:58$/);
    expect(f!.severity).toBe('drift');
  });

  it('renamed: same VMID, new name (not a deletion and an addition)', () => {
    const all = findings({ resources: guest(101, (g) => ({ ...g, name: 'broker' })) });
    expect(all.map(brief)).toEqual([['renamed', 101, 'name', 'mqtt', 'broker']]);
    expect(all[0]!.line).toBe(19);
  });

  it('moved to another node', () => {
    const all = findings({ resources: guest(200, (g) => ({ ...g, node: 'pve3' })) });
    expect(all.map(brief)).toEqual([['moved', 200, 'host', 'pve1', 'pve3']]);
    expect(all[0]!.fix.en).toMatch(/^Set `host: pve3` at .*guests\.yaml:45\.$/);
  });

  it('kind changed: the VMID now belongs to a container', () => {
    const all = findings({ resources: guest(201, (g) => ({ ...g, type: 'lxc', id: 'lxc/201' })), config: { 201: () => undefined } });
    expect(all.map(brief)).toEqual([['kind-changed', 201, 'kind', 'qemu', 'lxc']]);
  });

  it('memory, cores and disk changed', () => {
    const all = findings({
      resources: guest(201, (g) => ({ ...g, maxmem: 16384 * 1024 ** 2 })),
      config: { 201: (c) => ({ ...c, memory: '16384', cores: 6, scsi0: c.scsi0.replace('size=64G', 'size=128G') }) },
    });
    expect(all.map(brief)).toEqual([
      ['changed', 201, 'cores', 4, 6],
      ['changed', 201, 'diskGb', 64, 128],
      ['changed', 201, 'memoryMb', 8192, 16384],
    ]);
    expect(all.map((f) => f.line)).toEqual([64, 66, 65]);
  });

  it('running vs stopped, against the model, with the command to start it', () => {
    const all = findings({ resources: guest(100, (g) => ({ ...g, status: 'stopped' })) });
    expect(all.map(brief)).toEqual([['status-changed', 100, 'status', 'running', 'stopped']]);
    expect(all[0]!.fix.en).toContain('or start it: `pct start 100`');
    // `unknown` (no RRD data, node offline) is not a change of status.
    expect(findings({ resources: guest(100, (g) => ({ ...g, status: 'unknown' })) })).toEqual([]);
  });

  it('tags, onboot, startup order and IPs', () => {
    const all = findings({
      resources: guest(100, (g) => ({ ...g, tags: 'infra;DNS;primary' })),
      config: {
        100: (c) => ({ ...c, tags: 'infra;DNS;primary', onboot: 0, startup: 'order=5', net0: c.net0.replace('192.0.2.53', '192.0.2.54') }),
      },
    });
    expect(all.map(brief)).toEqual([
      ['changed', 100, 'ip', '192.0.2.53', '192.0.2.54'],
      ['changed', 100, 'onboot', true, false],
      ['changed', 100, 'startupOrder', 1, 5],
      ['changed', 100, 'tags', ['dns', 'infra'], ['dns', 'infra', 'primary']],
    ]);
  });

  it('addresses written as reach.ips (which ip is shorthand for) count as documented', () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftsbok-reach-'));
    cpSync(CLUSTER_MODEL, dir, { recursive: true });
    const file = join(dir, 'guests.yaml');
    const original = readFileSync(file, 'utf8');
    expect(original).toContain('    ip: 192.0.2.53\n');
    writeFileSync(file, original.replace('    ip: 192.0.2.53\n', '    reach:\n      ips: [192.0.2.9, 192.0.2.53]\n'));
    expect(compare(rawWith(CLUSTER), dir).findings).toEqual([]);
    const moved = compare(
      rawWith(CLUSTER, { config: { 100: (c) => ({ ...c, net0: c.net0.replace('192.0.2.53', '192.0.2.54') }) } }),
      dir,
    ).findings;
    expect(moved.map(brief)).toEqual([['changed', 100, 'ip', ['192.0.2.9', '192.0.2.53'], '192.0.2.54']]);
    const reachLine = readFileSync(file, 'utf8').split('\n').indexOf('    reach:') + 1;
    expect(moved[0]!.line).toBe(reachLine);
    expect(moved[0]!.fix.en).toMatch(/^Put "?192\.0\.2\.54"? first in `reach\.ips` at .*guests\.yaml:\d+/);
  });

  describe('HA groups (PVE 8) and node-affinity rules (PVE 9) against ha.group and ha.preferred', () => {
    /** The cluster model with a cluster, and vm 200 HA-managed as the model writes it. */
    const withHa = (ha: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'driftsbok-ha-'));
      cpSync(CLUSTER_MODEL, dir, { recursive: true });
      writeFileSync(join(dir, 'clusters.yaml'), 'clusters:\n  - id: fjellet\n    name: fjellet\n    nodes: [pve1, pve2, pve3]\n');
      const file = join(dir, 'guests.yaml');
      const text = readFileSync(file, 'utf8').replace(/( {4}vmid: 200\n(?:.*\n)? {4}host: pve1\n)/, `$1    ha: ${ha}\n`);
      expect(text).toContain(`    ha: ${ha}\n`);
      writeFileSync(file, text);
      return { dir, line: text.split('\n').indexOf(`    ha: ${ha}`) + 1 };
    };

    it('the same nodes and preferred node: nothing (from groups and from rules)', () => {
      const { dir } = withHa('{cluster: fjellet, group: [pve2, pve1], preferred: pve1}');
      expect(compare(rawWith(CLUSTER), dir).findings).toEqual([]);
      expect(compare(rawWith(pve9Snapshot()), dir).findings).toEqual([]);
    });

    it('a group that differs is drift, at the line of ha.group, in both languages', () => {
      const { dir, line } = withHa('{cluster: fjellet, group: [pve1, pve3], preferred: pve1}');
      const all = compare(rawWith(CLUSTER), dir).findings;
      expect(all.map(brief)).toEqual([['changed', 200, 'ha.group', ['pve1', 'pve3'], ['pve1', 'pve2']]]);
      expect(all[0]!.severity).toBe('drift');
      expect(all[0]!.line).toBe(line);
      expect(all[0]!.column).toBe(28);
      expect(all[0]!.message.en).toBe('VM 200 (homeassistant): ha.group is [pve1, pve2] in Proxmox but [pve1, pve3] in the model.');
      expect(all[0]!.message.nb).toBe('VM 200 (homeassistant): ha.group er [pve1, pve2] i Proxmox, men [pve1, pve3] i modellen.');
      expect(all[0]!.fix.en).toMatch(new RegExp(`^Set \`ha.group: \\[pve1, pve2\\]\` at .*guests\\.yaml:${line} `));
    });

    it('a group where Proxmox lets the guest run on any node, and a preferred node Proxmox does not have', () => {
      const { dir } = withHa('{cluster: fjellet, group: [pve1, pve2], preferred: pve1}');
      // The group is no longer restricted, and both nodes have the same priority.
      const groups = JSON.parse(readFileSync(join(CLUSTER, 'ha-groups.json'), 'utf8'));
      groups[1] = { ...groups[1], restricted: 0, nodes: 'pve1,pve2' };
      const all = compare(rawWith(CLUSTER, { answer: { name: 'haGroups', json: groups } }), dir).findings;
      expect(all.map(brief)).toEqual([
        ['changed', 200, 'ha.group', ['pve1', 'pve2'], null],
        ['changed', 200, 'ha.preferred', 'pve1', null],
      ]);
      expect(all[0]!.message.en).toBe(
        "VM 200 (homeassistant): Proxmox lets it run on any node of the cluster (HA group pair is not restricted), but the model's ha.group allows only [pve1, pve2].",
      );
      expect(all[0]!.message.nb).toBe(
        'VM 200 (homeassistant): Proxmox lar den kjøre på hvilken som helst node i klyngen (HA-gruppen pair er ikke «restricted»), men ifølge modellens ha.group bare på [pve1, pve2].',
      );
      expect(all[0]!.fix.en).toMatch(/^Remove `group` from `ha` at .*guests\.yaml:\d+ /);
      expect(all[1]!.message.en).toBe(
        'VM 200 (homeassistant): Proxmox prefers no one node (several nodes share the highest priority in HA group pair), but the model says ha.preferred = pve1.',
      );
      expect(all[1]!.message.nb).toContain('flere noder deler høyeste prioritet i HA-gruppen pair');
    });

    it('a preferred node that differs (PVE 9 rule), and a guest no rule names', () => {
      const { dir } = withHa('{cluster: fjellet, group: [pve1, pve2], preferred: pve2}');
      const snap = pve9Snapshot();
      expect(compare(rawWith(snap), dir).findings.map(brief)).toEqual([['changed', 200, 'ha.preferred', 'pve2', 'pve1']]);
      const rules = JSON.parse(readFileSync(join(snap, 'ha-rules.json'), 'utf8')).filter(
        (r: { rule: string }) => r.rule !== 'ha-group-pair',
      );
      const free = compare(rawWith(snap, { answer: { name: 'haRules', json: rules } }), dir).findings;
      expect(free.map(brief)).toEqual([
        ['changed', 200, 'ha.group', ['pve1', 'pve2'], null],
        ['changed', 200, 'ha.preferred', 'pve2', null],
      ]);
      expect(free[0]!.message.en).toContain('(no HA group or rule applies to it)');
    });

    it("a model group of every node of the cluster is the same as Proxmox's any node", () => {
      const { dir } = withHa('{cluster: fjellet, group: [pve1, pve2, pve3]}');
      const groups = JSON.parse(readFileSync(join(CLUSTER, 'ha-groups.json'), 'utf8'));
      groups[1] = { ...groups[1], restricted: 0 };
      expect(compare(rawWith(CLUSTER, { answer: { name: 'haGroups', json: groups } }), dir).findings.map(brief)).toEqual([
        ['not-documented', 200, 'ha.preferred', null, 'pve1'],
      ]);
    });

    it('without the groups and rules in the answers, nothing is said about them', () => {
      const { dir } = withHa('{cluster: fjellet, group: [pve1, pve3], preferred: pve3}');
      expect(compare(rawWith(CLUSTER, { drop: ['haGroups'] }), dir).findings).toEqual([]);
      expect(compare(rawWith(pve9Snapshot(), { drop: ['haRules'] }), dir).findings).toEqual([]);
    });
  });

  it('storage usage beyond a point, and storage missing on either side', () => {
    const all = findings({
      resources: (r) =>
        r
          .map((x) => (x.storage === 'local' && x.node === 'pve1' ? { ...x, disk: 55 * 1024 ** 3 } : x))
          .map((x) => (x.storage === 'local-lvm' ? { ...x, disk: 200.5 * 1024 ** 3 } : x)) // 25.06 %: within a point
          .filter((x) => x.storage !== 'ceph-vm')
          .concat([
            { id: 'storage/pve2/nas', type: 'storage', storage: 'nas', node: 'pve2', plugintype: 'nfs', status: 'available', shared: 1 },
          ]),
    });
    expect(all.map(brief)).toEqual([
      ['missing-from-proxmox', 'ceph-vm', null, null, null],
      ['changed', 'local', 'usedPercent', 20, 55],
      ['missing-from-model', 'nas', null, null, { storage: 'nas', nodes: ['pve2'], type: 'nfs' }],
    ]);
  });

  it('a node missing from the model, and a host missing from Proxmox', () => {
    const all = findings({
      resources: (r) => r.map((x) => (x.type === 'node' && x.node === 'pve3' ? { ...x, node: 'pve4', id: 'node/pve4' } : x)),
    });
    expect(all.filter((f) => f.entity === 'host').map(brief)).toEqual([
      ['missing-from-proxmox', 'pve3', null, null, null],
      ['missing-from-model', 'pve4', null, null, { node: 'pve4', status: 'online' }],
    ]);
  });

  it('a value Proxmox has and the model leaves out is "not documented", offered, not drift', () => {
    const report = compare(rawWith(CLUSTER), join(FIXTURES, 'cluster-model-sparse'));
    expect(report.counts.drift).toBe(0);
    expect(report.findings.map(brief)).toEqual([
      ['not-documented', 100, 'cores', null, 1],
      ['not-documented', 100, 'diskGb', null, 8],
      ['not-documented', 100, 'ip', null, '192.0.2.53'],
      ['not-documented', 100, 'memoryMb', null, 512],
      ['not-documented', 100, 'onboot', null, true],
      ['not-documented', 100, 'startupOrder', null, 1],
      ['not-documented', 100, 'tags', null, ['dns', 'infra']],
    ]);
    expect(report.findings[0]!.fix.en).toMatch(/^Add `cores: 1` to the entry starting at .*guests\.yaml:3, if it should be documented\.$/);
  });

  describe('a token that cannot see everything', () => {
    it('no guests and no storage in the answer: unknown, not deleted', () => {
      const report = compare(rawWith(CLUSTER, { resources: (r) => r.filter((x) => x.type === 'node' || x.type === 'sdn') }), CLUSTER_MODEL);
      expect(report.counts).toEqual({ drift: 0, unknown: 8, info: 0 });
      expect(report.findings.every((f) => f.type === 'not-visible')).toBe(true);
      expect(report.notes.map((n) => n.en)).toEqual([
        'The answer lists no guests, but nodes that are online. A token without VM.Audit sees no guests, so they count as unknown, not deleted.',
        'The answer lists no storage. A token without Datastore.Audit sees none, so storage counts as unknown, not deleted.',
      ]);
    });

    it("with /access/permissions: guests outside the token's rights are unknown, the rest are compared", () => {
      const permissions = {
        '/': { 'Sys.Audit': 1 },
        '/vms/100': { 'VM.Audit': 1 },
        '/vms/101': { 'VM.Audit': 1 },
        '/storage': { 'Datastore.Audit': 1 },
      };
      const report = compare(rawWith(CLUSTER, { resources: (r) => r.filter((x) => !(x.vmid >= 102)), permissions }), CLUSTER_MODEL);
      expect(report.findings.map(brief)).toEqual([
        ['not-visible', 102, null, null, null],
        ['not-visible', 200, null, null, null],
        ['not-visible', 201, null, null, null],
      ]);
      expect(report.notes[0]!.en).toMatch(/^The token lacks VM\.Audit on \/vms/);
      // With the right to see it, a missing guest is missing.
      const full = { '/': { 'VM.Audit': 1, 'Datastore.Audit': 1, 'Sys.Audit': 1 } };
      expect(
        compare(rawWith(CLUSTER, { resources: guest(102, () => undefined), permissions: full }), CLUSTER_MODEL).findings.map(brief),
      ).toEqual([['missing-from-proxmox', 102, null, null, null]]);
    });
  });

  it('the readable report, in both languages (golden)', () => {
    const report = compare(
      rawWith(CLUSTER, {
        resources: (r) =>
          guest(101, (g) => ({ ...g, name: 'broker', status: 'stopped' }))(r)
            .concat([{ id: 'lxc/150', type: 'lxc', vmid: 150, node: 'pve3', name: 'new-one', status: 'running', template: 0 }])
            .filter((x) => x.vmid !== 201),
        config: { 201: () => undefined, 100: (c) => ({ ...c, cores: 2 }) },
      }),
      join(FIXTURES, 'cluster-model-sparse'),
    );
    for (const lang of ['nb', 'en'] as const) {
      const text = formatReport(report, lang).replaceAll(FIXTURES, '<fixtures>') + '\n';
      const golden = join(FIXTURES, 'golden', `drift-report.${lang}.txt`);
      if (process.env.UPDATE || !existsSync(golden)) {
        mkdirSync(join(FIXTURES, 'golden'), { recursive: true });
        writeFileSync(golden, text);
      }
      expect(text).toBe(readFileSync(golden, 'utf8'));
    }
    const json = JSON.parse(reportJson(report, 'en'));
    expect(Object.keys(json)).toEqual(['source', 'takenAt', 'counts', 'notes', 'findings']);
    expect(json.findings[0]).toMatchObject({ type: 'renamed', vmid: 101, field: 'name', model: 'mqtt', observed: 'broker' });
    expect(
      json.findings.every((f: Record<string, unknown>) =>
        ['type', 'field', 'model', 'observed', 'file', 'line', 'fix'].every((k) => k in f),
      ),
    ).toBe(true);
  });
});

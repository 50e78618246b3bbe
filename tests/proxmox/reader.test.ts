import { mkdtempSync, readFileSync, writeFileSync, cpSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswers, ProxmoxReadError, MAX_ANSWER_BYTES } from '../../src/proxmox/answers.ts';
import { readSnapshotDir } from '../../src/proxmox/snapshot-dir.ts';
import { observe } from '../../src/proxmox/observed.ts';
import { CLUSTER, SAGHAUGEN, pve9Snapshot } from './helpers.ts';

const read = (dir: string) => observe(parseAnswers(readSnapshotDir(dir)));

function copyOf(dir: string): string {
  const out = mkdtempSync(join(tmpdir(), 'driftsbok-snapshot-'));
  cpSync(dir, out, { recursive: true });
  return out;
}

function error(fn: () => unknown): ProxmoxReadError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProxmoxReadError) return e;
    throw e;
  }
  throw new Error('expected a ProxmoxReadError');
}

describe('reading Proxmox JSON', () => {
  it('reads the single-node Saghaugen fixture: 16 guests on pve-core, tags split, memory in MiB from bytes', () => {
    const seen = read(SAGHAUGEN);
    expect(seen.nodes.map((n) => [n.name, n.status, n.ip])).toEqual([['pve-core', 'online', '10.12.0.205']]);
    expect(seen.guests).toHaveLength(16);
    expect(seen.version).toBe('8.3.0');
    expect(seen.cluster).toBeUndefined();
    const ha = seen.guests.find((g) => g.vmid === 103)!;
    expect(ha).toMatchObject({
      kind: 'qemu',
      name: 'homeassistant',
      status: 'running',
      memoryMb: 6144,
      diskGb: 100,
      tags: ['community-script'],
      template: false,
      configRead: false,
    });
    expect(seen.guests.find((g) => g.vmid === 101)!.tags).toEqual(['community-script', 'household', 'inventory']);
    expect(seen.guests.filter((g) => g.status === 'stopped').map((g) => g.vmid)).toEqual([111, 113]);
    expect(seen.storage.map((s) => s.id)).toEqual(['local', 'local-lvm', 's11']);
    expect(seen.visibilityNotes).toEqual([]);
  });

  it('reads the three-node cluster with configs, HA, storage per node and a template', () => {
    const seen = read(CLUSTER);
    expect(seen.cluster).toEqual({ name: 'fjellet', quorate: true, nodes: 3 });
    expect(seen.nodes.map((n) => `${n.name}:${n.ip}:${n.cpus}:${n.memoryMb}`)).toEqual([
      'pve1:192.0.2.11:16:65536',
      'pve2:192.0.2.12:16:65536',
      'pve3:192.0.2.13:16:65536',
    ]);
    const mqtt = seen.guests.find((g) => g.vmid === 101)!;
    expect(mqtt).toMatchObject({
      kind: 'lxc',
      node: 'pve2',
      cores: 2,
      memoryMb: 1024,
      diskGb: 8,
      onboot: true,
      startupOrder: 2,
      ips: ['192.0.2.60'],
      hastate: 'started',
      configRead: true,
    });
    // QEMU memory comes from the config as a string, the disk from the boot disk, the IP from ipconfig0.
    expect(seen.guests.find((g) => g.vmid === 200)).toMatchObject({ memoryMb: 4096, diskGb: 32, ips: ['192.0.2.20'], tags: ['home'] });
    expect(seen.guests.find((g) => g.vmid === 9000)!.template).toBe(true);
    expect(seen.guests.find((g) => g.vmid === 102)).toMatchObject({ onboot: false, ips: [] });
    expect(seen.storage.filter((s) => s.id === 'ceph-vm').map((s) => [s.node, s.shared, s.usedPercent])).toEqual([
      ['pve1', true, 30],
      ['pve2', true, 30],
      ['pve3', true, 30],
    ]);
    expect(seen.ha.map((h) => [h.sid, h.vmid, h.group])).toEqual([
      ['ct:101', 101, 'all-nodes'],
      ['vm:200', 200, 'pair'],
    ]);
    expect(seen.takenAt).toBe('2026-11-30T06:00:00Z');
  });

  it('HA groups (PVE 8): a restricted group of fewer nodes than the cluster gives the allowed nodes, one top priority the preferred node', () => {
    const seen = read(CLUSTER);
    const [mqtt, homeassistant] = seen.ha;
    // all-nodes is not restricted and gives every node the same priority: any node, none preferred.
    expect(mqtt).toEqual({
      sid: 'ct:101',
      vmid: 101,
      state: 'started',
      group: 'all-nodes',
      placementKnown: true,
      placement: {
        source: 'group',
        name: 'all-nodes',
        nodes: [
          { node: 'pve1', priority: 0 },
          { node: 'pve2', priority: 0 },
          { node: 'pve3', priority: 0 },
        ],
        restricted: false,
      },
    });
    // pair: "pve2:1,pve1:2", restricted; the allowed nodes highest priority first.
    expect(homeassistant).toMatchObject({ placementKnown: true, allowedNodes: ['pve1', 'pve2'], preferredNode: 'pve1' });
  });

  it('HA rules (PVE 9): node-affinity rules as groups were, strict as restricted; disabled rules and resource-affinity passed over', () => {
    const seen = read(pve9Snapshot());
    expect(seen.version).toBe('9.0.10');
    expect(seen.ha.map((h) => [h.sid, h.placement?.source, h.placement?.name, h.allowedNodes, h.preferredNode])).toEqual([
      // broker-on-pve2 is not strict: it only prefers pve2 (the disabled strict rule old-test does not count).
      ['ct:101', 'rule', 'broker-on-pve2', undefined, 'pve2'],
      ['vm:200', 'rule', 'ha-group-pair', ['pve1', 'pve2'], 'pve1'],
    ]);
  });

  it('HA rules the answer marks as infeasible (errors) do not apply, as the CRM drops them', () => {
    const dir = pve9Snapshot();
    const rules = JSON.parse(readFileSync(join(dir, 'ha-rules.json'), 'utf8'));
    rules[3] = { ...rules[3], disable: 0 };
    writeFileSync(join(dir, 'ha-rules.json'), JSON.stringify(rules));
    // Two enabled rules for ct:101: which one counts cannot be told.
    expect(read(dir).ha[0]).toMatchObject({ placementKnown: false });
    rules[3].errors = { resources: ['at least one resource is already used in another node affinity rule'] };
    writeFileSync(join(dir, 'ha-rules.json'), JSON.stringify(rules));
    expect(read(dir).ha[0]).toMatchObject({ placementKnown: true, preferredNode: 'pve2' });
  });

  it('without groups or rules in the answers, where HA guests may run is not known', () => {
    const dir = copyOf(CLUSTER);
    rmSync(join(dir, 'ha-groups.json'));
    expect(read(dir).ha.map((h) => [h.placementKnown, h.allowedNodes, h.preferredNode])).toEqual([
      [false, undefined, undefined],
      [false, undefined, undefined],
    ]);
  });

  it('needs only cluster-resources.json', () => {
    const dir = copyOf(CLUSTER);
    const only = mkdtempSync(join(tmpdir(), 'driftsbok-only-'));
    writeFileSync(join(only, 'cluster-resources.json'), readFileSync(join(dir, 'cluster-resources.json')));
    const seen = read(only);
    expect(seen.guests).toHaveLength(6);
    // Without the configs, memory comes from maxmem (bytes → MiB) and onboot is not known.
    expect(seen.guests.find((g) => g.vmid === 200)).toMatchObject({ memoryMb: 4096, configRead: false });
    expect(seen.guests.find((g) => g.vmid === 200)!.onboot).toBeUndefined();
  });

  it('accepts the API\'s {"data": …} wrapping, and name and status missing (no RRD data yet)', () => {
    const answers = parseAnswers({
      resources: {
        where: 'api',
        text: JSON.stringify({
          data: [
            { id: 'qemu/300', type: 'qemu', vmid: 300, node: 'pve1', status: 'unknown' },
            { id: 'lxc/301', type: 'lxc', vmid: '301', node: 'pve1' },
          ],
        }),
      },
      configs: [],
      source: { kind: 'api', where: 'test' },
    });
    const seen = observe(answers);
    expect(seen.guests.map((g) => [g.vmid, g.name, g.status])).toEqual([
      [300, undefined, 'unknown'],
      [301, undefined, 'unknown'],
    ]);
  });

  describe('bad input: a clear error naming the file, and how to fix it', () => {
    const withFile = (name: string, text: string) => {
      const dir = copyOf(CLUSTER);
      writeFileSync(join(dir, name), text);
      return dir;
    };

    it('malformed JSON', () => {
      const e = error(() => parseAnswers(readSnapshotDir(withFile('cluster-resources.json', '[{"id": "node/pve1", '))));
      expect(e.where).toMatch(/cluster-resources\.json$/);
      expect(e.problem).toMatch(/^not valid JSON \(/);
      expect(e.hint).toContain('--output-format json');
    });

    it('the text table pvesh prints without --output-format json', () => {
      const e = error(() => parseAnswers(readSnapshotDir(withFile('cluster-resources.json', '┌──────┬──────┐\n│ id   │ type │\n'))));
      expect(e.problem).toMatch(/^not valid JSON/);
    });

    it("another endpoint's JSON is named as such", () => {
      const version = readFileSync(join(CLUSTER, 'version.json'), 'utf8');
      const e = error(() => parseAnswers(readSnapshotDir(withFile('cluster-resources.json', version))));
      expect(e.message).toBe(
        `${e.where}: expected a list (the answer of /cluster/resources), got an object with keys version, release, repoid; this looks like the answer of /version\n    hint: save the output of \`pvesh get /cluster/resources --output-format json\` here`,
      );
      const ha = readFileSync(join(CLUSTER, 'ha-resources.json'), 'utf8');
      const e2 = error(() => parseAnswers(readSnapshotDir(withFile('cluster-resources.json', ha))));
      expect(e2.message).toContain('[0].id: ');
      expect(e2.hint).toBe('this looks like the answer of /cluster/ha/resources, not /cluster/resources');
    });

    it('an unknown resource type', () => {
      const resources = JSON.parse(readFileSync(join(CLUSTER, 'cluster-resources.json'), 'utf8'));
      resources[3].type = 'openvz2';
      const e = error(() => parseAnswers(readSnapshotDir(withFile('cluster-resources.json', JSON.stringify(resources)))));
      expect(e.problem).toBe('[3].type: must be one of node, storage, pool, qemu, lxc, openvz, sdn, network (got "openvz2")');
      expect(e.hint).toMatch(/supported Proxmox VE/);
    });

    it('HA groups and rules: a bad node list or resource list is named; unknown rule types are passed over', () => {
      const groups = JSON.parse(readFileSync(join(CLUSTER, 'ha-groups.json'), 'utf8'));
      groups[1].nodes = 'pve1:high,pve2';
      const e = error(() => parseAnswers(readSnapshotDir(withFile('ha-groups.json', JSON.stringify(groups)))));
      expect(e.where).toMatch(/ha-groups\.json$/);
      expect(e.problem).toBe(
        '[1].nodes: must be a list of nodes with optional priorities, such as "pve1:2,pve2:1,pve3" (got "pve1:high,pve2")',
      );
      const rules = JSON.parse(readFileSync(join(pve9Snapshot(), 'ha-rules.json'), 'utf8'));
      const badRules = structuredClone(rules);
      badRules[0].resources = 'vm:200,oops';
      const e2 = error(() => parseAnswers(readSnapshotDir(withFile('ha-rules.json', JSON.stringify(badRules)))));
      expect(e2.problem).toBe('[0].resources: must be a list of HA resource ids, such as "vm:100,ct:101" (got "vm:200,oops")');
      const noNodes = structuredClone(rules);
      delete noNodes[1].nodes;
      expect(error(() => parseAnswers(readSnapshotDir(withFile('ha-rules.json', JSON.stringify(noNodes))))).problem).toMatch(
        /^\[1\]\.nodes: /,
      );
      // A rule type of a later release, with fields of its own, is no error.
      const later = [...rules, { rule: 'x', type: 'node-anti-affinity', nodes: { any: 'shape' } }];
      expect(parseAnswers(readSnapshotDir(withFile('ha-rules.json', JSON.stringify(later)))).haRules).toHaveLength(5);
      // The rules' answer in the groups' file is named as such.
      const e3 = error(() => parseAnswers(readSnapshotDir(withFile('ha-groups.json', JSON.stringify(rules)))));
      expect(e3.hint).toBe('this looks like the answer of /cluster/ha/rules, not /cluster/ha/groups');
    });

    it('a 50 MB answer is refused before it is read', () => {
      const big = '[' + ' '.repeat(50 * 1024 * 1024) + ']';
      const e = error(() => readSnapshotDir(withFile('cluster-resources.json', big)));
      expect(e.problem).toBe(`the answer is too large (${big.length} bytes; the limit is ${MAX_ANSWER_BYTES})`);
    });

    it('a guest without vmid, an empty file, a missing folder', () => {
      const resources = JSON.parse(readFileSync(join(CLUSTER, 'cluster-resources.json'), 'utf8'));
      delete resources.find((r: { vmid?: number }) => r.vmid === 101).vmid;
      expect(error(() => parseAnswers(readSnapshotDir(withFile('cluster-resources.json', JSON.stringify(resources))))).problem).toMatch(
        /\(lxc lxc\/101\) has no "vmid"$/,
      );
      expect(error(() => parseAnswers(readSnapshotDir(withFile('version.json', '')))).problem).toBe('the answer is empty');
      expect(error(() => readSnapshotDir('/nonexistent/snapshot')).problem).toBe('snapshot folder not found');
      const empty = mkdtempSync(join(tmpdir(), 'driftsbok-empty-'));
      expect(error(() => readSnapshotDir(empty)).problem).toBe('no cluster-resources.json in the snapshot folder');
      expect(readdirSync(empty)).toEqual([]);
    });
  });
});

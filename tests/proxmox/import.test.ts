import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/proxmox/import-command.ts';
import { runCheck } from '../../src/cli/check-command.ts';
import { loadModel } from '../../src/model/load-model.ts';
import { CLUSTER, CLUSTER_MODEL, SAGHAUGEN, SAGHAUGEN_MODEL, compare, pve9Snapshot, rawWith } from './helpers.ts';

async function importInto(out: string, snapshot: string) {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await runImport(
    ['--snapshot', snapshot, '--out', out],
    {},
    (t) => lines.push(t),
    (t) => errors.push(t),
    '2026-12-01',
  );
  return { code, out: lines.join('\n'), err: errors.join('\n') };
}
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `driftsbok-${name}-`));
const snapshotOf = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );

describe('npm run import', () => {
  it('writes a starting model from the single-node fixture that passes check, with the TODOs as warnings', async () => {
    const out = join(tmp('import'), 'model');
    const r = await importInto(out, SAGHAUGEN);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['guests.yaml', 'hosts.yaml', 'site.yaml', 'storage.yaml']);
    const lines: string[] = [];
    expect(await runCheck([out], {}, (t) => lines.push(t))).toBe(0);
    const text = lines.join('\n');
    expect(text).toContain('LXC          14: 12 running, 2 stopped');
    expect(text).toMatch(/Audits {7}0 errors, \d+ warnings/);
    // Each with the file:line:column of the TODO text itself.
    expect(text).toMatch(
      /\nwarning \S+\/guests\.yaml:\d+:\d+ {2}todo-text {2}guest:claude-agents {2}guests\[claude-agents\]\.description is not written yet \(TODO\)\./,
    );
    expect(text).toMatch(
      /\nwarning \S+\/hosts\.yaml:\d+:\d+ {2}todo-text {2}host:pve-core {2}hosts\[pve-core\]\.description is not written yet \(TODO\)\./,
    );
    expect(text).toMatch(/\nwarning \S+\/site\.yaml:\d+:\d+ {2}todo-text {2}site\.description is not written yet/);
    // Every field Proxmox gave is in the model, and the result has no drift against its source.
    const loaded = loadModel(out);
    if (!loaded.ok) throw new Error('model did not load');
    expect(loaded.model.guests.find((g) => g.vmid === 150)).toMatchObject({
      id: 'claude-agents',
      kind: 'lxc',
      host: 'pve-core',
      status: 'running',
      cores: 2,
      memoryMb: 2048,
      diskGb: 20,
    });
    expect(loaded.model.hosts[0]).toMatchObject({
      id: 'pve-core',
      ip: '10.12.0.205',
      proxmoxVersion: '8.3.0',
      sdnZones: [{ id: 'localnetwork' }],
    });
    expect(loaded.model.site).toMatchObject({ name: 'pve-core', documented: '2026-12-01' });
    expect(compare(rawWith(SAGHAUGEN), out).findings).toEqual([]);
  });

  it('writes the cluster, its nodes and the HA blocks of the HA-managed guests; the model passes check', async () => {
    const out = tmp('import-cluster');
    const r = await importInto(out, CLUSTER);
    expect(r.code).toBe(0);
    expect(r.out).toContain('+ cluster fjellet (clusters.yaml)');
    expect(r.out).not.toContain('left out: cluster');
    expect(r.out).toContain('left out: template 9000 (debian-template)');
    expect(readFileSync(join(out, 'clusters.yaml'), 'utf8')).toContain(
      [
        'clusters:',
        '  - id: fjellet',
        '    name: fjellet',
        '    nodes: [pve1, pve2, pve3]',
        '    description:',
        '      nb: "TODO: Skriv hva klyngen kjører, og legg til nettverket nodene snakker over (connectsVia). Proxmox vet ikke det."',
        '      en: "TODO: Write what this cluster runs, and add the network its nodes talk over (connectsVia). Proxmox does not know."',
      ].join('\n'),
    );
    const guests = readFileSync(join(out, 'guests.yaml'), 'utf8');
    // HA group pair ("pve2:1,pve1:2", restricted): the nodes it may run on, and the one it prefers.
    expect(guests).toContain('    host: pve1\n    ha: {cluster: fjellet, group: [pve1, pve2], preferred: pve1}\n');
    // HA group all-nodes names every node, with one priority: any node, none preferred, nothing to explain.
    expect(guests).toContain('    host: pve2\n    ha: {cluster: fjellet}\n');
    expect(guests).not.toContain('# HA ');
    expect(guests).toContain('    tags: [dns, infra]\n    onboot: true\n    startupOrder: 1\n    ip: 192.0.2.53\n');
    const loaded = loadModel(out);
    if (!loaded.ok) throw new Error('model did not load');
    expect(loaded.model.clusters).toMatchObject([{ id: 'fjellet', name: 'fjellet', nodes: ['pve1', 'pve2', 'pve3'] }]);
    expect(
      Object.fromEntries(loaded.model.guests.filter((g) => g.ha !== undefined).map((g) => [g.vmid, { host: g.host, ha: g.ha }])),
    ).toEqual({
      101: { host: 'pve2', ha: { cluster: 'fjellet' } },
      200: { host: 'pve1', ha: { cluster: 'fjellet', group: ['pve1', 'pve2'], preferred: 'pve1' } },
    });
    const lines: string[] = [];
    expect(await runCheck([out], {}, (t) => lines.push(t))).toBe(0);
    const text = lines.join('\n');
    expect(text).toMatch(/Audits {7}0 errors, \d+ warnings/);
    expect(text).toContain('1 cluster,');
    expect(text).toMatch(
      /\nwarning \S+\/clusters\.yaml:\d+:\d+ {2}todo-text {2}cluster:fjellet {2}clusters\[fjellet\]\.description is not written yet/,
    );
    expect(compare(rawWith(CLUSTER), out).counts).toEqual({ drift: 0, unknown: 0, info: 0 });
  });

  it('HA rules (PVE 9): a strict rule gives group and preferred, a non-strict one only preferred, with a comment why; twice changes nothing', async () => {
    const snap = pve9Snapshot();
    const out = tmp('import-pve9');
    expect((await importInto(out, snap)).code).toBe(0);
    const guests = readFileSync(join(out, 'guests.yaml'), 'utf8');
    expect(guests).toContain('    host: pve1\n    ha: {cluster: fjellet, group: [pve1, pve2], preferred: pve1}\n');
    expect(guests).toContain(
      '  # HA rule broker-on-pve2 in Proxmox (pve2) is not strict: the guest may run on any node when none of them is up, so ha.group is left out (any node of the cluster); preferred is its highest-priority node.\n  - id: mqtt\n',
    );
    expect(guests).toContain('    host: pve2\n    ha: {cluster: fjellet, preferred: pve2}\n');
    const lines: string[] = [];
    expect(await runCheck([out], {}, (t) => lines.push(t))).toBe(0);
    expect(compare(rawWith(snap), out).counts).toEqual({ drift: 0, unknown: 0, info: 0 });
    const first = snapshotOf(out);
    expect((await importInto(out, snap)).out).toMatch(/^Nothing new: /);
    expect(snapshotOf(out)).toEqual(first);
  });

  it('without the HA groups or rules in the snapshot, ha.group is left out and a comment names the Proxmox group', async () => {
    const snap = tmp('snap-no-groups');
    cpSync(CLUSTER, snap, { recursive: true });
    rmSync(join(snap, 'ha-groups.json'));
    const out = tmp('import-no-groups');
    await importInto(out, snap);
    const guests = readFileSync(join(out, 'guests.yaml'), 'utf8');
    expect(guests).toContain(
      '  # HA group pair in Proxmox: its nodes were not in the answers, so ha.group is left out (any node of the cluster).\n  - id: homeassistant\n',
    );
    expect(guests).toContain('    host: pve1\n    ha: {cluster: fjellet}\n');
  });

  it('a single node without a cluster entry writes no cluster and no HA block', async () => {
    const out = tmp('import-single');
    await importInto(out, SAGHAUGEN);
    expect(existsSync(join(out, 'clusters.yaml'))).toBe(false);
    const loaded = loadModel(out);
    if (!loaded.ok) throw new Error('model did not load');
    expect(loaded.model.clusters).toEqual([]);
    expect(loaded.model.guests.filter((g) => g.ha !== undefined)).toEqual([]);
  });

  it('twice changes nothing', async () => {
    const out = tmp('import-twice');
    await importInto(out, CLUSTER);
    const first = snapshotOf(out);
    const again = await importInto(out, CLUSTER);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^Nothing new: /);
    expect(snapshotOf(out)).toEqual(first);
  });

  it("over Saghaugen's hand-written model changes nothing: every guest, host and pool is already there", async () => {
    const out = tmp('import-saghaugen');
    cpSync(SAGHAUGEN_MODEL, out, { recursive: true });
    const before = snapshotOf(out);
    const r = await importInto(out, SAGHAUGEN);
    expect(r.out).toMatch(/^Nothing new: /);
    expect(snapshotOf(out)).toEqual(before);
  });

  it('over a hand-edited model keeps every hand-written text, value and comment, and adds only what is new', async () => {
    const out = tmp('import-merge');
    cpSync(CLUSTER_MODEL, out, { recursive: true });
    // A person has written a different core count and a comment, and not yet the IP of LXC 101.
    const guestsFile = join(out, 'guests.yaml');
    const edited = readFileSync(guestsFile, 'utf8')
      .replace('    cores: 2\n    memoryMb: 1024\n', '    cores: 3 # raised for the broker\n    memoryMb: 1024\n')
      .replace('    ip: 192.0.2.60\n', '');
    writeFileSync(guestsFile, edited);
    const raw = rawWith(CLUSTER, {
      resources: (r) => [
        ...r,
        { id: 'lxc/150', type: 'lxc', vmid: 150, node: 'pve3', name: 'mqtt', status: 'running', template: 0, maxcpu: 1, maxmem: 268435456 },
      ],
    });
    const snap = tmp('snap');
    writeFileSync(join(snap, 'cluster-resources.json'), raw.resources.text);
    for (const c of raw.configs) {
      const path = join(snap, 'nodes', c.node, c.kind, String(c.vmid));
      cpSync(join(CLUSTER, 'nodes', c.node, c.kind, String(c.vmid)), path, { recursive: true });
    }
    const r = await importInto(out, snap);
    expect(r.err).toBe('');
    expect(r.out).toContain('+ guest mqtt (101): added ip (guests.yaml)');
    expect(r.out).toContain('+ guest mqtt-2 (150) (guests.yaml)');
    const after = readFileSync(guestsFile, 'utf8');
    // Everything that was there is still there, in order; new text only after it.
    const kept = edited.replace('    onboot: true\n    startupOrder: 2\n', '    onboot: true\n    startupOrder: 2\n    ip: 192.0.2.60\n');
    expect(after.startsWith(kept.trimEnd())).toBe(true);
    expect(after).toContain('cores: 3 # raised for the broker');
    expect(after).toContain('# Written by hand: the import must never touch this.');
    expect(after).toContain('      nb: Styrer lys og varme i huset.');
    for (const file of ['hosts.yaml', 'storage.yaml', 'site.yaml'])
      expect(readFileSync(join(out, file), 'utf8')).toBe(readFileSync(join(CLUSTER_MODEL, file), 'utf8'));
  });

  it('over a hand-written cluster adds only the node that joined and the HA blocks not written yet', async () => {
    const out = tmp('import-merge-cluster');
    cpSync(CLUSTER_MODEL, out, { recursive: true });
    const clusters = 'clusters:\n  - id: lia\n    name: Lia-klyngen # our name for it\n    nodes: [pve1, { host: pve2, votes: 2 }]\n';
    writeFileSync(join(out, 'clusters.yaml'), clusters);
    const guestsFile = join(out, 'guests.yaml');
    const handHa = '    host: pve1\n    ha: { cluster: lia, group: [pve1, pve2], preferred: pve1 } # by hand\n';
    const edited = readFileSync(guestsFile, 'utf8').replace(/ {4}vmid: 200\n(.*\n)? {4}host: pve1\n/, (m) =>
      m.replace('    host: pve1\n', handHa),
    );
    expect(edited).toContain(handHa);
    writeFileSync(guestsFile, edited);
    const r = await importInto(out, CLUSTER);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('+ cluster lia: added nodes pve3 (clusters.yaml)');
    expect(r.out).toContain('+ guest mqtt (101): added ha (guests.yaml)');
    expect(r.out).not.toContain('homeassistant');
    // The one line the import changes is written in its own spacing; every other line stays as written.
    expect(readFileSync(join(out, 'clusters.yaml'), 'utf8')).toBe(
      clusters.replace('[pve1, { host: pve2, votes: 2 }]', '[pve1, {host: pve2, votes: 2}, pve3]'),
    );
    const after = readFileSync(guestsFile, 'utf8');
    expect(after).toContain(handHa);
    expect(after).toMatch(/ {4}vmid: 101\n[\s\S]*? {4}ha: \{ ?cluster: lia ?\}\n/);
    const lines: string[] = [];
    expect(await runCheck([out], {}, (t) => lines.push(t))).toBe(0);
    const first = snapshotOf(out);
    expect((await importInto(out, CLUSTER)).out).toMatch(/^Nothing new: /);
    expect(snapshotOf(out)).toEqual(first);
  });

  it('an ha block a person wrote without group or preferred is kept as written; drift offers what Proxmox says', async () => {
    const out = tmp('import-merge-ha');
    cpSync(CLUSTER_MODEL, out, { recursive: true });
    writeFileSync(join(out, 'clusters.yaml'), 'clusters:\n  - id: fjellet\n    name: fjellet\n    nodes: [pve1, pve2, pve3]\n');
    const guestsFile = join(out, 'guests.yaml');
    const handHa = '    host: pve1\n    ha: {cluster: fjellet} # any node, we decided\n';
    const edited = readFileSync(guestsFile, 'utf8').replace(/ {4}vmid: 200\n(.*\n)? {4}host: pve1\n/, (m) =>
      m.replace('    host: pve1\n', handHa),
    );
    writeFileSync(guestsFile, edited);
    const r = await importInto(out, CLUSTER);
    expect(r.err).toBe('');
    expect(r.out).not.toContain('homeassistant');
    expect(readFileSync(guestsFile, 'utf8')).toContain(handHa);
    const report = compare(rawWith(CLUSTER), out);
    expect(report.findings.map((f) => [f.type, f.vmid, f.field, f.observed])).toEqual([
      ['not-documented', 200, 'ha.group', ['pve1', 'pve2']],
      ['not-documented', 200, 'ha.preferred', 'pve1'],
    ]);
  });

  it('merges only into a model that passes the check: a Latin-1 letter is refused, not written back as U+FFFD', async () => {
    const out = tmp('import-latin1');
    cpSync(CLUSTER_MODEL, out, { recursive: true });
    const guestsFile = join(out, 'guests.yaml');
    const bytes = Buffer.concat([readFileSync(guestsFile), Buffer.from('# Str\xf8mnettet\n', 'latin1')]);
    writeFileSync(guestsFile, bytes);
    const r = await importInto(out, CLUSTER);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('not valid UTF-8');
    expect(r.err).toContain('must pass npm run check before import merges into it');
    expect(readFileSync(guestsFile)).toEqual(bytes);
  });

  it('a model file that is a link (inside the folder) is written where it leads, and stays a link', async () => {
    const out = tmp('import-link');
    cpSync(CLUSTER_MODEL, out, { recursive: true });
    mkdirSync(join(out, 'hand'));
    renameSync(join(out, 'guests.yaml'), join(out, 'hand', 'guests.yaml'));
    symlinkSync(join('hand', 'guests.yaml'), join(out, 'guests.yaml'));
    const raw = rawWith(CLUSTER, {
      resources: (r) => [...r, { id: 'lxc/150', type: 'lxc', vmid: 150, node: 'pve3', name: 'extra', status: 'running', template: 0 }],
    });
    const snap = tmp('snap-link');
    writeFileSync(join(snap, 'cluster-resources.json'), raw.resources.text);
    const r = await importInto(out, snap);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(lstatSync(join(out, 'guests.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(out, 'hand', 'guests.yaml'), 'utf8')).toContain('vmid: 150');
    expect(loadModel(out).ok).toBe(true);
  });

  it('bad input writes nothing', async () => {
    for (const text of [
      '{"broken": ',
      JSON.stringify({ version: '8.4.1', release: '8.4', repoid: 'x' }),
      JSON.stringify([{ id: 'x/1', type: 'mystery' }]),
    ]) {
      const snap = tmp('bad');
      writeFileSync(join(snap, 'cluster-resources.json'), text);
      const out = join(tmp('bad-out'), 'model');
      const r = await importInto(out, snap);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/cluster-resources\.json: .*\n[\s\S]*nothing was written\.$/);
      expect(existsSync(out)).toBe(false);
    }
    const r = await runImport(
      ['--snapshot', CLUSTER],
      {},
      () => {},
      () => {},
    );
    expect(r).toBe(2);
  });
});

/**
 * Hand-computed expectations for the cluster fixture (tests/fixtures/models/farm: Lia gard), written
 * from the fixture's description before running the analysis. Three Proxmox nodes pve1-3 (one vote
 * each, quorum 2 of 3) in the cluster `lia`, whose corosync runs over the core switch; Ceph
 * `ceph-vm` on all three nodes (3 replicas, min_size 2: needs 2 of 3 OSD nodes, and 2 of 3
 * monitors), also over the core switch; HA guests stall (any node, today pve1), mqtt (pve2 or pve3,
 * today pve2) and cameras (any node, today pve3), all on Ceph; backup pinned to pve3 on its local
 * ZFS (replicated to pve2). Fibre (on mains power) and 4G (on the UPS) through one router; the UPS
 * runs on the grid, the generator or its battery. If one fails, either the fixture or the
 * expectation is wrong: say which.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load-model.ts';
import type { Model } from '../../src/model/schema/model.ts';
import { analyze, explainCause } from '../../src/analysis/analyze.ts';
import type { Analysis, PhaseResult, State } from '../../src/analysis/types.ts';
import { isStoppedByFailure } from '../../src/analysis/equipment.ts';
import { scenarioStartOrders } from '../../src/site/start-order-view.ts';

const dir = 'tests/fixtures/models/farm/model';

describe('the cluster fixture (Lia gard)', () => {
  let model: Model;
  let analysis: Analysis;
  beforeAll(() => {
    const loaded = loadModel(dir);
    if (!loaded.ok) throw new Error(`the fixture does not load: ${JSON.stringify(loaded.problems.slice(0, 5), null, 2)}`);
    model = loaded.model;
    analysis = analyze(model);
  });

  const phase = (scenario: string, id = 'start'): PhaseResult => {
    const p = analysis.scenarios.find((s) => s.id === scenario)?.phases.find((x) => x.id === id);
    if (!p) throw new Error(`no phase ${id} in ${scenario}`);
    return p;
  };
  const states = (p: PhaseResult, keys: string[]): Record<string, State> => Object.fromEntries(keys.map((k) => [k, p.outcomes[k]!.state]));
  const why = (p: PhaseResult, key: string) => p.outcomes[key]!.causes.map((c) => explainCause(c, model, 'en'));

  const GUESTS = ['guest:stall', 'guest:mqtt', 'guest:cameras', 'guest:backup'];
  const CAPABILITIES = ['capability:internet', 'capability:climate-alarms', 'capability:camera-recording', 'capability:backups'];
  const SHARED = ['cluster:lia', 'storage:ceph-vm', 'storage:pve3-zfs'];

  it('normal operation: everything works', () => {
    const all = Object.values(analysis.baseline.outcomes).map((o) => o.state);
    expect(all.every((s) => s === 'ok')).toBe(true);
  });

  it('one node down (pve1): quorum and Ceph hold, stall and cameras move, mqtt never ran there', () => {
    const p = phase('node-down');
    // 2 of 3 votes is a majority; Ceph has 2 of 3 OSD nodes and monitors, what min_size 2 needs:
    // both up but a member short (degraded). stall (today on pve1) and cameras (any node) have a node
    // of their group down: HA runs them elsewhere (degraded). mqtt's group is pve2 and pve3: untouched.
    // backup is on pve3. Degraded does not travel, so every capability works.
    expect(states(p, SHARED)).toEqual({ 'cluster:lia': 'degraded', 'storage:ceph-vm': 'degraded', 'storage:pve3-zfs': 'ok' });
    expect(states(p, GUESTS)).toEqual({ 'guest:stall': 'degraded', 'guest:mqtt': 'ok', 'guest:cameras': 'degraded', 'guest:backup': 'ok' });
    expect(states(p, CAPABILITIES)).toEqual({
      'capability:internet': 'ok',
      'capability:climate-alarms': 'ok',
      'capability:camera-recording': 'ok',
      'capability:backups': 'ok',
    });
    expect(why(p, 'guest:stall')).toEqual([
      'stall (VM 100): degraded (the cluster has quorum (2 of 3 votes) and pve2 and pve3 are up) ← pve1',
    ]);
    expect(why(p, 'storage:ceph-vm')[0]).toBe('ceph-vm: degraded (needs 2 of 3 nodes, 2 up) ← pve1');
  });

  it('two nodes down (pve1, pve2): no quorum, Ceph below min_size; only the pinned backup runs', () => {
    const p = phase('two-nodes-down');
    // 1 of 3 votes: no quorum, so every HA guest stops, though pve3 is up. Ceph: 1 of 3 OSD nodes, 2
    // needed: down. backup is pinned to pve3, on pve3's own ZFS: it runs, and backups still work.
    expect(states(p, SHARED)).toEqual({ 'cluster:lia': 'down', 'storage:ceph-vm': 'down', 'storage:pve3-zfs': 'ok' });
    expect(states(p, GUESTS)).toEqual({ 'guest:stall': 'down', 'guest:mqtt': 'down', 'guest:cameras': 'down', 'guest:backup': 'ok' });
    expect(states(p, CAPABILITIES)).toEqual({
      'capability:internet': 'ok',
      'capability:climate-alarms': 'down',
      'capability:camera-recording': 'down',
      'capability:backups': 'ok',
    });
    expect(why(p, 'cluster:lia')[0]).toBe('The Lia cluster: down (the cluster has no quorum (1 of 3 votes, needs 2)) ← pve1');
    expect(why(p, 'storage:ceph-vm')[0]).toBe('ceph-vm: down (needs 2 of 3 nodes, 1 up) ← pve1');
    expect(why(p, 'guest:mqtt')).toContain(
      'mqtt (LXC 101): down (the cluster has no quorum (1 of 3 votes, needs 2)) ← The Lia cluster ← pve1',
    );
  });

  it('the core switch down: the nodes run but cannot see each other; only the internet works', () => {
    const p = phase('core-switch-down');
    // Corosync and Ceph run over the switch: no quorum, no Ceph, every HA guest stops. The pinned
    // backup keeps running on pve3 (its node and its ZFS are up), but backups need the switch to reach it.
    // The router and both lines do not need the switch.
    expect(states(p, ['host:pve1', 'host:pve2', 'host:pve3'])).toEqual({ 'host:pve1': 'ok', 'host:pve2': 'ok', 'host:pve3': 'ok' });
    expect(states(p, SHARED)).toEqual({ 'cluster:lia': 'down', 'storage:ceph-vm': 'down', 'storage:pve3-zfs': 'ok' });
    expect(states(p, GUESTS)).toEqual({ 'guest:stall': 'down', 'guest:mqtt': 'down', 'guest:cameras': 'down', 'guest:backup': 'ok' });
    expect(states(p, CAPABILITIES)).toEqual({
      'capability:internet': 'ok',
      'capability:climate-alarms': 'down',
      'capability:camera-recording': 'down',
      'capability:backups': 'down',
    });
    // The votes would do (all three nodes are up), but corosync cannot run: the cluster is down, and
    // HA stops its guests (stopped, not running idle: the runbook must not say "do not restart").
    expect(why(p, 'guest:stall')).toEqual(['stall (VM 100): down (the cluster is down) ← The Lia cluster ← Core switch']);
    expect(isStoppedByFailure(p.outcomes['guest:stall']!)).toBe(true);
    expect(isStoppedByFailure(p.outcomes['guest:backup']!)).toBe(false); // it is ok
  });

  it('the fibre down: the internet runs on 4G (degraded), nothing else changes', () => {
    const p = phase('fibre-down');
    // One of the anyOf [fibre, 4G] is down: degraded, and degraded does not travel.
    expect(states(p, CAPABILITIES)).toEqual({
      'capability:internet': 'degraded',
      'capability:climate-alarms': 'ok',
      'capability:camera-recording': 'ok',
      'capability:backups': 'ok',
    });
    expect(Object.values(states(p, [...SHARED, ...GUESTS])).every((s) => s === 'ok')).toBe(true);
  });

  it('a power cut: on the generator, then the battery, then everything goes', () => {
    // t = 0: the grid is gone, and with it the fibre (its box is on mains power). The UPS runs on the
    // generator (degraded: one of its three sources is down); all it powers keeps running; the
    // internet runs on 4G.
    const start = phase('power-cut');
    expect(states(start, ['power:ups', 'network:fibre', 'network:lte', 'cluster:lia'])).toEqual({
      'power:ups': 'degraded',
      'network:fibre': 'down',
      'network:lte': 'ok',
      'cluster:lia': 'ok',
    });
    expect(states(start, CAPABILITIES)).toEqual({
      'capability:internet': 'degraded',
      'capability:climate-alarms': 'ok',
      'capability:camera-recording': 'ok',
      'capability:backups': 'ok',
    });
    // After about 8 h the generator is out of fuel: the UPS is on its battery, still up.
    const dry = phase('power-cut', 'generator-empty');
    expect(dry.afterMinutes).toBe(480);
    expect(states(dry, ['power:ups', ...GUESTS])).toEqual({
      'power:ups': 'degraded',
      'guest:stall': 'ok',
      'guest:mqtt': 'ok',
      'guest:cameras': 'ok',
      'guest:backup': 'ok',
    });
    // The battery empty: the UPS is down, and with it the nodes, the switch, the router and 4G. Every
    // node down: no quorum, no Ceph; every guest and every capability is down.
    const empty = phase('power-cut', 'ups-empty');
    expect(states(empty, ['power:ups', 'host:pve1', 'host:pve2', 'host:pve3', ...SHARED])).toEqual({
      'power:ups': 'down',
      'host:pve1': 'down',
      'host:pve2': 'down',
      'host:pve3': 'down',
      'cluster:lia': 'down',
      'storage:ceph-vm': 'down',
      'storage:pve3-zfs': 'down',
    });
    expect(Object.values(states(empty, [...GUESTS, ...CAPABILITIES])).every((s) => s === 'down')).toBe(true);
  });

  it('start order: HA guests by the cluster (ha-manager), the pinned one with qm start on its node', () => {
    // Listed under the node each runs on today; commands as Proxmox wants them (vm: for QEMU, ct: for LXC).
    const orders = Object.fromEntries(analysis.startOrders.map((o) => [o.host, o.steps.map((s) => s.command)]));
    expect(orders).toEqual({
      'host:pve1': ['ha-manager set vm:100 --state started'],
      'host:pve2': ['ha-manager set ct:101 --state started'],
      // cameras serves a comfort capability, backup too; same rank, so by VMID.
      'host:pve3': ['ha-manager set vm:102 --state started', 'qm start 200'],
    });
    expect(analysis.startOrders.flatMap((o) => o.steps).find((s) => s.guest === 'guest:backup')?.ha).toBeUndefined();
    expect(analysis.startOrders.flatMap((o) => o.steps).find((s) => s.guest === 'guest:stall')?.ha).toBe('cluster:lia');
  });

  it('the start order of a scenario: the nodes that went down, and the nodes whose HA guests the cluster stopped', () => {
    // two nodes down: pve1 and pve2 are down; pve3 is up, but its HA guest (cameras) was stopped (no quorum).
    expect(scenarioStartOrders(analysis, 'two-nodes-down')).toMatchObject({
      orders: [{ host: 'host:pve1' }, { host: 'host:pve2' }, { host: 'host:pve3' }],
      hostsUp: ['host:pve3'],
    });
    // the core switch: every node is up, every HA guest stopped.
    expect(scenarioStartOrders(analysis, 'core-switch-down').hostsUp).toEqual(['host:pve1', 'host:pve2', 'host:pve3']);
    // the fibre: nothing to start.
    expect(scenarioStartOrders(analysis, 'fibre-down')).toEqual({ orders: [], hostsWithoutGuests: [] });
  });

  it('single points of failure: the UPS and the core switch, not any one node', () => {
    // One node down loses nothing (see node-down); the UPS takes everything, the core switch the
    // climate alarms, the recording and the backups, the router the internet and the alarms.
    const keys = analysis.singlePointsOfFailure.map((s) => s.key);
    expect(keys).toContain('power:ups');
    expect(keys).toContain('network:core-switch');
    expect(keys).toContain('network:router');
    expect(keys).not.toContain('host:pve1');
    expect(keys).not.toContain('host:pve2');
    // pve3 alone takes the backups (pinned there).
    expect(analysis.singlePointsOfFailure.find((s) => s.key === 'host:pve3')?.down).toEqual(['capability:backups']);
  });
});

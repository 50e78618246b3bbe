/**
 * Hand-computed expectations for the cluster fixture (tests/fixtures/models/farm: Lia gard), written
 * from the fixture's description before running the analysis. Three Proxmox nodes pve1-3 (one vote
 * each, quorum 2 of 3) in the cluster `lia`, whose corosync runs over the core switch; Ceph
 * `ceph-vm` on all three nodes (3 replicas, min_size 2: needs 2 of 3 OSD nodes, and 2 of 3
 * monitors), also over the core switch; HA guests stall (any node, today pve1), mqtt (pve2 or pve3,
 * today pve2) and cameras (any node, today pve3), all on Ceph; stall also needs the barn's climate
 * PLC (Modbus TCP). backup is pinned to pve3 on its local ZFS (replicated to pve2). The fibre line
 * ends in an ONT on mains power; the 4G router is on the UPS; both go through one router, and the
 * internet needs the core switch too (the farm reaches it through the switch). The UPS (30 min) runs
 * on the grid or the generator, which starts by itself after 1 min and runs 8 h on a full tank; the
 * power cut's phases are derived from those numbers (src/analysis/timeline.ts), none written by hand.
 * If one fails, either the fixture or the expectation is wrong: say which.
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

  it('the core switch down: the nodes run but cannot see each other; every capability is down', () => {
    const p = phase('core-switch-down');
    // Corosync and Ceph run over the switch: no quorum, no Ceph, every HA guest stops. The pinned
    // backup keeps running on pve3 (its node and its ZFS are up), but backups need the switch to reach
    // it. The internet needs the switch too (the farm reaches the router through it), so the climate
    // alarms are down twice over. Uplinks say where things are cabled, not what they need: the nodes,
    // the PLC, the router and both lines stay up.
    expect(states(p, ['host:pve1', 'host:pve2', 'host:pve3', 'host:klima-plc', 'network:router', 'network:ont', 'network:lte'])).toEqual({
      'host:pve1': 'ok',
      'host:pve2': 'ok',
      'host:pve3': 'ok',
      'host:klima-plc': 'ok',
      'network:router': 'ok',
      'network:ont': 'ok',
      'network:lte': 'ok',
    });
    expect(states(p, SHARED)).toEqual({ 'cluster:lia': 'down', 'storage:ceph-vm': 'down', 'storage:pve3-zfs': 'ok' });
    expect(states(p, GUESTS)).toEqual({ 'guest:stall': 'down', 'guest:mqtt': 'down', 'guest:cameras': 'down', 'guest:backup': 'ok' });
    expect(states(p, CAPABILITIES)).toEqual({
      'capability:internet': 'down',
      'capability:climate-alarms': 'down',
      'capability:camera-recording': 'down',
      'capability:backups': 'down',
    });
    // The votes would do (all three nodes are up), but corosync cannot run: the cluster is down, and
    // HA stops its guests (stopped, not running idle: the runbook must not say "do not restart").
    expect(why(p, 'guest:stall')).toEqual(['stall (VM 100): down (the cluster is down) ← The Lia cluster ← Core switch']);
    expect(why(p, 'capability:internet')).toEqual(['Internet: down ← Core switch']);
    expect(isStoppedByFailure(p.outcomes['guest:stall']!)).toBe(true);
    expect(isStoppedByFailure(p.outcomes['guest:backup']!)).toBe(false); // it is ok
  });

  it('the fibre down: the ONT has no line, the internet runs on 4G (degraded), nothing else changes', () => {
    const p = phase('fibre-down');
    // The ONT connects via the line: down. One of the anyOf [ONT, 4G] is down: degraded, and degraded
    // does not travel.
    expect(states(p, ['network:fibre', 'network:ont', 'network:lte', 'network:router'])).toEqual({
      'network:fibre': 'down',
      'network:ont': 'down',
      'network:lte': 'ok',
      'network:router': 'ok',
    });
    expect(states(p, CAPABILITIES)).toEqual({
      'capability:internet': 'degraded',
      'capability:climate-alarms': 'ok',
      'capability:camera-recording': 'ok',
      'capability:backups': 'ok',
    });
    expect(Object.values(states(p, [...SHARED, ...GUESTS, 'host:klima-plc'])).every((s) => s === 'ok')).toBe(true);
  });

  it('a power cut: the UPS bridges, the generator starts, runs dry, then the UPS empties', () => {
    // The phases come from time: the generator takes the load after 1 min and runs 480 min on its
    // tank, so it is dry at 481; the UPS's 30 min are a budget for the outage, 1 spent before the
    // generator started, so it is empty 29 min after the generator stopped: at 510.
    const phases = analysis.scenarios.find((x) => x.id === 'power-cut')!.phases;
    expect(phases.map((x) => [x.id, x.afterMinutes, x.title.en])).toEqual([
      ['start', 0, 'At once (t = 0)'],
      ['started-generator', 1, 'Generator has started and takes the load'],
      ['dry-generator', 481, 'Generator has run out of fuel'],
      ['empty-ups', 510, 'The battery in UPS is empty'],
    ]);
    expect(phases.map((x) => x.failed)).toEqual([
      ['power:grid'], // the generator is starting, not failed
      ['power:grid'],
      ['power:grid', 'power:generator'],
      ['power:grid', 'power:generator', 'power:ups'],
    ]);

    // t = 0: the grid is gone, and with it the ONT (on mains power): the internet runs on 4G. The
    // generator is still starting; the UPS is on its battery (degraded) and all it powers runs.
    const start = phase('power-cut');
    const POWER = ['power:grid', 'power:generator', 'power:ups', 'network:ont', 'network:lte', 'cluster:lia', 'host:klima-plc'];
    expect(states(start, POWER)).toEqual({
      'power:grid': 'down',
      'power:generator': 'down',
      'power:ups': 'degraded',
      'network:ont': 'down',
      'network:lte': 'ok',
      'cluster:lia': 'ok',
      'host:klima-plc': 'ok',
    });
    expect(why(start, 'power:generator')).toEqual(['Generator: down (still starting)']);
    const onFourG = {
      'capability:internet': 'degraded',
      'capability:climate-alarms': 'ok',
      'capability:camera-recording': 'ok',
      'capability:backups': 'ok',
    };
    expect(states(start, CAPABILITIES)).toEqual(onFourG);
    expect(Object.values(states(start, [...GUESTS, ...SHARED])).every((s) => s === 'ok')).toBe(true);

    // t = 1: the generator runs and feeds the UPS: one of its two sources is out, so it is degraded,
    // as any anyOf short of a member (no longer on its battery). The ONT stays down.
    const started = phase('power-cut', 'started-generator');
    expect(states(started, POWER)).toEqual({ ...states(start, POWER), 'power:generator': 'ok', 'power:ups': 'degraded' });
    expect(states(started, CAPABILITIES)).toEqual(onFourG);

    // t = 481: the generator is dry; the UPS is on its battery again (29 min left), all still runs.
    const dry = phase('power-cut', 'dry-generator');
    expect(states(dry, POWER)).toEqual({ ...states(start, POWER) });
    expect(states(dry, CAPABILITIES)).toEqual(onFourG);
    expect(Object.values(states(dry, [...GUESTS, ...SHARED])).every((s) => s === 'ok')).toBe(true);

    // t = 510: the UPS is empty, and with it the nodes, the PLC, the switch, the router and 4G. Every
    // node down: no quorum (0 of 3 votes), no Ceph; every guest and every capability is down.
    const empty = phase('power-cut', 'empty-ups');
    expect(
      states(empty, [
        'power:ups',
        'host:pve1',
        'host:pve2',
        'host:pve3',
        'host:klima-plc',
        'network:core-switch',
        'network:router',
        'network:lte',
        ...SHARED,
      ]),
    ).toEqual({
      'power:ups': 'down',
      'host:pve1': 'down',
      'host:pve2': 'down',
      'host:pve3': 'down',
      'host:klima-plc': 'down',
      'network:core-switch': 'down',
      'network:router': 'down',
      'network:lte': 'down',
      'cluster:lia': 'down',
      'storage:ceph-vm': 'down',
      'storage:pve3-zfs': 'down',
    });
    expect(Object.values(states(empty, [...GUESTS, ...CAPABILITIES])).every((s) => s === 'down')).toBe(true);
    // One cause per root, the shortest chain: corosync's switch has no power (written first as the
    // quorum chain through pve1, which is as true but longer).
    expect(why(empty, 'cluster:lia')).toEqual(['The Lia cluster: down ← Core switch ← UPS']);
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
    // On pve3, which stayed up, only cameras is to be started: backup, pinned there, ran on.
    const pve3 = scenarioStartOrders(analysis, 'two-nodes-down').orders.find((o) => o.host === 'host:pve3')!;
    expect(pve3.steps.map((s) => [s.position, s.command])).toEqual([[1, 'ha-manager set vm:102 --state started']]);
    // the core switch: every node is up, every HA guest stopped.
    expect(scenarioStartOrders(analysis, 'core-switch-down').hostsUp).toEqual(['host:pve1', 'host:pve2', 'host:pve3']);
    // the fibre: nothing to start.
    expect(scenarioStartOrders(analysis, 'fibre-down')).toEqual({ orders: [], hostsWithoutGuests: [] });
    // the power cut: in the end every node is down, and the PLC, which has no guests to start.
    expect(scenarioStartOrders(analysis, 'power-cut')).toMatchObject({
      orders: [{ host: 'host:pve1' }, { host: 'host:pve2' }, { host: 'host:pve3' }],
      hostsWithoutGuests: ['host:klima-plc'],
    });
  });

  it('single points of failure: the UPS and the core switch take everything, not any one node', () => {
    // Ranked by critical capabilities down, capabilities down, critical degraded, degraded, then blast
    // radius, then key. One node down loses nothing (see node-down), so pve1 and pve2 are not here.
    // The UPS and the core switch each take all four capabilities (2 critical); more falls with the
    // UPS (the nodes, the PLC, the switch, the router, 4G). The router takes the internet and the
    // alarms. The cluster and Ceph each take the alarms and the recording (the three HA guests fall
    // with either: a tie, by key). The PLC, mqtt and stall each take the alarms; more falls with the
    // PLC (stall). pve3 takes the backups (pinned there, on its ZFS) with its pool and backup; then
    // the pool, then backup and cameras alone. Last, what only degrades the internet: the fibre line
    // and the grid each take the ONT with them, 4G and the ONT nothing else.
    expect(analysis.singlePointsOfFailure.map((x) => [x.key, x.criticalDown, x.down.length, x.criticalDegraded])).toEqual([
      ['power:ups', 2, 4, 0],
      ['network:core-switch', 2, 4, 0],
      ['network:router', 2, 2, 0],
      ['cluster:lia', 1, 2, 0],
      ['storage:ceph-vm', 1, 2, 0],
      ['host:klima-plc', 1, 1, 0],
      ['guest:mqtt', 1, 1, 0],
      ['guest:stall', 1, 1, 0],
      ['host:pve3', 0, 1, 0],
      ['storage:pve3-zfs', 0, 1, 0],
      ['guest:backup', 0, 1, 0],
      ['guest:cameras', 0, 1, 0],
      ['network:fibre', 0, 0, 1],
      ['power:grid', 0, 0, 1],
      ['network:lte', 0, 0, 1],
      ['network:ont', 0, 0, 1],
    ]);
    expect(analysis.singlePointsOfFailure.find((x) => x.key === 'host:pve3')?.down).toEqual(['capability:backups']);
  });

  it('audits: the two internet lines share the router (and the switch and the UPS)', () => {
    // Internet needs the router and the core switch whichever line works, and both are on the UPS
    // (the ONT is not, but the router is). The cluster's three nodes share the core switch and the UPS.
    const internet = analysis.audits.find((a) => a.rule === 'false-redundancy' && a.subject === 'capability:internet');
    expect(internet?.severity).toBe('warning');
    expect(internet?.message.en).toContain('Router');
    expect(internet?.message.en).toContain('Core switch');
    expect(internet?.message.en).toContain('UPS');
    expect(analysis.audits.filter((a) => a.severity === 'error')).toEqual([]);
  });
});

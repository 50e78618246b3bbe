import { describe, expect, it } from 'vitest';
import { cap, guest, host, model, sys } from './test-builders.ts';
import { buildGraph } from '../model/graph.ts';
import { computeStartOrders } from './start-order.ts';

describe('start order', () => {
  const m = model({
    hosts: [host('h'), host('pi', { kind: 'raspberry-pi' }), host('other')],
    guests: [
      guest('ha', 103, { kind: 'qemu', dependsOn: ['system:zigbee'], enhancedBy: ['guest:grafana'] }),
      guest('z2m', 110, { dependsOn: ['guest:mqtt'] }),
      guest('mqtt', 106),
      guest('grafana', 108),
      guest('docs', 100),
      guest('off', 111, { status: 'stopped' }),
      guest('elsewhere', 120, { host: 'other', dependsOn: ['guest:mqtt'] }),
      guest('later', 130, { status: 'planned' }),
    ],
    systems: [sys('zigbee', { dependsOn: ['guest:z2m'] })],
    capabilities: [cap('c', { dependsOn: ['guest:ha'] })],
  });
  const orders = computeStartOrders(buildGraph(m));

  it('one order per Proxmox host, sorted by key', () => {
    expect(orders.map((o) => o.host)).toEqual(['host:h', 'host:other']);
  });

  it('topological through systems, soft links count; comfort before the rest, ties by vmid', () => {
    const h = orders[0]!;
    // docs (100) serves nothing with a tier, so it comes after every comfort guest.
    expect(h.steps.map((s) => s.vmid)).toEqual([106, 108, 110, 103, 100]);
    expect(h.steps.find((s) => s.vmid === 103)).toEqual({
      position: 4,
      guest: 'guest:ha',
      vmid: 103,
      kind: 'qemu',
      command: 'qm start 103',
      waitsFor: ['guest:grafana', 'guest:z2m'],
      reason: { rank: 'comfort', ownRank: 'comfort', serves: ['capability:c'], neededBy: [] },
    });
    expect(h.steps[0]!.command).toBe('pct start 106');
  });

  it('says why: what goes down without it, or which higher guest waits for it', () => {
    const reason = (vmid: number) => orders[0]!.steps.find((s) => s.vmid === vmid)!.reason;
    // mqtt alone takes z2m, the Zigbee system, ha and the capability down.
    expect(reason(106)).toEqual({ rank: 'comfort', ownRank: 'comfort', serves: ['capability:c'], neededBy: [] });
    // grafana only enhances ha (degraded, not down): its own rank is 'other', ha lifts it.
    expect(reason(108)).toEqual({ rank: 'comfort', ownRank: 'other', serves: [], neededBy: ['guest:ha'] });
    expect(reason(100)).toEqual({ rank: 'other', ownRank: 'other', serves: [], neededBy: [] });
  });

  it('starts what a critical capability needs before anything comfortable, dependencies first', () => {
    const c = model({
      hosts: [host('h')],
      guests: [
        guest('tools', 100),
        guest('scenes', 101),
        guest('broker', 130),
        guest('sensors', 120, { dependsOn: ['guest:broker'] }),
        guest('alarm', 110, { dependsOn: ['system:radio'] }),
      ],
      systems: [sys('radio', { tier: 'critical', dependsOn: ['guest:sensors'] })],
      capabilities: [
        cap('readings', { tier: 'critical', dependsOn: ['system:radio'] }),
        cap('fun', { dependsOn: ['guest:scenes'] }),
        // Only degraded without tools: not a reason to start it early.
        cap('extra', { tier: 'critical', dependsOn: [{ anyOf: ['guest:tools', 'guest:scenes'] }] }),
      ],
    });
    const [order] = computeStartOrders(buildGraph(c));
    // broker (130) starts first: sensors, which the critical radio needs, waits for it. alarm needs
    // the radio but nothing needs alarm, so it comes last (by vmid after tools).
    expect(order!.steps.map((s) => s.guest)).toEqual(['guest:broker', 'guest:sensors', 'guest:scenes', 'guest:tools', 'guest:alarm']);
    expect(order!.steps[0]!.reason).toEqual({ rank: 'critical', ownRank: 'critical', serves: ['capability:readings'], neededBy: [] });
    expect(order!.steps[2]!.reason).toEqual({ rank: 'comfort', ownRank: 'comfort', serves: ['capability:fun'], neededBy: [] });
    expect(order!.steps[4]!.reason).toEqual({ rank: 'other', ownRank: 'other', serves: [], neededBy: [] });
  });

  it('lists stopped guests separately and leaves planned ones out', () => {
    expect(orders[0]!.stopped).toEqual(['guest:off']);
    expect(orders[0]!.steps.some((s) => s.vmid === 130)).toBe(false);
  });

  it('ignores dependencies on guests of other hosts', () => {
    expect(orders[1]!.steps).toEqual([
      {
        position: 1,
        guest: 'guest:elsewhere',
        vmid: 120,
        kind: 'lxc',
        command: 'pct start 120',
        waitsFor: [],
        reason: { rank: 'other', ownRank: 'other', serves: [], neededBy: [] },
      },
    ]);
  });

  it('still returns every guest once when there is a cycle', () => {
    const c = model({
      hosts: [host('h')],
      guests: [
        guest('a', 101, { dependsOn: ['guest:b'] }),
        guest('b', 102, { dependsOn: ['guest:a'] }),
        guest('c', 100, { dependsOn: ['guest:b'] }),
      ],
    });
    expect(computeStartOrders(buildGraph(c))[0]!.steps.map((s) => s.vmid)).toEqual([100, 101, 102]);
  });
});

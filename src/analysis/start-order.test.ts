import { describe, expect, it } from 'vitest';
import { cap, guest, host, model, sys } from '../../tests/analysis/helpers.ts';
import { buildGraph } from './graph.ts';
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

  it('topological through systems, soft links count, ties by vmid', () => {
    const h = orders[0]!;
    expect(h.steps.map((s) => s.vmid)).toEqual([100, 106, 108, 110, 103]);
    expect(h.steps.find((s) => s.vmid === 103)).toEqual({
      position: 5,
      guest: 'guest:ha',
      vmid: 103,
      kind: 'qemu',
      command: 'qm start 103',
      waitsFor: ['guest:grafana', 'guest:z2m'],
    });
    expect(h.steps[1]!.command).toBe('pct start 106');
  });

  it('lists stopped guests separately and leaves planned ones out', () => {
    expect(orders[0]!.stopped).toEqual(['guest:off']);
    expect(orders[0]!.steps.some((s) => s.vmid === 130)).toBe(false);
  });

  it('ignores dependencies on guests of other hosts', () => {
    expect(orders[1]!.steps).toEqual([{ position: 1, guest: 'guest:elsewhere', vmid: 120, kind: 'lxc', command: 'pct start 120', waitsFor: [] }]);
  });

  it('still returns every guest once when there is a cycle', () => {
    const c = model({
      hosts: [host('h')],
      guests: [guest('a', 101, { dependsOn: ['guest:b'] }), guest('b', 102, { dependsOn: ['guest:a'] }), guest('c', 100, { dependsOn: ['guest:b'] })],
    });
    expect(computeStartOrders(buildGraph(c))[0]!.steps.map((s) => s.vmid)).toEqual([100, 101, 102]);
  });
});

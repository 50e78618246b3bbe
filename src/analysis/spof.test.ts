import { describe, expect, it } from 'vitest';
import { cap, guest, host, model, net, power, sys } from './test-builders.ts';
import { compileFailureGraph } from './propagate.ts';
import { sweepSingleFailures } from './spof.ts';

const m = model({
  power: [power('grid'), power('battery', { kind: 'battery' })],
  network: [
    net('ups', { kind: 'gateway', poweredBy: [{ anyOf: ['power:grid', 'power:battery'] }] }),
    net('sw', { poweredBy: ['network:ups'] }),
  ],
  hosts: [host('h', { poweredBy: ['power:grid'], connectsVia: ['network:sw'] })],
  guests: [guest('a', 100), guest('b', 101), guest('off', 102, { status: 'stopped' })],
  systems: [sys('sa', { dependsOn: ['guest:a'] }), sys('sb', { dependsOn: ['network:sw'] })],
  capabilities: [
    cap('x', { dependsOn: ['system:sa'] }),
    cap('y', { dependsOn: [{ anyOf: ['system:sa', 'system:sb'] }] }),
    cap('z', { dependsOn: ['guest:b'], enhancedBy: ['guest:a'] }),
    cap('garage', { dependsOn: ['guest:off'] }),
  ],
});

describe('single points of failure', () => {
  const { singlePointsOfFailure: spofs, sharedFailures } = sweepSingleFailures(compileFailureGraph(m));
  const byKey = Object.fromEntries(spofs.map((s) => [s.key, s]));

  it('collects capabilities down and degraded beyond the baseline', () => {
    expect(byKey['guest:a']).toEqual({ key: 'guest:a', down: ['capability:x'], degraded: ['capability:y', 'capability:z'] });
    expect(byKey['host:h']).toEqual({ key: 'host:h', down: ['capability:x', 'capability:z'], degraded: ['capability:y'] });
    // The battery keeps the UPS and the switch up, so sb (one side of y) survives the grid.
    expect(byKey['power:grid']).toEqual({ key: 'power:grid', down: ['capability:x', 'capability:z'], degraded: ['capability:y'] });
  });

  it('ranks by capabilities down, then degraded, then key; leaves out entities without effect and capabilities', () => {
    expect(spofs.map((s) => s.key)).toEqual([
      'network:sw',
      'network:ups',
      'host:h',
      'power:grid',
      'guest:a',
      'system:sa',
      'guest:b',
      'system:sb',
    ]);
    expect(byKey['power:battery']).toBeUndefined();
    expect(byKey['guest:off']).toBeUndefined();
    expect(byKey['capability:x']).toBeUndefined();
  });

  it('finds single failures that take a whole anyOf group down', () => {
    expect(sharedFailures.get('capability:y#dependsOn[0]')).toEqual(['network:sw', 'network:ups']);
    expect(sharedFailures.get('network:ups#poweredBy[0]')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { cap, guest, host, model, net, power, sys } from './test-builders.ts';
import { compileFailureGraph } from './propagate.ts';
import { sweepSingleFailures } from './spof.ts';
import { analyze } from './analyze.ts';

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
    const counts = { criticalDown: 0, criticalDegraded: 0 };
    // a takes sa and x with it: a blast radius of 2.
    expect(byKey['guest:a']).toEqual({
      key: 'guest:a',
      down: ['capability:x'],
      degraded: ['capability:y', 'capability:z'],
      ...counts,
      blastRadius: 2,
    });
    // h: its guests a and b, then sa, x and z.
    expect(byKey['host:h']).toEqual({
      key: 'host:h',
      down: ['capability:x', 'capability:z'],
      degraded: ['capability:y'],
      ...counts,
      blastRadius: 5,
    });
    // The battery keeps the UPS and the switch up, so sb (one side of y) survives the grid; h falls, and all h takes.
    expect(byKey['power:grid']).toEqual({
      key: 'power:grid',
      down: ['capability:x', 'capability:z'],
      degraded: ['capability:y'],
      ...counts,
      blastRadius: 6,
    });
  });

  it('ranks by what is lost, ties by blast radius and not by key; leaves out entities without effect and capabilities', () => {
    // ups and sw both take x, y and z down, but ups takes sw with it (9 fall, not 8); grid and h
    // both take x and z down and degrade y, but grid takes h with it (6, not 5).
    expect(spofs.map((s) => s.key)).toEqual([
      'network:ups',
      'network:sw',
      'power:grid',
      'host:h',
      'guest:a',
      'system:sa',
      'guest:b',
      'system:sb',
    ]);
    expect(byKey['power:battery']).toBeUndefined();
    expect(byKey['guest:off']).toBeUndefined();
    expect(byKey['capability:x']).toBeUndefined();
  });

  it('ranks critical capabilities lost before more capabilities lost', () => {
    const k = model({
      network: [net('core'), net('edge')],
      capabilities: [
        cap('alarm', { tier: 'critical', dependsOn: ['network:core'] }),
        cap('tv', { dependsOn: ['network:edge'] }),
        cap('music', { dependsOn: ['network:edge'] }),
      ],
    });
    const ranked = sweepSingleFailures(compileFailureGraph(k)).singlePointsOfFailure;
    expect(ranked.map((s) => [s.key, s.criticalDown, s.down.length])).toEqual([
      ['network:core', 1, 1],
      ['network:edge', 0, 2],
    ]);
  });

  it('finds single failures that take a whole anyOf group down', () => {
    expect(sharedFailures.get('capability:y#dependsOn[0]')).toEqual(['network:sw', 'network:ups']);
    expect(sharedFailures.get('network:ups#poweredBy[0]')).toBeUndefined();
  });
});

describe('false redundancy wherever the shared dependency is written', () => {
  // Two internet lines, one router and one switch, in three equally natural forms. In each, the
  // router and the switch are what both lines need: they are found, nearest (fewest fall) first.
  const lines = (extra: Record<string, unknown>) => [net('fibre', { kind: 'isp', ...extra }), net('lte', { kind: 'isp', ...extra })];
  const sweep = (sections: Record<string, unknown>) => sweepSingleFailures(compileFailureGraph(model(sections)));
  const group = 'capability:internet#dependsOn[0]';

  it('on each alternative: the group falls with them', () => {
    const s = sweep({
      network: [net('router'), net('switch'), ...lines({ connectsVia: ['network:router', 'network:switch'] })],
      capabilities: [cap('internet', { dependsOn: [{ anyOf: ['network:fibre', 'network:lte'] }] })],
    });
    // router: router, fibre, lte, internet fall; switch the same: equal, so by key.
    expect(s.sharedFailures.get(group)).toEqual(['network:router', 'network:switch']);
    expect(s.besideGroup.get(group)).toBeUndefined();
  });

  it('on the owner: the group stays up, its owner falls beside it', () => {
    const s = sweep({
      network: [net('router'), net('switch'), ...lines({})],
      capabilities: [cap('internet', { dependsOn: [{ anyOf: ['network:fibre', 'network:lte'] }, 'network:router', 'network:switch'] })],
    });
    expect(s.sharedFailures.get(group)).toEqual(['network:router', 'network:switch']);
    expect(s.besideGroup.get(group)).toEqual(['network:router', 'network:switch']);
  });

  it('inherited further down: the switch through the router the owner needs', () => {
    const s = sweep({
      network: [net('router', { connectsVia: ['network:switch'] }), net('switch'), ...lines({})],
      capabilities: [cap('internet', { dependsOn: [{ anyOf: ['network:fibre', 'network:lte'] }, 'network:router'] })],
    });
    // router: router, internet (2); switch: switch, router, internet (3).
    expect(s.sharedFailures.get(group)).toEqual(['network:router', 'network:switch']);
    expect(s.besideGroup.get(group)).toEqual(['network:router', 'network:switch']);
  });

  it('says so in the audit, in both languages', () => {
    const { audits } = analyze(
      model({
        network: [net('router'), ...lines({})],
        capabilities: [cap('internet', { dependsOn: [{ anyOf: ['network:fibre', 'network:lte'] }, 'network:router'] })],
      }),
    );
    const finding = audits.find((f) => f.rule === 'false-redundancy')!;
    expect(finding.message.en).toBe('internet (en) has the alternatives fibre, lte, but goes down all the same when this fails: router.');
    expect(finding.message.nb).toBe('internet (nb) har alternativene fibre, lte, men går ned likevel hvis denne feiler: router.');
    expect(finding.hint.en).toBe(
      'The backup does not help against router: internet (en) needs it whichever alternative works. Give router a fallback too, or count it as a single point of failure.',
    );
    expect(finding.at).toEqual(['capabilities', 0, 'dependsOn', 0]);
  });

  it('says nothing when the alternatives share nothing and the owner needs nothing else', () => {
    const s = sweep({ network: lines({}), capabilities: [cap('internet', { dependsOn: [{ anyOf: ['network:fibre', 'network:lte'] }] })] });
    expect(s.sharedFailures.get(group)).toBeUndefined();
  });
});

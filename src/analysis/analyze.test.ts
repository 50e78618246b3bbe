import { describe, expect, it } from 'vitest';
import { guest, host, model, net, power, scenario, sys } from './test-builders.ts';
import { analyze } from './analyze.ts';

const m = model({
  power: [
    power('grid'),
    power('battery', { kind: 'battery' }),
    power('ups', { kind: 'ups', runtimeMinutes: 25, poweredBy: [{ anyOf: ['power:grid', 'power:battery'] }] }),
  ],
  network: [net('gw', { kind: 'gateway', poweredBy: ['power:ups'] })],
  hosts: [host('h', { poweredBy: ['power:grid'] })],
  guests: [guest('a', 100), guest('off', 101, { status: 'stopped' })],
  systems: [sys('s', { dependsOn: ['network:gw'] })],
  scenarios: [
    scenario('outage', ['power:grid'], {
      phases: [
        {
          id: 'ups-empty',
          title: { nb: 'UPS tom', en: 'UPS empty' },
          after: { nb: 'Når batteriet er tomt', en: 'When the battery is empty' },
          afterMinutesFrom: 'power:ups',
          alsoFails: ['power:battery'],
        },
        { id: 'later', title: { nb: 'Senere', en: 'Later' }, alsoFails: ['power:grid'] },
      ],
    }),
    scenario('gw', ['network:gw']),
  ],
});

describe('analyze', () => {
  const a = analyze(m);

  it('baseline: only stopped guests are down', () => {
    expect(a.baseline.id).toBe('baseline');
    expect(a.baseline.failed).toEqual([]);
    expect(
      Object.entries(a.baseline.outcomes)
        .filter(([, o]) => o.state !== 'ok')
        .map(([k]) => k),
    ).toEqual(['guest:off']);
  });

  it('every scenario with every phase, cumulative roots, afterMinutes from runtimeMinutes', () => {
    expect(a.scenarios.map((s) => [s.id, s.phases.map((p) => p.id)])).toEqual([
      ['outage', ['start', 'ups-empty', 'later']],
      ['gw', ['start']],
    ]);
    const [start, empty, later] = a.scenarios[0]!.phases;
    expect(start!.failed).toEqual(['power:grid']);
    expect(start!.afterMinutes).toBe(0);
    expect(empty!.failed).toEqual(['power:grid', 'power:battery']);
    expect(empty!.afterMinutes).toBe(25);
    expect(empty!.after).toEqual({ nb: 'Når batteriet er tomt', en: 'When the battery is empty' });
    expect(later!.failed).toEqual(['power:grid', 'power:battery']);
    expect(later!.afterMinutes).toBeUndefined();
    expect(start!.outcomes['system:s']!.state).toBe('ok');
    expect(start!.outcomes['power:ups']!.state).toBe('degraded');
    expect(empty!.outcomes['system:s']!.state).toBe('down');
    expect(empty!.outcomes['guest:off']!.causes[0]!.via).toBe('stopped');
  });

  it('outcome keys are sorted', () => {
    const keys = Object.keys(a.baseline.outcomes);
    expect(keys).toEqual([...keys].sort());
  });

  it('is deterministic and independent of the order of entities in the model', () => {
    const reversed = model({
      power: [...m.power].reverse(),
      network: m.network,
      hosts: m.hosts,
      guests: [...m.guests].reverse(),
      systems: m.systems,
      scenarios: m.scenarios,
    });
    expect(JSON.stringify(analyze(m))).toBe(JSON.stringify(a));
    expect(JSON.stringify(analyze(reversed))).toBe(JSON.stringify(a));
  });

  it('does not change the model', () => {
    const before = JSON.stringify(m);
    analyze(m);
    expect(JSON.stringify(m)).toBe(before);
  });
});

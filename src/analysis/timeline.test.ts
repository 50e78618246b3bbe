import { describe, expect, it } from 'vitest';
import { cap, host, model, net, power, scenario, states } from './test-builders.ts';
import { analyze } from './analyze.ts';
import { explainCause } from './explain.ts';

// Hand-computed: the grid goes at t = 0; the generator takes 1 min to start and has fuel for 8 h;
// the UPS holds 20 min in all. The switch is on the UPS, the host only on the grid.
const m = model({
  power: [
    power('grid'),
    power('gen', { kind: 'generator', startDelayMinutes: 1, runtimeMinutes: 480 }),
    power('ups', { kind: 'ups', runtimeMinutes: 20, poweredBy: [{ anyOf: ['power:grid', 'power:gen'] }] }),
  ],
  network: [net('sw', { poweredBy: ['power:ups'] })],
  hosts: [host('h', { poweredBy: ['power:grid'] })],
  capabilities: [cap('lan', { dependsOn: ['network:sw'] }), cap('server', { dependsOn: ['host:h'] })],
  scenarios: [
    scenario('power-cut', ['power:grid']),
    scenario('switch-down', ['network:sw']),
    scenario('written', ['power:grid'], {
      phases: [{ id: 'later', title: { nb: 'Senere', en: 'Later' }, afterMinutesFrom: 'power:ups', alsoFails: ['power:ups'] }],
    }),
  ],
});
const analysis = analyze(m);
const phasesOf = (id: string) => analysis.scenarios.find((s) => s.id === id)!.phases;
const pick = (outcomes: Record<string, { state: string }>, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, states(outcomes as never)[k]]));
const watched = ['power:ups', 'network:sw', 'capability:lan', 'capability:server'];

describe('phases from runtimes and start delays', () => {
  const phases = phasesOf('power-cut');

  it('at once, the generator starting, running dry, the UPS empty: at 0, 1, 481 and 500 min', () => {
    expect(phases.map((p) => [p.id, p.afterMinutes, p.failed])).toEqual([
      // The generator is down while it starts, but it has not failed: the phase does not say so.
      ['start', 0, ['power:grid']],
      ['started-gen', 1, ['power:grid']],
      ['dry-gen', 481, ['power:grid', 'power:gen']],
      // 1 min of charge used before the generator took over, 19 left after it ran dry.
      ['empty-ups', 500, ['power:grid', 'power:gen', 'power:ups']],
    ]);
    expect(phases.map((p) => p.title.en)).toEqual([
      'At once (t = 0)',
      'gen has started and takes the load',
      'gen has run out of fuel',
      'The battery in ups is empty',
    ]);
    expect(phases[3]!.title.nb).toBe('Batteriet i ups er tomt');
  });

  it('the generator is down while it starts', () => {
    expect(phases.map((p) => p.outcomes['power:gen']!.state)).toEqual(['down', 'ok', 'down', 'down']);
    expect(explainCause(phases[0]!.outcomes['power:gen']!.causes[0]!, m, 'nb')).toBe('gen: nede (starter ennå)');
    expect(explainCause(phases[2]!.outcomes['power:gen']!.causes[0]!, m, 'en')).toBe('gen: down (fails in the scenario)');
  });

  it('the UPS carries the switch on battery until it is empty; the host off the UPS is down at once', () => {
    expect(phases.map((p) => pick(p.outcomes, watched))).toEqual([
      { 'power:ups': 'degraded', 'network:sw': 'ok', 'capability:lan': 'ok', 'capability:server': 'down' },
      // On the generator, the grid still out: one of its two supplies, so degraded (not on battery).
      { 'power:ups': 'degraded', 'network:sw': 'ok', 'capability:lan': 'ok', 'capability:server': 'down' },
      { 'power:ups': 'degraded', 'network:sw': 'ok', 'capability:lan': 'ok', 'capability:server': 'down' },
      { 'power:ups': 'down', 'network:sw': 'down', 'capability:lan': 'down', 'capability:server': 'down' },
    ]);
    // On battery: what it is short of, as the model writes it (both inputs are out at t = 0).
    const causes = phases[0]!.outcomes['power:ups']!.causes.map((c) => explainCause(c, m, 'en'));
    expect(causes).toEqual(['ups: degraded ← gen', 'ups: degraded ← grid']);
  });

  it('a scenario that does not touch the power has no phases from time', () => {
    expect(phasesOf('switch-down').map((p) => p.id)).toEqual(['start']);
  });

  it('a scenario with written phases keeps them, as written', () => {
    const written = phasesOf('written');
    expect(written.map((p) => [p.id, p.afterMinutes])).toEqual([
      ['start', 0],
      ['later', 20],
    ]);
    // As written, the UPS still has the generator: degraded, not down, at t = 0.
    expect(pick(written[0]!.outcomes, watched)['network:sw']).toBe('ok');
  });

  it('a UPS on the grid alone: on battery at once, empty after its runtime', () => {
    const simple = analyze(
      model({
        power: [power('grid'), power('ups', { kind: 'ups', runtimeMinutes: 240, poweredBy: ['power:grid'] })],
        network: [net('sw', { poweredBy: ['power:ups'] })],
        scenarios: [scenario('cut', ['power:grid'])],
      }),
    ).scenarios[0]!.phases;
    expect(simple.map((p) => [p.id, p.afterMinutes, p.outcomes['power:ups']!.state, p.outcomes['network:sw']!.state])).toEqual([
      ['start', 0, 'degraded', 'ok'],
      ['empty-ups', 240, 'down', 'down'],
    ]);
  });
});

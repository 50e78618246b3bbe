import { describe, expect, it } from 'vitest';
import { cap, guest, host, model, net, power, run, states, sys } from './test-builders.ts';
import { MAX_CAUSES } from './propagate.ts';

describe('propagate: hard dependencies (AND)', () => {
  const m = model({
    hosts: [host('h', { poweredBy: ['power:grid'] })],
    power: [power('grid')],
    guests: [guest('a', 100), guest('b', 101, { dependsOn: ['guest:a'] })],
    systems: [sys('s', { dependsOn: ['guest:b', 'network:sw'] })],
    network: [net('sw')],
  });

  it('everything is ok when nothing fails', () => {
    expect(Object.values(states(run(m))).every((s) => s === 'ok')).toBe(true);
  });

  it('any one hard dependency down takes the dependent down', () => {
    expect(states(run(m, ['network:sw']))['system:s']).toBe('down');
    expect(states(run(m, ['network:sw']))['guest:b']).toBe('ok');
    const viaPower = states(run(m, ['power:grid']));
    expect(viaPower).toMatchObject({ 'host:h': 'down', 'guest:a': 'down', 'guest:b': 'down', 'system:s': 'down', 'network:sw': 'ok' });
  });

  it('the root is down with via root, dependents carry the chain to it', () => {
    const out = run(m, ['power:grid']);
    expect(out['power:grid']!.causes).toEqual([{ chain: ['power:grid'], via: 'root', state: 'down' }]);
    expect(out['system:s']!.causes).toEqual([
      { chain: ['system:s', 'guest:b', 'host:h', 'power:grid'], via: 'hard', state: 'down' }, // shortest: b runs on h
    ]);
  });

  it('ok entities have no causes', () => {
    expect(run(m, ['network:sw'])['guest:a']).toEqual({ state: 'ok', causes: [] });
  });
});

describe('propagate: anyOf groups', () => {
  const m = model({
    power: [power('grid'), power('battery', { kind: 'battery' }), power('solar', { kind: 'solar' })],
    network: [
      net('ups', { poweredBy: [{ anyOf: ['power:grid', 'power:battery'] }] }),
      net('two-of-three', { poweredBy: [{ anyOf: ['power:grid', 'power:battery', 'power:solar'], atLeast: 2 }] }),
      net('behind-ups', { poweredBy: ['network:ups'] }),
    ],
  });

  it('one member down: degraded, and the degradation does not travel', () => {
    const s = states(run(m, ['power:grid']));
    expect(s['network:ups']).toBe('degraded');
    expect(s['network:behind-ups']).toBe('ok');
  });

  it('all members down: down, and that travels', () => {
    const out = run(m, ['power:grid', 'power:battery']);
    expect(out['network:ups']!.state).toBe('down');
    expect(out['network:behind-ups']!.state).toBe('down');
    expect(out['network:ups']!.causes.map((c) => c.chain)).toEqual([
      ['network:ups', 'power:battery'],
      ['network:ups', 'power:grid'],
    ]);
    expect(out['network:ups']!.causes.every((c) => c.via === 'anyOf')).toBe(true);
    expect(out['network:behind-ups']!.causes[0]).toEqual({
      chain: ['network:behind-ups', 'network:ups', 'power:battery'],
      via: 'hard',
      state: 'down',
    });
  });

  it('a degraded anyOf owner explains which member it lost', () => {
    expect(run(m, ['power:grid'])['network:ups']!.causes).toEqual([
      { chain: ['network:ups', 'power:grid'], via: 'anyOf', state: 'degraded' },
    ]);
  });

  it('atLeast: down as soon as fewer than k members are up', () => {
    expect(states(run(m, ['power:solar']))['network:two-of-three']).toBe('degraded');
    expect(states(run(m, ['power:solar', 'power:grid']))['network:two-of-three']).toBe('down');
  });
});

describe('propagate: enhancedBy is soft', () => {
  const m = model({
    systems: [
      sys('core'),
      sys('extra'),
      sys('app', { dependsOn: ['system:core'], enhancedBy: ['system:extra'] }),
      sys('user', { dependsOn: ['system:app'] }),
    ],
  });

  it('a down enhancer degrades, never takes down, and does not travel further', () => {
    const out = run(m, ['system:extra']);
    expect(out['system:app']).toEqual({
      state: 'degraded',
      causes: [{ chain: ['system:app', 'system:extra'], via: 'enhancedBy', state: 'degraded' }],
    });
    expect(out['system:user']!.state).toBe('ok');
  });

  it('a down hard dependency wins over a degraded state', () => {
    expect(states(run(m, ['system:extra', 'system:core']))['system:app']).toBe('down');
  });
});

describe('propagate: planned entities do not exist', () => {
  const m = model({
    power: [power('grid'), power('solar', { kind: 'solar', status: 'planned' }), power('gen', { kind: 'generator', status: 'planned' })],
    network: [
      net('ups', { poweredBy: [{ anyOf: ['power:grid', 'power:solar'] }] }),
      net('new', { status: 'planned', poweredBy: ['power:grid'] }),
      net('needs-two', { poweredBy: [{ anyOf: ['power:grid', 'power:solar', 'power:gen'], atLeast: 2 }] }),
    ],
    plans: [{ id: 'p', name: 'p', title: { nb: 'p', en: 'p' }, status: 'planned' }],
  });

  it('planned entities, plans, scenarios and notes are absent from outcomes', () => {
    const out = run(m);
    expect(out['power:solar']).toBeUndefined();
    expect(out['network:new']).toBeUndefined();
    expect(out['plan:p']).toBeUndefined();
  });

  it('planned members are left out of the group: the one real member is a plain dependency', () => {
    expect(states(run(m))['network:ups']).toBe('ok');
    expect(states(run(m, ['power:grid']))['network:ups']).toBe('down');
  });

  it('a group with fewer existing members than atLeast is always down, baseline included', () => {
    const out = run(m);
    expect(out['network:needs-two']).toEqual({
      state: 'down',
      causes: [{ chain: ['network:needs-two'], via: 'anyOf', state: 'down', group: { needed: 2, of: 1, up: 1 } }],
    });
  });

  it('failing a planned entity in a scenario changes nothing', () => {
    expect(states(run(m, ['power:solar']))).toEqual(states(run(m)));
  });
});

describe('propagate: stopped guests', () => {
  const m = model({
    hosts: [host('h')],
    guests: [guest('off', 111, { status: 'stopped' }), guest('user', 112, { dependsOn: ['guest:off'] })],
    capabilities: [cap('garage', { dependsOn: ['guest:user'] })],
  });

  it('are down with via stopped in the baseline, and their dependents with them', () => {
    const out = run(m);
    expect(out['guest:off']).toEqual({ state: 'down', causes: [{ chain: ['guest:off'], via: 'stopped', state: 'down' }] });
    expect(out['capability:garage']!.causes[0]!.chain).toEqual(['capability:garage', 'guest:user', 'guest:off']);
  });

  it('stay down (and explained as stopped) when their host fails too', () => {
    const out = run(m, ['host:h']);
    expect(out['guest:off']!.causes).toEqual([{ chain: ['guest:off'], via: 'stopped', state: 'down' }]);
    expect(out['capability:garage']!.causes.map((c) => c.chain.at(-1))).toEqual(['guest:off', 'host:h']);
  });
});

describe('propagate: deep chains and many causes', () => {
  it('follows a chain of 200 hard links to the root', () => {
    const systems = Array.from({ length: 200 }, (_, i) => sys(`s${i}`, i === 0 ? {} : { dependsOn: [`system:s${i - 1}`] }));
    const out = run(model({ systems }), ['system:s0']);
    expect(out['system:s199']!.state).toBe('down');
    expect(out['system:s199']!.causes[0]!.chain).toHaveLength(200);
  });

  it('keeps one shortest cause per root, at most MAX_CAUSES, shortest first', () => {
    const roots = Array.from({ length: 8 }, (_, i) => sys(`r${i}`));
    const m = model({
      systems: [
        ...roots,
        sys('mid', { dependsOn: ['system:r0'] }),
        sys('top', { dependsOn: [...roots.map((r) => `system:${r.id}`), 'system:mid'] }),
      ],
    });
    const out = run(
      m,
      roots.map((r) => `system:${r.id}`),
    );
    const causes = out['system:top']!.causes;
    expect(causes).toHaveLength(MAX_CAUSES);
    expect(causes[0]!.chain).toEqual(['system:top', 'system:r0']);
    expect(causes.map((c) => c.chain.length)).toEqual([2, 2, 2, 2]);
  });
});

describe('propagate: cycles', () => {
  it('terminates and takes the whole cycle down from one root', () => {
    const m = model({
      systems: [
        sys('a', { dependsOn: ['system:c'] }),
        sys('b', { dependsOn: ['system:a'] }),
        sys('c', { dependsOn: ['system:b'] }),
        sys('x'),
      ],
    });
    expect(states(run(m))).toEqual({ 'system:a': 'ok', 'system:b': 'ok', 'system:c': 'ok', 'system:x': 'ok' });
    const out = run(m, ['system:a']);
    expect(states(out)).toEqual({ 'system:a': 'down', 'system:b': 'down', 'system:c': 'down', 'system:x': 'ok' });
    expect(out['system:c']!.causes[0]!.chain).toEqual(['system:c', 'system:b', 'system:a']);
  });

  it('terminates on a cycle through an anyOf group', () => {
    const m = model({
      systems: [sys('a', { dependsOn: [{ anyOf: ['system:b', 'system:c'] }] }), sys('b', { dependsOn: ['system:a'] }), sys('c')],
    });
    expect(states(run(m, ['system:c']))).toEqual({ 'system:a': 'degraded', 'system:b': 'ok', 'system:c': 'down' });
    expect(states(run(m, ['system:b', 'system:c']))['system:a']).toBe('down');
  });
});

describe('propagate: which of several equally short chains explains', () => {
  it('prefers the more specific dependency (fewer dependents) at each step', () => {
    const m = model({
      hosts: [host('h')],
      guests: [guest('hub', 100), guest('radio', 101)],
      systems: [
        sys('automation', { dependsOn: ['guest:hub'] }),
        sys('zigbee', { dependsOn: ['guest:radio'] }),
        sys('other1', { dependsOn: ['system:automation'] }),
        sys('other2', { dependsOn: ['system:automation'] }),
      ],
      capabilities: [cap('scenes', { dependsOn: ['system:automation', 'system:zigbee'] })],
    });
    expect(run(m, ['host:h'])['capability:scenes']!.causes).toEqual([
      { chain: ['capability:scenes', 'system:zigbee', 'guest:radio', 'host:h'], via: 'hard', state: 'down' },
    ]);
  });
});

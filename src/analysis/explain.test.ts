import { describe, expect, it } from 'vitest';
import { cap, guest, host, model } from './test-builders.ts';
import { explainCause, stateLabel, keyLabel } from './explain.ts';
import { run } from './test-builders.ts';

const m = model({
  hosts: [host('pve-core')],
  guests: [
    guest('zigbee2mqtt', 110, { host: 'pve-core' }),
    guest('homeassistant', 103, { host: 'pve-core', kind: 'qemu' }),
    guest('z2m-garage', 111, { host: 'pve-core', status: 'stopped' }),
  ],
  capabilities: [
    cap('zigbee-scenes', {
      title: { nb: 'Zigbee-scener', en: 'Zigbee scenes' },
      dependsOn: ['guest:zigbee2mqtt'],
      enhancedBy: ['guest:homeassistant'],
    }),
    cap('garage', { title: { nb: 'Garasje', en: 'Garage' }, dependsOn: ['guest:z2m-garage'] }),
    cap('half', { title: { nb: 'Halv', en: 'Half' } }),
  ],
});

describe('explainCause', () => {
  it('says how many a k-of-n group needs and how many are up, not just which member fell', () => {
    const k = model({
      hosts: [host('pve1'), host('pve2'), host('pve3')],
      capabilities: [
        cap('vms', { title: { nb: 'VM-er', en: 'VMs' }, dependsOn: [{ anyOf: ['host:pve1', 'host:pve2', 'host:pve3'], atLeast: 2 }] }),
      ],
    });
    const one = run(k, ['host:pve1'])['capability:vms']!;
    expect(one.state).toBe('degraded');
    expect(explainCause(one.causes[0]!, k, 'nb')).toBe('VM-er: redusert (trenger 2 av 3, 2 oppe) ← pve1');
    expect(explainCause(one.causes[0]!, k, 'en')).toBe('VMs: degraded (needs 2 of 3, 2 up) ← pve1');
    const two = run(k, ['host:pve1', 'host:pve2'])['capability:vms']!;
    expect(two.state).toBe('down');
    expect(two.causes.map((c) => explainCause(c, k, 'en'))).toEqual([
      'VMs: down (needs 2 of 3, 1 up) ← pve1',
      'VMs: down (needs 2 of 3, 1 up) ← pve2',
    ]);
    expect(explainCause(two.causes[0]!, k, 'nb')).toBe('VM-er: nede (trenger 2 av 3, 1 oppe) ← pve1');
    // Any one of the group will do: the chain alone says it.
    const any = model({
      hosts: [host('a'), host('b')],
      capabilities: [cap('c', { title: { nb: 'C', en: 'C' }, dependsOn: [{ anyOf: ['host:a', 'host:b'] }] })],
    });
    expect(explainCause(run(any, ['host:a', 'host:b'])['capability:c']!.causes[0]!, any, 'en')).toBe('C: down ← a');
  });

  it('prints the chain in both languages, guests with (LXC n)/(VM n)', () => {
    const cause = run(m, ['host:pve-core'])['capability:zigbee-scenes']!.causes[0]!;
    expect(explainCause(cause, m, 'nb')).toBe('Zigbee-scener: nede ← zigbee2mqtt (LXC 110) ← pve-core');
    expect(explainCause(cause, m, 'en')).toBe('Zigbee scenes: down ← zigbee2mqtt (LXC 110) ← pve-core');
  });

  it('says degraded for a soft cause, and names a VM', () => {
    const cause = { chain: ['capability:zigbee-scenes', 'guest:homeassistant'], via: 'enhancedBy' as const, state: 'degraded' as const };
    expect(explainCause(cause, m, 'nb')).toBe('Zigbee-scener: redusert ← homeassistant (VM 103)');
    expect(explainCause(cause, m, 'en')).toBe('Zigbee scenes: degraded ← homeassistant (VM 103)');
  });

  it('marks a stopped guest at the end of a chain, and explains roots', () => {
    const out = run(m, ['host:pve-core']);
    expect(explainCause(out['capability:garage']!.causes[0]!, m, 'nb')).toBe('Garasje: nede ← z2m-garage (LXC 111, stoppet)');
    expect(explainCause(out['capability:garage']!.causes[0]!, m, 'en')).toBe('Garage: down ← z2m-garage (LXC 111, stopped)');
    expect(explainCause(out['guest:z2m-garage']!.causes[0]!, m, 'en')).toBe('z2m-garage (LXC 111): down (stopped)');
    expect(explainCause(out['host:pve-core']!.causes[0]!, m, 'nb')).toBe('pve-core: nede (feiler i scenariet)');
    expect(explainCause(out['host:pve-core']!.causes[0]!, m, 'en')).toBe('pve-core: down (fails in the scenario)');
  });

  it('falls back to the key for unknown entities', () => {
    expect(keyLabel('guest:nope', m, 'en')).toBe('guest:nope');
    expect(explainCause({ chain: ['capability:half', 'system:gone'], via: 'hard' }, m, 'en')).toBe('Half: down ← system:gone');
  });
});

describe('stateLabel', () => {
  it('has one word per state and language', () => {
    expect(['ok', 'degraded', 'down'].map((s) => stateLabel(s as 'ok', 'nb'))).toEqual(['virker', 'redusert', 'nede']);
    expect(['ok', 'degraded', 'down'].map((s) => stateLabel(s as 'ok', 'en'))).toEqual(['works', 'degraded', 'down']);
  });
});

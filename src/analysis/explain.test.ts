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

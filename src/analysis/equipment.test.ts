import { describe, expect, it } from 'vitest';
import { isEquipment, isStoppedByFailure } from './equipment.ts';
import { guest, host, model, net, run, sys } from './test-builders.ts';

describe('isStoppedByFailure', () => {
  const m = model({
    hosts: [host('h')],
    network: [net('gw', { kind: 'gateway' })],
    systems: [sys('nvr', { dependsOn: ['network:gw'] })],
    guests: [guest('detector', 105, { dependsOn: ['system:nvr'] }), guest('other', 106)],
  });

  it('a guest whose host fails is stopped; one that only loses a system it uses keeps running', () => {
    const hostDown = run(m, ['host:h']);
    expect(isStoppedByFailure(hostDown['guest:detector']!)).toBe(true);
    expect(isStoppedByFailure(hostDown['host:h']!)).toBe(true);
    const gatewayDown = run(m, ['network:gw']);
    expect(gatewayDown['guest:detector']!.state).toBe('down');
    expect(isStoppedByFailure(gatewayDown['guest:detector']!)).toBe(false);
    expect(isStoppedByFailure(gatewayDown['guest:other']!)).toBe(false);
  });

  it('knows the equipment kinds', () => {
    expect(['host:a', 'guest:a', 'network:a', 'power:a', 'storage:a'].every(isEquipment)).toBe(true);
    expect(['system:a', 'capability:a', 'location:a'].some(isEquipment)).toBe(false);
  });
});

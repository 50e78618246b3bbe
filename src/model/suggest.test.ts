import { describe, expect, it } from 'vitest';
import { didYouMean, suggest } from './suggest.ts';

describe('suggest', () => {
  it('finds a one-letter typo', () => {
    expect(suggest('pve-kore', ['lorawan-gateway', 'pve-core', 'garage-cm4'])).toBe('pve-core');
  });
  it('finds a transposition and a case slip', () => {
    expect(suggest('hsot', ['host', 'status'])).toBe('host');
    expect(suggest('memoryMB', ['memoryMb', 'cores'])).toBe('memoryMb');
  });
  it('finds a missing suffix', () => {
    expect(suggest('zigbee2mqtt-garage', ['zigbee2mqtt', 'zigbee2mqtt-garasje'])).toBe('zigbee2mqtt-garasje');
  });
  it('gives nothing for unrelated words', () => {
    expect(suggest('banana', ['host', 'status', 'cores'])).toBeUndefined();
    expect(didYouMean('x', [])).toBe('');
  });
  it('never suggests the value itself', () => {
    expect(suggest('host', ['host'])).toBeUndefined();
  });
  it('formats the hint', () => {
    expect(didYouMean('pve-kore', ['pve-core'])).toBe(' (did you mean "pve-core"?)');
  });
});

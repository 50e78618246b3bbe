import { describe, expect, it } from 'vitest';
import { DriftsbokError, formatError } from './errors.ts';
import { DiagramError } from './diagrams/render.ts';
import { ProxmoxReadError } from './proxmox/answers.ts';

describe('DriftsbokError', () => {
  it('writes the problem and the hint one way, and keeps both', () => {
    const error = new DriftsbokError('X is wrong', 'set Y');
    expect(error.message).toBe('X is wrong\n  hint: set Y');
    expect(error.what).toBe('X is wrong');
    expect(error.howToFix).toBe('set Y');
    expect(new DriftsbokError('only a problem').message).toBe('only a problem');
    expect(formatError('p', 'h', '    ')).toBe('p\n    hint: h');
  });

  it('names each error by its class and is recognised by instanceof, from any copy of the module', () => {
    const error = new DiagramError({ id: 'd', source: 's' }, 'broken');
    expect(error.name).toBe('DiagramError');
    expect(error).toBeInstanceOf(DriftsbokError);
    expect(error).not.toBeInstanceOf(ProxmoxReadError);
    // What another copy of this module (a page Astro renders) would throw.
    const fromAnotherCopy = Object.assign(new Error('elsewhere'), { [Symbol.for('driftsbok.error')]: true });
    expect(fromAnotherCopy instanceof DriftsbokError).toBe(true);
    expect(new Error('plain') instanceof DriftsbokError).toBe(false);
  });
});

/**
 * Whether the Mermaid speed patch was applied is part of every diagram's cache key, and a patch that
 * does not fit the installed Mermaid fails under CI (tests/diagrams/mermaid-speedup.test.ts shows
 * that the patched Mermaid draws the same pictures).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MermaidPatchError } from '../../src/diagrams/mermaid-speedup.ts';
import { cacheKey, mermaidPatchId, withSpeedup } from '../../src/diagrams/render.ts';

const NOT_MERMAID = '"use strict";var x=1;';

describe('the Mermaid speed patch', () => {
  const saved = process.env.DRIFTSBOK_MERMAID_SPEEDUP;
  afterEach(() => {
    if (saved === undefined) delete process.env.DRIFTSBOK_MERMAID_SPEEDUP;
    else process.env.DRIFTSBOK_MERMAID_SPEEDUP = saved;
  });

  it('is recorded in the cache key: a hash of the patch when applied, "off" when switched off', () => {
    const spec = { id: 'patch-id-test', source: 'test', mermaid: 'flowchart LR\n  a --> b' } as never;
    delete process.env.DRIFTSBOK_MERMAID_SPEEDUP;
    const on = mermaidPatchId();
    const keyOn = cacheKey(spec);
    expect(on).toMatch(/^[0-9a-f]{16}$/);
    process.env.DRIFTSBOK_MERMAID_SPEEDUP = '0';
    expect(mermaidPatchId()).toBe('off');
    expect(cacheKey(spec)).not.toBe(keyOn);
  });

  it('that does not fit falls back to Mermaid as it is, said once, and fails under CI', () => {
    const log = vi.fn();
    expect(withSpeedup(NOT_MERMAID, { speedup: true, ci: false, log })).toEqual({ script: NOT_MERMAID, patched: false });
    expect(log).toHaveBeenCalledOnce();
    expect(log.mock.calls[0]![0]).toMatch(/^diagrams: Mermaid's bundle does not look as expected .*; rendering with Mermaid as it is/);
    expect(() => withSpeedup(NOT_MERMAID, { speedup: true, ci: true, log })).toThrow(MermaidPatchError);
    expect(() => withSpeedup(NOT_MERMAID, { speedup: true, ci: true, log })).toThrow(
      /hint: after a Mermaid upgrade.*DRIFTSBOK_MERMAID_SPEEDUP=0/s,
    );
    expect(withSpeedup(NOT_MERMAID, { speedup: false, ci: true, log })).toEqual({ script: NOT_MERMAID, patched: false });
  });
});

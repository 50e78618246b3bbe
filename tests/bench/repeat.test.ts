import { describe, expect, it } from 'vitest';
import { median, repeatShort, REPEAT_BELOW_MS } from '../../src/bench/repeat.ts';

describe('repeating short builds', () => {
  it('takes the middle run, the faster middle of an even count', () => {
    expect(median([{ ms: 3 }, { ms: 1 }, { ms: 2 }])).toEqual({ ms: 2 });
    expect(median([{ ms: 4 }, { ms: 1 }, { ms: 3 }, { ms: 2 }])).toEqual({ ms: 2 });
    expect(median([{ ms: 7 }])).toEqual({ ms: 7 });
  });

  it('runs a short build three times, a long or failed one once', async () => {
    const times = (ms: number[], ok = true) => {
      const calls: number[] = [];
      return repeatShort(
        async (n) => (calls.push(n), { ms: ms[n - 1]!, ok }),
        (r) => r.ok,
      ).then((runs) => ({ runs: runs.length, calls }));
    };
    expect(await times([100, 200, 300])).toEqual({ runs: 3, calls: [1, 2, 3] });
    expect(await times([REPEAT_BELOW_MS])).toEqual({ runs: 1, calls: [1] });
    expect(await times([100, REPEAT_BELOW_MS + 1])).toEqual({ runs: 2, calls: [1, 2] });
    expect(await times([100], false)).toEqual({ runs: 1, calls: [1] });
  });
});

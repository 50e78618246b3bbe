import { describe, expect, it } from 'vitest';
import { guest, host, model } from './test-builders.ts';
import { summarise } from './summary.ts';

describe('summarise', () => {
  it('counts guests by kind and status, and sums resources where stated', () => {
    const m = model({
      hosts: [host('h'), host('g')],
      guests: [
        guest('a', 100, { cores: 2, memoryMb: 1024 }),
        guest('b', 101, { cores: 1, status: 'stopped' }),
        guest('v', 200, { kind: 'qemu', memoryMb: 6144, diskGb: 100 }),
        guest('p', 300, { status: 'planned', cores: 8, host: 'g' }),
      ],
    });
    const s = summarise(m);
    expect(s.lxc).toEqual({ running: 1, stopped: 1, planned: 1, total: 2 });
    expect(s.qemu).toEqual({ running: 1, stopped: 0, planned: 0, total: 1 });
    expect(s.guests).toEqual({ running: 2, stopped: 1, planned: 1, total: 3 });
    expect(s.cores).toEqual({ running: 2, total: 3, unknown: 1 });
    expect(s.memoryMb).toEqual({ running: 7168, total: 7168, unknown: 1 });
    expect(s.diskGb).toEqual({ running: 100, total: 100, unknown: 2 });
    expect(s.perHost.map((p) => [p.host, p.lxc.total, p.lxc.planned])).toEqual([
      ['h', 2, 0],
      ['g', 0, 1],
    ]);
  });
});

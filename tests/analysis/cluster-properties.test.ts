/** Properties of clusters and HA (fast-check): quorum is a strict majority; more allowed nodes never hurt. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { guest, host, model, run } from '../../src/analysis/test-builders.ts';

/** Up to 7 nodes with 1-3 votes each, and which of them fail. */
const clusterArb = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc.record({
    votes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: n, maxLength: n }),
    failed: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    qdevice: fc.boolean(),
    qdeviceFailed: fc.boolean(),
  }),
);

const nodeIds = (n: number) => Array.from({ length: n }, (_, i) => `n${i}`);

describe('quorum', () => {
  it('the cluster has quorum exactly when the votes up are more than half of all votes', () => {
    fc.assert(
      fc.property(clusterArb, ({ votes, failed, qdevice, qdeviceFailed }) => {
        const ids = nodeIds(votes.length);
        const m = model({
          hosts: [...ids.map((id) => host(id)), ...(qdevice ? [host('q', { kind: 'raspberry-pi' })] : [])],
          clusters: [
            {
              id: 'c',
              name: 'c',
              nodes: ids.map((id, i) => (votes[i] === 1 ? id : { host: id, votes: votes[i] })),
              ...(qdevice ? { qdevice: 'host:q' } : {}),
            },
          ],
        });
        const roots = [...ids.filter((_, i) => failed[i]).map((id) => `host:${id}`), ...(qdevice && qdeviceFailed ? ['host:q'] : [])];
        const total = votes.reduce((a, b) => a + b, 0) + (qdevice ? 1 : 0);
        const up = votes.reduce((a, v, i) => a + (failed[i] ? 0 : v), 0) + (qdevice && !qdeviceFailed ? 1 : 0);
        const hasQuorum = 2 * up > total;
        expect(run(m, roots)['cluster:c']!.state !== 'down').toBe(hasQuorum);
      }),
      { numRuns: 300 },
    );
  });
});

describe('HA groups', () => {
  it('adding a node to an HA group never makes the guest down where it was not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            group: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n }),
            extra: fc.integer({ min: 0, max: n - 1 }),
            failed: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
            clusterFails: fc.boolean(),
          }),
        ),
        ({ n, group, extra, failed, clusterFails }) => {
          const ids = nodeIds(n);
          const withGroup = (members: number[]) =>
            model({
              hosts: ids.map((id) => host(id)),
              clusters: [{ id: 'c', name: 'c', nodes: ids }],
              guests: [guest('g', 100, { host: ids[members[0]!], ha: { cluster: 'c', group: [...new Set(members)].map((i) => ids[i]) } })],
            });
          const roots = [...ids.filter((_, i) => failed[i]).map((id) => `host:${id}`), ...(clusterFails ? ['cluster:c'] : [])];
          const before = run(withGroup(group), roots)['guest:g']!.state;
          const after = run(withGroup([...group, extra]), roots)['guest:g']!.state;
          if (before !== 'down') expect(after).not.toBe('down');
        },
      ),
      { numRuns: 300 },
    );
  });
});

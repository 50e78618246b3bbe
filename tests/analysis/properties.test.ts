/** Properties over random dependency DAGs (fast-check). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cap, guest, host, model, scenario, sys } from '../../src/analysis/test-builders.ts';
import { compileFailureGraph, propagate, severityOf } from '../../src/analysis/propagate.ts';
import { sweepSingleFailures } from '../../src/analysis/spof.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import type { Model } from '../../src/model/schema/model.ts';

interface NodeSpec {
  kind: 'system' | 'capability' | 'guest';
  planned: boolean;
  stopped: boolean;
  hard: number[];
  soft: number[];
  group?: { members: number[]; atLeast: number };
}

/** A random DAG: node i only points at nodes j < i. */
const dagArb: fc.Arbitrary<NodeSpec[]> = fc.integer({ min: 1, max: 10 }).chain((n) =>
  fc
    .tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.record({
          kind: fc.constantFrom<NodeSpec['kind']>('system', 'capability', 'guest'),
          planned: fc.boolean().map((b) => b && i % 3 === 0),
          stopped: fc.boolean().map((b) => b && i % 4 === 1),
          hard: i === 0 ? fc.constant<number[]>([]) : fc.uniqueArray(fc.integer({ min: 0, max: i - 1 }), { maxLength: 2 }),
          soft: i === 0 ? fc.constant<number[]>([]) : fc.uniqueArray(fc.integer({ min: 0, max: i - 1 }), { maxLength: 2 }),
          group:
            i < 2
              ? fc.constant(undefined)
              : fc.option(
                  fc
                    .uniqueArray(fc.integer({ min: 0, max: i - 1 }), { minLength: 2, maxLength: 4 })
                    .chain((members) => fc.record({ members: fc.constant(members), atLeast: fc.integer({ min: 1, max: members.length }) })),
                  { nil: undefined },
                ),
        }),
      ),
    )
    .map((nodes) => nodes as NodeSpec[]),
);

const keyOf = (specs: NodeSpec[], i: number) => `${specs[i]!.kind}:n${i}`;

function toModel(specs: NodeSpec[], order?: number[]): Model {
  const entities = specs.map((s, i) => {
    const dependsOn: unknown[] = s.hard.map((j) => keyOf(specs, j));
    if (s.group) dependsOn.push({ anyOf: s.group.members.map((j) => keyOf(specs, j)), atLeast: s.group.atLeast });
    const rel = {
      ...(dependsOn.length ? { dependsOn } : {}),
      ...(s.soft.length ? { enhancedBy: s.soft.map((j) => keyOf(specs, j)) } : {}),
    };
    const id = `n${i}`;
    if (s.kind === 'guest')
      return { kind: s.kind, e: guest(id, 100 + i, { status: s.planned ? 'planned' : s.stopped ? 'stopped' : 'running', ...rel }) };
    if (s.kind === 'capability') return { kind: s.kind, e: cap(id, { ...(s.planned ? { status: 'planned' } : {}), ...rel }) };
    return { kind: s.kind, e: sys(id, { ...(s.planned ? { status: 'planned' } : {}), ...rel }) };
  });
  const ordered = order ? order.map((i) => entities[i]!) : entities;
  const pick = (kind: string) => ordered.filter((x) => x.kind === kind).map((x) => x.e);
  return model({ hosts: [host('h')], guests: pick('guest'), systems: pick('system'), capabilities: pick('capability') });
}

const keys = (specs: NodeSpec[]) => specs.map((_, i) => keyOf(specs, i));

describe('properties over random DAGs', () => {
  it('failing a superset never makes any entity better off', () => {
    fc.assert(
      fc.property(
        dagArb.chain((specs) => fc.tuple(fc.constant(specs), fc.subarray(keys(specs)))),
        ([specs, a]) => {
          const fg = compileFailureGraph(toModel(specs));
          const small = propagate(fg, a);
          // Every superset with one more root: larger supersets follow by transitivity, and single
          // steps hit the interesting cases (one more member of a group down) far more often.
          for (const extra of fg.keys) {
            const big = propagate(fg, [...a, extra]);
            for (const [k, o] of Object.entries(small))
              expect(severityOf(big[k]!.state), `${k} after also failing ${extra}`).toBeGreaterThanOrEqual(severityOf(o.state));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('raising atLeast never makes a group (or anything) more available', () => {
    fc.assert(
      fc.property(
        dagArb
          .filter((specs) => specs.some((s) => s.group))
          .chain((specs) =>
            fc.tuple(
              fc.constant(specs),
              fc.constantFrom(...specs.flatMap((s, i) => (s.group ? [i] : []))),
              fc.integer({ min: 1, max: 4 }),
              fc.subarray(keys(specs)),
            ),
          ),
        ([specs, owner, raise, roots]) => {
          const group = specs[owner]!.group!;
          const raised = specs.map((s, i) => (i === owner ? { ...s, group: { ...group, atLeast: group.atLeast + raise } } : s));
          const before = propagate(compileFailureGraph(toModel(specs)), roots);
          const after = propagate(compileFailureGraph(toModel(raised)), roots);
          for (const [k, o] of Object.entries(before))
            expect(severityOf(after[k]!.state), `${k} with atLeast ${group.atLeast + raise}`).toBeGreaterThanOrEqual(severityOf(o.state));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the result does not depend on the order of entities in the model', () => {
    fc.assert(
      fc.property(
        dagArb.chain((specs) =>
          fc.tuple(
            fc.constant(specs),
            fc.shuffledSubarray(Array.from(specs.keys()), { minLength: specs.length, maxLength: specs.length }),
            fc.subarray(keys(specs)),
          ),
        ),
        ([specs, order, roots]) => {
          const a = propagate(compileFailureGraph(toModel(specs)), roots);
          const b = propagate(compileFailureGraph(toModel(specs, order)), [...roots].reverse());
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('analyze is deterministic', () => {
    fc.assert(
      fc.property(
        dagArb.chain((specs) => fc.tuple(fc.constant(specs), fc.subarray(keys(specs), { minLength: 1 }))),
        ([specs, roots]) => {
          const m = { ...toModel(specs), scenarios: [scenario('s', roots)] } as Model;
          expect(JSON.stringify(analyze(m))).toBe(JSON.stringify(analyze(m)));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the fast single-failure sweep agrees with full propagation', () => {
    fc.assert(
      fc.property(dagArb, (specs) => {
        const fg = compileFailureGraph(toModel(specs));
        const base = propagate(fg, []);
        const sweep = new Map(sweepSingleFailures(fg).singlePointsOfFailure.map((s) => [s.key, s]));
        for (const key of fg.keys) {
          if (key.startsWith('capability:')) continue;
          const out = propagate(fg, [key]);
          const caps = fg.keys.filter((k) => k.startsWith('capability:'));
          const down = caps.filter((k) => out[k]!.state === 'down' && base[k]!.state !== 'down');
          const degraded = caps.filter((k) => out[k]!.state === 'degraded' && base[k]!.state === 'ok');
          const got = sweep.get(key) ?? { key, down: [], degraded: [] };
          expect({ key, down: got.down, degraded: got.degraded }).toEqual({ key, down: down.sort(), degraded: degraded.sort() });
        }
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * Speed of the single-failure sweep on a model 100× Saghaugen (src/bench/synthetic-model.ts:
 * 8300 entities, 6500 that can fail, 12 000 edges). Measured on the 2-core dev machine (2026-11,
 * shared with other builds): the sweep takes 15-220 ms, analyze() as a whole 5-10 s, most of it building
 * the outcome records for 600 scenario phases × 6500 entities (the output itself is ~200 MB of JSON).
 * The bound below is generous so that a loaded CI machine does not flake; it still catches a return to
 * O(n²) propagation with causes per entity.
 */
import { describe, expect, it } from 'vitest';
import { syntheticModel } from '../../src/bench/synthetic-model.ts';
import { compileFailureGraph } from '../../src/analysis/propagate.ts';
import { sweepSingleFailures } from '../../src/analysis/spof.ts';

describe('single points of failure: speed', () => {
  it('sweeps a 100× model in well under the bound', () => {
    const fg = compileFailureGraph(syntheticModel(100));
    expect(fg.keys.length).toBeGreaterThan(3000);
    const t = performance.now();
    const { singlePointsOfFailure } = sweepSingleFailures(fg);
    const ms = performance.now() - t;
    console.log(`single-failure sweep: ${fg.keys.length} entities in ${ms.toFixed(0)} ms`);
    expect(singlePointsOfFailure.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(5000);
  });
});

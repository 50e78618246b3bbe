import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load-model.ts';
import { analyze, explainCause } from '../../src/analysis/analyze.ts';
import { indexEntities } from '../../src/model/entities.ts';
import { compactMatrix, matrixView, phaseView, scenarioMatrix } from '../../src/site/scenario-view.ts';
import { syntheticModel } from '../../src/bench/synthetic-model.ts';

const loaded = loadModel('tests/fixtures/models/mini/model');
if (!loaded.ok) throw new Error('mini fixture does not load');
const model = loaded.model;
const analysis = analyze(model);
const index = indexEntities(model);

describe('scenario views', () => {
  it('sorts every existing capability of a phase into works / degraded / lost, with explanations', () => {
    const result = analysis.scenarios.find((s) => s.id === 'node-down')!;
    const view = phaseView(model, result.phases[0]!, { lang: 'en', index }, (c, lang) => explainCause(c, model, lang));
    const existing = model.capabilities.filter((c) => c.status !== 'planned').length;
    expect(view.works.length + view.degraded.length + view.lost.length).toBe(existing);
    expect(view.failed).toEqual([expect.objectContaining({ t: 'link', href: '/en/hosts/fs-node/' })]);
    for (const line of [...view.lost, ...view.degraded]) expect(line.explanations.length, line.key).toBeGreaterThan(0);
    for (const line of view.works) expect(line.explanations).toEqual([]);
  });

  it('lists everything for Saghaugen: no phase of it has a list long enough to shorten', () => {
    const saghaugen = loadModel('model');
    if (!saghaugen.ok) throw new Error('model/ does not load');
    const m = saghaugen.model;
    const a = analyze(m);
    const idx = indexEntities(m);
    for (const result of a.scenarios) {
      for (const phase of result.phases) {
        const view = phaseView(m, phase, { lang: 'nb', index: idx }, (c, lang) => explainCause(c, m, lang), { baseline: a.baseline });
        expect([view.worksOmitted, view.otherDownOmitted], `${result.id}/${phase.id}`).toEqual([0, 0]);
      }
    }
  });

  it('lists what else is degraded, and keeps a running guest that lacks its input out of what is down (Saghaugen)', () => {
    const saghaugen = loadModel('model');
    if (!saghaugen.ok) throw new Error('model/ does not load');
    const m = saghaugen.model;
    const a = analyze(m);
    const idx = indexEntities(m);
    const view = (scenarioId: string, phase = 0) =>
      phaseView(
        m,
        a.scenarios.find((s) => s.id === scenarioId)!.phases[phase]!,
        { lang: 'nb', index: idx },
        (c, lang) => explainCause(c, m, lang),
        {
          baseline: a.baseline,
        },
      );
    // The UPS runs on its battery when the grid is gone: degraded, and said so in the text.
    const power = view('power-outage');
    expect(power.otherDegraded.map((l) => l.key)).toEqual(['power:unifi-ups']);
    expect(power.otherDegraded[0]!.explanations.join(' ')).toMatch(/Strømnettet/);
    expect(power.idle).toEqual([]);
    // Without the UDM-Pro, Frigate's LXC still runs on pve-core; it only gets no video from Protect.
    const udm = view('udm-pro-down');
    expect(udm.idle.map((l) => l.key)).toEqual(['guest:frigate']);
    expect(udm.otherDown.map((l) => l.key)).not.toContain('guest:frigate');
    expect(udm.otherDown.map((l) => l.key)).toContain('network:udm-pro');
    // When pve-core itself is down, Frigate's LXC is down with it.
    expect(view('proxmox-down').otherDown.map((l) => l.key)).toContain('guest:frigate');
  });

  it('past the list limit names only the critical capabilities that work and only what the scenario took down', () => {
    const big = syntheticModel(3);
    const a = analyze(big);
    const idx = indexEntities(big);
    const existing = big.capabilities.filter((c) => c.status !== 'planned').map((c) => `capability:${c.id}`);
    expect(existing.length).toBeGreaterThan(40);
    const phase = a.scenarios.find((s) => s.id.startsWith('isp-down'))!.phases[0]!;
    const view = phaseView(big, phase, { lang: 'en', index: idx }, (c, lang) => explainCause(c, big, lang), {
      baseline: a.baseline,
      listLimit: 40,
    });
    expect(view.worksOmitted).toBeGreaterThan(0);
    expect(view.works.length + view.worksOmitted + view.degraded.length + view.lost.length).toBe(existing.length);
    for (const line of view.works) expect(idx.get(line.key)!.entity.tier, line.key).toBe('critical');
    const okCritical = existing.filter((k) => phase.outcomes[k]!.state === 'ok' && idx.get(k)!.entity.tier === 'critical');
    expect(view.works.map((l) => l.key)).toEqual(okCritical);
    // Everything else down: what the scenario took down is listed, what was down before is counted.
    const downBefore = (k: string) => a.baseline.outcomes[k]?.state === 'down';
    const otherDown = Object.keys(phase.outcomes).filter((k) => !k.startsWith('capability:') && phase.outcomes[k]!.state === 'down');
    expect(otherDown.length).toBeGreaterThan(4);
    const small = phaseView(big, phase, { lang: 'en', index: idx }, (c, lang) => explainCause(c, big, lang), {
      baseline: a.baseline,
      listLimit: 4,
    });
    expect(small.otherDown.map((l) => l.key).sort()).toEqual(otherDown.filter((k) => !downBefore(k)).sort());
    expect(small.otherDownOmitted).toBe(otherDown.filter(downBefore).length);
    expect(small.otherDownOmitted).toBeGreaterThan(0);
  });

  it('gives a later phase its title and when it begins', () => {
    const result = analysis.scenarios.find((s) => s.id === 'power-cut')!;
    const later = phaseView(model, result.phases[1]!, { lang: 'nb', index }, (c, lang) => explainCause(c, model, lang));
    expect(later.title).toBe('UPS-en er tom');
    expect(later.when).toContain('Etter omtrent 40 minutter.');
  });

  it('builds the matrix with a text mark in every cell', () => {
    const matrix = scenarioMatrix(model, analysis, 'en');
    expect(matrix.columns.map((c) => `${c.scenarioId}/${c.phaseId}`)).toContain('power-cut/ups-empty');
    for (const row of matrix.rows) {
      expect(row.cells).toHaveLength(matrix.columns.length);
      for (const cell of row.cells) expect(['✓', '!', '✗']).toContain(cell.mark);
    }
  });

  it('lists exactly the grid’s degraded and lost cells when compact, and the rest as fine everywhere', () => {
    const grid = scenarioMatrix(model, analysis, 'nb');
    const compact = compactMatrix(model, analysis, 'nb');
    const notOk = (key: string) =>
      grid.rows
        .find((r) => r.key === key)!
        .cells.flatMap((cell, i) => (cell.state === 'degraded' || cell.state === 'down' ? [`${grid.columns[i]!.label} ${cell.mark}`] : []));
    expect(compact.rows.length).toBeGreaterThan(0);
    for (const row of compact.rows)
      expect(
        row.hits.map((h) => `${h.column.label} ${h.mark}`),
        row.key,
      ).toEqual(notOk(row.key));
    for (const key of compact.allOk) expect(notOk(key), key).toEqual([]);
    expect([...compact.rows.map((r) => r.key), ...compact.allOk].sort()).toEqual(grid.rows.map((r) => r.key).sort());
  });

  it('shows the grid for a small model and the compact lists past the limits', () => {
    expect(matrixView(model, analysis, 'en').kind).toBe('grid');
    expect(matrixView(model, analysis, 'en', { maxCells: 1, maxColumns: 100 }).kind).toBe('compact');
    expect(matrixView(model, analysis, 'en', { maxCells: 1e9, maxColumns: 1 }).kind).toBe('compact');
    // A model 10× Saghaugen: ~150 capabilities × ~80 phases would be a 12 000-cell grid.
    const big = syntheticModel(10, 1);
    const view = matrixView(big, analyze(big), 'en');
    expect(view.kind).toBe('compact');
  });
});

import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load-model.ts';
import { analyze, explainCause } from '../../src/analysis/analyze.ts';
import { indexEntities } from '../../src/model/entities.ts';
import { phaseView, scenarioMatrix } from '../../src/site/scenario-view.ts';

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
});

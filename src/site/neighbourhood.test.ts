import { describe, expect, it } from 'vitest';
import { loadModel } from '../model/load-model.ts';
import type { Model } from '../model/schema/model.ts';
import { buildGraph } from '../model/graph.ts';
import { analyze } from '../analysis/analyze.ts';
import { hasNeighbourhood, neighbourhoodSentences, neighbourhoodView, providerVerb } from './neighbourhood.ts';
import { WORDS } from '../i18n/store.ts';
import { RELATIONS } from '../model/graph.ts';

function mini(): Model {
  const result = loadModel('tests/fixtures/models/mini/model');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.model;
}

const model = mini();
const graph = buildGraph(model);
const names = (groups: { items: { key: string }[] }[]) => groups.flatMap((g) => g.items.map((i) => i.key));

describe('neighbourhoodView', () => {
  it('puts what the entity needs on the left and what needs it on the right, each linked', () => {
    const view = neighbourhoodView(graph, 'guest:files', 'en', { base: '/' });
    expect(view.centre).toMatchObject({ key: 'guest:files', name: 'files', detail: 'LXC 101', kind: 'Guest' });
    expect(names(view.needs)).toEqual(['host:fs-node', 'guest:dns']);
    expect(names(view.neededBy)).toEqual(expect.arrayContaining(['system:file-sharing']));
    const dns = view.needs.flatMap((g) => g.items).find((i) => i.key === 'guest:dns')!;
    expect(dns.href).toBe('/en/guests/dns/');
    expect(dns.connectors).toEqual([{ relation: 'dependsOn', verb: 'needed by', assumed: true }]);
  });

  it('reads every connector as a sentence in the page language, assumed said in words', () => {
    const nb = neighbourhoodSentences(neighbourhoodView(graph, 'guest:files', 'nb'), 'nb');
    expect(nb).toContain('fs-node kjører files.');
    expect(nb).toContain('dns trengs av files (antatt).');
    expect(nb).toContain('files trengs av Fildeling.');
    const en = neighbourhoodSentences(neighbourhoodView(graph, 'guest:files', 'en'), 'en');
    expect(en).toContain('fs-node runs files.');
    expect(en).toContain('dns needed by files (assumed).');
  });

  it('explains "assumed" once, in the legend, only when the drawing has an assumed line', () => {
    const withAssumed = neighbourhoodView(graph, 'guest:files', 'nb');
    expect(withAssumed.legend.map((l) => l.sample)).toEqual(['arrow', 'assumed']);
    expect(withAssumed.legend[1]!.text).toMatch(/^Stiplet linje: antatt/);
    const without = neighbourhoodView(graph, 'system:file-sharing', 'nb');
    expect(without.legend.map((l) => l.sample)).toEqual(['arrow']);
  });

  it('keeps a redundancy group together with its rule, and tells its users they have a fallback', () => {
    const ups = neighbourhoodView(graph, 'power:ups', 'nb');
    const group = ups.needs.find((g) => g.items.length > 1)!;
    expect(group.caption).toBe('én av disse holder');
    expect(group.items.map((i) => i.key)).toEqual(['power:grid', 'power:ups-battery']);
    const fibre = neighbourhoodView(graph, 'network:fibre', 'en');
    const internet = fibre.neededBy.flatMap((g) => g.items).find((i) => i.key === 'capability:internet')!;
    expect(internet.fallback).toBe(true);
    expect(neighbourhoodSentences(fibre, 'en')).toContain('Fibre needed by Internet (has a fallback).');
  });

  it('marks states that are not ok, and the legend says what the marks mean; ok is never marked', () => {
    const analysis = analyze(model);
    const phase = analysis.scenarios.flatMap((s) => s.phases).find((p) => p.failed.includes('host:fs-node'))!;
    const view = neighbourhoodView(graph, 'guest:files', 'nb', { stateOf: (k) => phase.outcomes[k]?.state });
    expect(view.centre.state).toBe('down');
    expect(view.needs.flatMap((g) => g.items).find((i) => i.key === 'host:fs-node')!.state).toBe('down');
    expect(view.legend.map((l) => l.text)).toContain('✗ nede');
    const calm = neighbourhoodView(graph, 'guest:files', 'nb', { stateOf: () => 'ok' });
    expect([calm.centre, ...calm.needs.flatMap((g) => g.items)].every((b) => b.state === undefined)).toBe(true);
  });

  it('shows stopped and planned as lifecycle, and does not mark a stopped guest down', () => {
    const analysis = analyze(model);
    const view = neighbourhoodView(graph, 'host:fs-node', 'en', { stateOf: (k) => analysis.baseline.outcomes[k]?.state });
    const sandbox = view.neededBy.flatMap((g) => g.items).find((i) => i.key === 'guest:sandbox')!;
    expect(sandbox.lifecycle).toBe('stopped');
    expect(sandbox.state).toBeUndefined();
    expect(view.legend.map((l) => l.sample)).toContain('stopped');
  });

  it('counts what it leaves out past the limit (the tables list everything)', () => {
    const full = neighbourhoodView(graph, 'host:fs-node', 'en');
    const total = names(full.neededBy).length;
    expect(total).toBeGreaterThan(3);
    const cut = neighbourhoodView(graph, 'host:fs-node', 'en', { limit: 2 });
    expect(names(cut.neededBy)).toHaveLength(2);
    expect(cut.neededByHidden).toBe(total - 2);
  });

  it('knows which entities have a neighbourhood at all', () => {
    expect(hasNeighbourhood(graph, 'guest:files')).toBe(true);
    const lonely = model.scenarios[0] ? `scenario:${model.scenarios[0].id}` : undefined;
    if (lonely) expect(hasNeighbourhood(graph, lonely)).toBe(false);
    expect(() => neighbourhoodView(graph, 'guest:nope', 'en')).toThrow(/unknown entity/);
  });

  it('has a short verb for every relation in both languages, and every word in both', () => {
    for (const relation of RELATIONS) {
      for (const lang of ['nb', 'en'] as const) {
        const verb = providerVerb(relation, lang);
        expect(verb.length, `${relation} ${lang}`).toBeGreaterThan(0);
        expect(verb.split(' ').length, `${relation} ${lang}: short`).toBeLessThanOrEqual(2);
      }
    }
    for (const [key, text] of Object.entries(WORDS).filter(([k]) => k.startsWith('neighbourhood.'))) {
      expect(text.nb, key).not.toBe('');
      expect(text.en, key).not.toBe('');
    }
  });

  it('is deterministic and does not touch the graph', () => {
    const before = JSON.stringify([...graph.edges]);
    expect(neighbourhoodView(graph, 'power:ups', 'nb')).toEqual(neighbourhoodView(graph, 'power:ups', 'nb'));
    expect(JSON.stringify([...graph.edges])).toBe(before);
  });
});

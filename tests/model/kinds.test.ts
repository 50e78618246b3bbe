/**
 * The kind registry (src/model/kinds.ts). Adding a kind is one schema, one registry entry and its
 * words: this file adds a throw-away kind, `rack`, to a copy of the registry (and of the reference
 * grammar's kind list) and shows it listed, linked, validated and drawn, with no other change.
 * The words are left out on purpose: nothing here shows a kind's label.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/model/refs.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/model/refs.ts')>();
  const kinds = [...original.ENTITY_KINDS, 'rack'];
  return { ...original, ENTITY_KINDS: kinds, ...original.refGrammar(kinds) };
});

vi.mock('../../src/model/kinds.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/model/kinds.ts')>();
  const { z } = await import('zod');
  const { EntityBaseFields, IdSchema, LifecycleSchema } = await import('../../src/model/schema/common.ts');
  // The schema file a new kind brings.
  const RackSchema = z
    .strictObject({
      ...EntityBaseFields,
      status: LifecycleSchema.default('active'),
      units: z.number().int().min(1).optional(),
      host: IdSchema.optional(),
    })
    .meta({ id: 'Rack', description: 'A rack (a throw-away kind for tests).' });
  // The registry entry: a rack can fail, is equipment, is drawn between the network and the hosts.
  const rack = {
    section: 'racks',
    schema: RackSchema,
    path: 'racks',
    refs: [
      {
        name: 'host',
        implied: 'host',
        mustBe: 'host',
        read: (e: { host?: string }) => (e.host === undefined ? [] : [{ at: ['host'], text: e.host }]),
      },
    ],
    fails: true,
    equipment: true,
    drawn: { layer: 1.5 },
    runbook: true,
    sensitive: true,
  };
  const KINDS = { ...original.KINDS, rack };
  // ENTITY_KINDS is the grammar's list (mocked above, rack included).
  return { ...original, KINDS, ...original.deriveKinds(original.ENTITY_KINDS, KINDS as never) };
});

const { ENTITY_KINDS, KINDS, KIND_PATH, DRAWN_KINDS, EQUIPMENT_KINDS, FAILING_KINDS } = await import('../../src/model/kinds.ts');
const { SECTION_NAMES, ModelSchema } = await import('../../src/model/schema/model.ts');
const { listEntities } = await import('../../src/model/entities.ts');
const { checkIntegrity } = await import('../../src/model/integrity.ts');
const { entityHref } = await import('../../src/site/urls.ts');
const { analyze } = await import('../../src/analysis/analyze.ts');
const { buildGraph } = await import('../../src/model/graph.ts');
const { failureDiagram, failureLayout } = await import('../../src/diagrams/generators.ts');
const { Flowchart } = await import('../../src/diagrams/flowchart.ts');

const SITE = { name: 'Test', title: { nb: 'Test', en: 'Test' }, documented: '2025-01-01' };

/** A rack powered by the grid; a host stands in it; a guest on the host gives a critical capability. */
function rackModel(extra: Record<string, unknown> = {}) {
  return ModelSchema.parse({
    site: SITE,
    power: [{ id: 'grid', name: 'grid', kind: 'grid' }],
    racks: [{ id: 'r1', name: 'Rack one', poweredBy: ['power:grid'], units: 12, ...extra }],
    hosts: [{ id: 'h', name: 'h', kind: 'proxmox', dependsOn: ['rack:r1'] }],
    guests: [{ id: 'g', name: 'g', vmid: 100, kind: 'lxc', host: 'h', status: 'running' }],
    capabilities: [{ id: 'c', name: 'c', title: { nb: 'C', en: 'C' }, tier: 'critical', dependsOn: ['guest:g'] }],
    scenarios: [{ id: 'grid-down', title: { nb: 'Strøm', en: 'Power' }, fails: ['power:grid'] }],
  });
}

describe('the kind registry', () => {
  it('has one entry per kind of the reference grammar, in its order', () => {
    expect(Object.keys(KINDS)).toEqual([...ENTITY_KINDS]);
  });

  it('lists a new kind: its section is in the model and its entities are listed', () => {
    expect(SECTION_NAMES).toContain('racks');
    const model = rackModel();
    const racks = listEntities(model).filter((r) => (r.kind as string) === 'rack');
    expect(racks.map((r) => [r.key, r.section, r.index])).toEqual([['rack:r1', 'racks', 0]]);
    expect(FAILING_KINDS.has('rack' as never)).toBe(true);
    expect(EQUIPMENT_KINDS.has('rack' as never)).toBe(true);
  });

  it('links a new kind: its pages have a URL', () => {
    expect((KIND_PATH as Record<string, string>).rack).toBe('racks');
    expect(entityHref('rack:r1', 'en', '/')).toBe('/en/racks/r1/');
    expect(entityHref('rack:r1', 'nb', '/')).toBe('/racks/r1/');
  });

  it('validates a new kind: its schema, its references, and references to it', () => {
    expect(() => ModelSchema.parse({ site: SITE, racks: [{ id: 'r1', name: 'r', units: 0 }] })).toThrow();
    expect(checkIntegrity(rackModel())).toEqual([]);
    const problems = checkIntegrity(rackModel({ host: 'pve-kore' }));
    expect(problems.map((p) => [p.segments.join('.'), p.message])).toEqual([['racks.0.host', 'unknown host "pve-kore"']]);
    const dangling = ModelSchema.parse({ site: SITE, hosts: [{ id: 'h', name: 'h', kind: 'proxmox', dependsOn: ['rack:r2'] }] });
    expect(checkIntegrity(dangling).map((p) => p.message)).toEqual(['unknown rack "rack:r2"']);
  });

  it('draws a new kind: the failure diagram gives it a box in its layer, with the arrows through it', () => {
    expect(DRAWN_KINDS).toEqual(['power', 'network', 'rack', 'host', 'cluster', 'storage', 'guest', 'system', 'capability']);
    const model = rackModel();
    const phase = analyze(model).scenarios[0]!.phases[0]!;
    expect(phase.outcomes['rack:r1']?.state).toBe('down');
    const graph = buildGraph(model);
    const layout = failureLayout(graph.records, graph, phase);
    expect(layout.boxes.map((b) => b.key)).toEqual(['power:grid', 'rack:r1', 'host:h', 'guest:g', 'capability:c']);
    expect(layout.arrows).toContainEqual({ from: 'power:grid', to: 'rack:r1', assumed: false });
    expect(layout.arrows).toContainEqual({ from: 'rack:r1', to: 'host:h', assumed: false });
    const spec = failureDiagram(model, phase, 'grid-down', 'en', (key) => entityHref(key, 'en', '/'));
    expect(spec.mermaid).toContain('Rack one');
    expect(spec.mermaid).toContain('href "/en/racks/r1/"');
  });

  it('refuses an arrow to a box that was never placed, where it used to vanish', () => {
    const chart = new Flowchart('LR', 'test', 'test');
    chart.node('a', 'A');
    expect(() => chart.placedEdge('a', 'rack:r1')).toThrow(/"rack:r1", which has no box/);
    chart.edge('a', 'rack:r1'); // the lenient edge still drops it, for diagrams that draw a selection
    expect(chart.toString()).not.toContain('-->');
  });
});

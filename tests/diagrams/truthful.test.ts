/**
 * What the topology, failure and plan diagrams claim, read back from their Mermaid text: paths
 * that must exist (internet → UDM-Pro → switches → pve-core), the change a plan is about
 * (RPi4 → USB/IP → LXC 111/113 after, not before), short edge words with "assumed" as a line
 * style, and the failure diagrams' size budget at every model size.
 */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load-model.ts';
import type { Model } from '../../src/model/schema/model.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { buildGraph } from '../../src/model/graph.ts';
import { entityHref } from '../../src/site/urls.ts';
import { syntheticModel } from '../../src/bench/synthetic-model.ts';
import { failureDiagram, planDiagrams, powerDiagram, topologyDiagram, type DiagramSpec } from '../../src/diagrams/index.ts';
import { FAILURE_BUDGET, failureLayout, rankShape } from '../../src/diagrams/generators.ts';

const hrefNb = (k: string) => entityHref(k, 'nb');

function load(dir: string): Model {
  const result = loadModel(dir);
  if (!result.ok) throw new Error(`${dir}: ${JSON.stringify(result.problems.slice(0, 3))}`);
  return result.model;
}

/** Decodes Mermaid's #code; escapes back to text. */
const decode = (s: string) => s.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/<br\/>/g, '\n');

interface Drawing {
  /** Generated id → entity key (from its link) or its label. */
  nodes: Map<string, { key?: string; label: string }>;
  edges: Array<{ from: string; to: string; arrow: string; label?: string }>;
  /** Subgraph label → the node ids directly or indirectly inside it. */
  groups: Map<string, Set<string>>;
}

function read(spec: DiagramSpec, model: Model): Drawing {
  const keyByHref = new Map(buildGraph(model).nodes.map((k) => [hrefNb(k), k]));
  const nodes: Drawing['nodes'] = new Map();
  const edges: Drawing['edges'] = [];
  const groups: Drawing['groups'] = new Map();
  const open: string[] = [];
  for (const line of spec.mermaid.split('\n')) {
    const sub = /^\s*subgraph s\d+\["(.*)"\]$/.exec(line);
    if (sub) {
      open.push(decode(sub[1]!));
      groups.set(decode(sub[1]!), groups.get(decode(sub[1]!)) ?? new Set());
      continue;
    }
    if (/^\s*end$/.test(line)) {
      open.pop();
      continue;
    }
    const node = /^\s*(n\d+)[[(]"(.*)"[\])]$/.exec(line);
    if (node) {
      nodes.set(node[1]!, { label: decode(node[2]!) });
      for (const g of open) groups.get(g)!.add(node[1]!);
      continue;
    }
    const edge = /^([ns]\d+) (-->|-\.->|==>)(?:\|"(.*)"\|)? ([ns]\d+)$/.exec(line);
    if (edge) edges.push({ from: edge[1]!, arrow: edge[2]!, ...(edge[3] !== undefined ? { label: decode(edge[3]) } : {}), to: edge[4]! });
    const click = /^click (n\d+) href "(.*)"$/.exec(line);
    if (click && nodes.has(click[1]!)) nodes.get(click[1]!)!.key = keyByHref.get(click[2]!);
  }
  return { nodes, edges, groups };
}

function idOf(d: Drawing, key: string): string | undefined {
  return [...d.nodes].find(([, n]) => n.key === key && !n.label.includes('gjest'))?.[0];
}

function hasPath(d: Drawing, keys: string[]): boolean {
  const ids = keys.map((k) => idOf(d, k));
  if (ids.some((id) => !id)) return false;
  return ids.slice(1).every((id, i) => d.edges.some((e) => e.from === ids[i] && e.to === id));
}

describe('Saghaugen topology', () => {
  const model = load('model');
  const spec = topologyDiagram(model, 'nb', hrefNb);
  const d = read(spec, model);

  it('has a path internet → UDM-Pro → switches → pve-core, and from pve-core to its guests', () => {
    expect(hasPath(d, ['network:starlink', 'network:udm-pro', 'network:unifi-switches', 'host:pve-core'])).toBe(true);
    expect([...d.groups.get('Internett')!].map((id) => d.nodes.get(id)!.key)).toContain('network:starlink');
    const guests = [...d.nodes].find(([, n]) => n.label.startsWith('pve-core: 16 gjester'));
    expect(guests, 'one box for the guests of pve-core').toBeDefined();
    expect(guests![1].label).toBe('pve-core: 16 gjester\n1 kritisk\n12 komfort\n3 øvrige\n(2 stoppet)');
    expect(guests![1].key).toBe('host:pve-core');
    expect(d.edges.some((e) => e.from === idOf(d, 'host:pve-core') && e.to === guests![0])).toBe(true);
  });

  it('draws the links the model assumes dashed, the documented ones solid', () => {
    const arrow = (from: string, to: string) => d.edges.find((e) => e.from === idOf(d, from) && e.to === idOf(d, to))?.arrow;
    expect(arrow('network:starlink', 'network:udm-pro')).toBe('-.->');
    expect(arrow('network:mesh-link', 'network:u7-outdoor-barn')).toBe('-->');
    expect(spec.mermaid).toContain('antatt');
  });

  it('puts things in the building they stand in, and says where the model does not know', () => {
    const inside = (group: string, key: string) => [...(d.groups.get(group) ?? [])].some((id) => d.nodes.get(id)!.key === key);
    expect(inside('Huset', 'host:pve-core')).toBe(true);
    expect(inside('Garasjen/låven', 'network:u7-outdoor-barn')).toBe(true);
    expect(inside('Plassering ikke dokumentert', 'host:lorawan-gateway')).toBe(true);
    expect(inside('Plassering ikke dokumentert', 'network:access-cameras')).toBe(true);
  });
});

describe('Saghaugen plans show their change', () => {
  const model = load('model');
  const edge = (d: Drawing, from: string, to: string) => d.edges.find((e) => e.from === idOf(d, from) && e.to === idOf(d, to));

  it('garage USB/IP: after has RPi4 → USB/IP → LXC 111 and 113, before has not', () => {
    const { before, after } = planDiagrams(model, 'garage-usbip', 'nb', hrefNb);
    const a = read(after, model);
    const b = read(before, model);
    for (const guest of ['guest:zigbee2mqtt-garasje', 'guest:zwave-js-ui-garasje']) {
      expect(edge(a, 'host:garage-cm4', guest)).toEqual(expect.objectContaining({ arrow: '==>', label: 'USB/IP' }));
      expect(edge(b, 'host:garage-cm4', guest)).toBeUndefined();
    }
    expect(idOf(b, 'host:garage-cm4'), 'the RPi4 does not exist before').toBeUndefined();
  });

  it('energy autonomy: KNX and the UPS move from the grid to the inverters', () => {
    const { before, after } = planDiagrams(model, 'energy-autonomy', 'nb', hrefNb);
    const a = read(after, model);
    const b = read(before, model);
    for (const load of ['system:knx', 'power:unifi-ups']) {
      expect(edge(a, 'power:hybrid-inverter', load)?.arrow).toBe('==>');
      expect(edge(a, 'power:grid', load)).toBeUndefined();
      expect(edge(b, 'power:grid', load)).toEqual(expect.objectContaining({ arrow: '==>', label: 'fjernes' }));
    }
    expect(edge(a, 'power:grid', 'power:hybrid-inverter')).toBeDefined();
    expect(after.mermaid).toMatch(/^linkStyle \d+(,\d+)* stroke-dasharray:6 4$/m);
  });

  it('moving the network: Starlink, the UDM-Pro and the switches change building', () => {
    const { before, after } = planDiagrams(model, 'move-network-to-barn', 'nb', hrefNb);
    const keysIn = (d: Drawing, group: string) => [...(d.groups.get(group) ?? [])].map((id) => d.nodes.get(id)!.key);
    const moved = ['network:starlink', 'network:udm-pro', 'network:unifi-switches'];
    expect(keysIn(read(before, model), 'Huset')).toEqual(expect.arrayContaining(moved));
    expect(keysIn(read(after, model), 'Garasjen/låven')).toEqual(expect.arrayContaining(moved));
    expect(keysIn(read(after, model), 'Huset')).toEqual([]);
  });

  it('no plan of another plan leaks in: the fibre is in neither garage diagram', () => {
    const { before, after } = planDiagrams(model, 'garage-usbip', 'nb', hrefNb);
    expect(idOf(read(after, model), 'network:fibre-link')).toBeUndefined();
    expect(idOf(read(before, model), 'network:fibre-link')).toBeUndefined();
  });
});

describe('edge words are short, and "assumed" is a line style', () => {
  const model = load('model');
  const analysis = analyze(model);
  const specs: DiagramSpec[] = (['nb', 'en'] as const).flatMap((lang) => {
    const href = (k: string) => entityHref(k, lang);
    return [
      topologyDiagram(model, lang, href),
      powerDiagram(model, lang, href),
      ...analysis.scenarios.flatMap((s) => s.phases.map((p) => failureDiagram(model, p, s.id, lang, href))),
      ...model.plans.flatMap((p) => Object.values(planDiagrams(model, p.id, lang, href))),
    ];
  });
  it.each(specs.map((s) => [s.id, s] as const))('%s', (_id, spec) => {
    for (const e of read(spec, model).edges) {
      if (e.label === undefined) continue;
      expect(e.label.split(/\s+/).length, e.label).toBeLessThanOrEqual(2);
      expect(e.label).not.toMatch(/antatt|assumed|\(/);
    }
  });
});

describe('failure diagrams stay within their budget', () => {
  it.each([1, 10])('every phase of the %i× synthetic model', (scale) => {
    const model = syntheticModel(scale);
    const analysis = analyze(model);
    const graph = buildGraph(model);
    let phases = 0;
    for (const scenario of analysis.scenarios) {
      for (const phase of scenario.phases) {
        phases++;
        const layout = failureLayout(graph.records, graph, phase);
        const shape = rankShape(
          layout.boxes.map((b) => b.key),
          layout.arrows,
        );
        const where = `${scenario.id}/${phase.id} (level ${layout.level})`;
        expect(layout.boxes.length, where).toBeLessThanOrEqual(FAILURE_BUDGET.boxes);
        expect(shape.ranks, where).toBeLessThanOrEqual(FAILURE_BUDGET.ranks);
        expect(shape.widest, where).toBeLessThanOrEqual(FAILURE_BUDGET.perRank);
        // The drawing is the layout: one node per box, plus the "still works" box and the legend.
        const spec = failureDiagram(model, phase, scenario.id, 'en', (k) => entityHref(k, 'en'));
        const drawnBoxes = (spec.mermaid.match(/^\s*n\d+[[(]/gm) ?? []).length;
        const legend = 3 + 2 * new Set(spec.mermaid.match(/^n\d+ (-->|-\.->) n\d+$/gm)?.map((l) => l.split(' ')[1])).size;
        expect(drawnBoxes - legend - (layout.criticalOk.length ? 1 : 0), where).toBe(layout.boxes.length);
      }
    }
    expect(phases).toBeGreaterThan(scale * 4);
  });

  it('collapses what shares its fate and path: pve-core down at Saghaugen', () => {
    const model = load('model');
    const phase = analyze(model).scenarios.find((s) => s.id === 'proxmox-down')!.phases[0]!;
    const spec = failureDiagram(model, phase, 'proxmox-down', 'nb', hrefNb);
    const d = read(spec, model);
    const guests = [...d.nodes.values()].find((n) => /^✗ \d+ gjester på pve-core/.test(n.label));
    expect(guests?.key, 'the guest box links to the host page').toBe('host:pve-core');
    // ChirpStack leads to a critical capability: drawn on its own, on the chain to LoRaWAN readings.
    expect(hasPath(d, ['host:pve-core', 'guest:chirpstack', 'system:lorawan', 'capability:lorawan-sensor-readings'])).toBe(true);
    // Frigate down, camera recording degraded, UniFi Protect ✓ carries it.
    expect(d.nodes.get(idOf(d, 'system:unifi-protect')!)!.label).toBe('✓ UniFi Protect');
    expect(d.nodes.get(idOf(d, 'capability:camera-recording')!)!.label).toBe('! Kameraopptak');
    expect([...d.nodes.values()].some((n) => n.label.startsWith('✓ Kritisk, virker fortsatt:\nLys fra veggbryterne'))).toBe(true);
  });
});

/**
 * Diagram size grows with the model the way a site can afford: failure diagrams draw the blast
 * radius of their phase (not the whole model), whole-model diagrams summarise themselves past
 * DIAGRAM_BUDGET, and nothing reaches Mermaid's maxTextSize on a model ten times Saghaugen.
 * Shape only: sizes and contents, never wall-clock time (that is `npm run bench`).
 */
import { describe, expect, it } from 'vitest';
import { syntheticModel } from '../../src/bench/synthetic-model.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { loadModel } from '../../src/model/load-model.ts';
import { entityHref } from '../../src/site/urls.ts';
import type { Model } from '../../src/model/schema/model.ts';
import {
  allDiagrams,
  failureDiagram,
  topologyDiagram,
  architectureDiagram,
  powerDiagram,
  type DiagramSpec,
} from '../../src/diagrams/index.ts';
import { DIAGRAM_BUDGET } from '../../src/diagrams/generators.ts';
import { MERMAID_CONFIG } from '../../src/diagrams/render.ts';

// Mermaid's limit as the renderer sets it.
const MAX_TEXT_SIZE = MERMAID_CONFIG.maxTextSize;
const hrefEn = (k: string) => entityHref(k, 'en');

function specsOf(model: Model): DiagramSpec[] {
  return allDiagrams(model, analyze(model), 'en', hrefEn);
}
const bytes = (specs: DiagramSpec[]) => specs.reduce((n, s) => n + s.mermaid.length, 0);
/** The entity keys a diagram links to (every drawn entity links to its page). */
function linked(spec: DiagramSpec): Set<string> {
  return new Set([...spec.mermaid.matchAll(/click n\d+ href "\/en\/([a-z]+)\/([^/"]+)\/"/g)].map((m) => `${m[1]}/${m[2]}`));
}

describe('diagrams at 10× Saghaugen', () => {
  const one = syntheticModel(1);
  const ten = syntheticModel(10);
  const specs10 = specsOf(ten);

  it('no diagram reaches Mermaid’s maxTextSize', () => {
    const over = specs10.filter((s) => s.mermaid.length > MAX_TEXT_SIZE).map((s) => `${s.id}: ${s.mermaid.length}`);
    expect(over).toEqual([]);
  });

  it('every diagram over the budget was summarised, and says so', () => {
    for (const s of specs10.filter((x) => /^(topology|architecture|power)-/.test(x.id))) {
      if (s.description.includes('Summarised')) continue;
      expect(s.mermaid.length, s.id).toBeLessThanOrEqual(DIAGRAM_BUDGET);
    }
    expect(specs10.find((s) => s.id === 'architecture-en')!.description).toContain('Summarised');
  });

  it('total Mermaid text grows about linearly with the model', () => {
    const ratio = bytes(specs10) / bytes(specsOf(one));
    // 10× the entities: about 10× the text (it was ~37× when every failure phase drew everything).
    expect(ratio).toBeGreaterThan(7);
    expect(ratio).toBeLessThan(13);
  });

  it('a failure diagram of one host of ten counts its guests in a box and draws none of the other hosts’ guests', () => {
    const analysis = analyze(ten);
    const scenario = analysis.scenarios.find((s) => s.phases[0]!.failed.length === 1 && s.phases[0]!.failed[0]!.startsWith('host:pve'))!;
    expect(scenario, 'a synthetic scenario that fails one Proxmox host').toBeDefined();
    const phase = scenario.phases[0]!;
    const host = phase.failed[0]!.slice('host:'.length);
    const spec = failureDiagram(ten, phase, scenario.id, 'en', hrefEn);
    const guestsHere = ten.guests.filter((g) => g.host === host).map((g) => `guests/${g.id}`);
    const guestsElsewhere = ten.guests.filter((g) => g.host !== host).map((g) => `guests/${g.id}`);
    const drawn = linked(spec);
    expect(spec.mermaid).toMatch(new RegExp(`"#10007; \\d+ guests on ${host.replace(/-/g, '#45;')}`));
    expect(drawn.has(`hosts/${host}`)).toBe(true);
    expect(guestsHere.length).toBeGreaterThan(0);
    expect(guestsElsewhere.filter((g) => drawn.has(g))).toEqual([]);
  });
});

describe('summaries of a very large model', () => {
  const hundred = syntheticModel(100);
  it.each([
    ['topology', topologyDiagram],
    ['architecture', architectureDiagram],
    ['power', powerDiagram],
  ] as const)('%s at 100× stays under the limit, summarised, in both languages', (_, make) => {
    for (const lang of ['nb', 'en'] as const) {
      const spec = make(hundred, lang, (k) => entityHref(k, lang));
      expect(spec.mermaid.length, spec.id).toBeLessThanOrEqual(MAX_TEXT_SIZE);
      expect(spec.description).toContain(lang === 'nb' ? 'Oppsummert' : 'Summarised');
    }
  });

  it('the topology counts each host’s guests in one box that links to the host page', () => {
    const spec = topologyDiagram(syntheticModel(10), 'en', hrefEn);
    expect(spec.mermaid).toMatch(/n\d+\("pve#45;\d+#58; \d+ guests#10;\d+ critical/);
    expect(spec.mermaid).toContain('href "/en/hosts/pve-');
  });
});

describe('Saghaugen failure diagrams', () => {
  const loaded = loadModel('model');
  const model = loaded.ok ? loaded.model : undefined;
  it.runIf(model)('the power cut draws UniFi Protect ✓ beside Frigate ✗ for degraded camera recording, and not what is unaffected', () => {
    const analysis = analyze(model!);
    const phase = analysis.scenarios.find((s) => s.id === 'power-outage')!.phases[0]!;
    const spec = failureDiagram(model!, phase, 'power-outage', 'en', hrefEn);
    expect(spec.mermaid).toContain('"#10003; UniFi Protect"');
    expect(spec.mermaid).toContain('"#10007; Frigate"');
    expect(spec.mermaid).toContain('"#33; Camera recording"');
    expect(spec.description).toMatch(/^Failed: Mains grid\. \d+ down, \d+ degraded, \d+ ok\. Drawn: what failed on the left/);
    const nb = failureDiagram(model!, phase, 'power-outage', 'nb', (k) => entityHref(k, 'nb'));
    expect(nb.description).toMatch(/^Feilet: Strømnettet\. \d+ nede, \d+ redusert, \d+ virker\. Tegnet: det som feilet til venstre/);
    // Starlink is ok in a power cut and nothing down needs it: not drawn.
    expect(linked(spec).has('network/starlink')).toBe(false);
  });
});

/**
 * Golden files for the generated Mermaid text (tests/fixtures/diagrams/<case>/<diagram id>.mmd;
 * `UPDATE=1 npx vitest run tests/diagrams` rewrites them for review in the diff), and invariants
 * that hold for every diagram of every fixture model: generated ids only, every label escaped,
 * only site-internal links.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel } from '../../src/model/load-model.ts';
import type { Model } from '../../src/model/schema/model.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { entityHref } from '../../src/site/urls.ts';
import type { Lang } from '../../src/model/entities.ts';
import { allDiagrams, failureDiagram, topologyDiagram, type DiagramSpec } from '../../src/diagrams/index.ts';
import { tinyModel } from './tiny-model.ts';
import { HOSTILE_STRINGS } from '../../src/diagrams/hostile-strings.ts';

const UPDATE = process.env.UPDATE === '1';
const GOLDEN = 'tests/fixtures/diagrams';
const LANGS: Lang[] = ['nb', 'en'];

function load(dir: string): Model {
  const result = loadModel(dir);
  if (!result.ok) throw new Error(`${dir}: ${JSON.stringify(result.problems.slice(0, 3))}`);
  return result.model;
}

function diagramsOf(model: Model): DiagramSpec[] {
  const analysis = analyze(model);
  return LANGS.flatMap((lang) => allDiagrams(model, analysis, lang, (k) => entityHref(k, lang)));
}

const CASES: Array<{ name: string; dir: string }> = [
  { name: 'mini', dir: 'tests/fixtures/models/mini/model' },
  { name: 'saghaugen', dir: 'model' },
];

describe.each(CASES)('golden Mermaid text: $name', ({ name, dir }) => {
  const specs = existsSync(dir) ? diagramsOf(load(dir)) : [];
  const folder = join(GOLDEN, name);

  it('has every diagram kind', () => {
    expect(specs.length).toBeGreaterThan(0);
    for (const kind of ['topology-', 'architecture-', 'power-', 'failure-', 'plan-']) {
      expect(
        specs.some((s) => s.id.startsWith(kind)),
        kind,
      ).toBe(true);
    }
    // Neighbourhoods are HTML (src/site/neighbourhood.ts), never Mermaid.
    expect(specs.filter((s) => s.id.startsWith('neighbourhood-'))).toEqual([]);
  });

  it('matches the golden files', () => {
    if (UPDATE) {
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      for (const spec of specs) writeFileSync(join(folder, `${spec.id}.mmd`), header(spec) + spec.mermaid);
      return;
    }
    const expected = existsSync(folder)
      ? readdirSync(folder)
          .filter((f) => f.endsWith('.mmd'))
          .sort()
      : [];
    expect(specs.map((s) => `${s.id}.mmd`).sort(), `diagram set of ${name} (UPDATE=1 to accept)`).toEqual(expected);
    for (const spec of specs) {
      expect(header(spec) + spec.mermaid, `${spec.id} (UPDATE=1 to accept)`).toBe(readFileSync(join(folder, `${spec.id}.mmd`), 'utf8'));
    }
  });
});

function header(spec: DiagramSpec): string {
  return `%% ${spec.id} | ${spec.source}\n%% title: ${spec.title.replace(/\n/g, ' ')}\n`;
}

// ---------------------------------------------------------------------------------------------

const LABEL = String.raw`"(?:[\p{L}\p{N} ]|#\d+;|<br\/>)*"`;
const LINE_RULES: RegExp[] = [
  /^flowchart (?:TB|LR)$/,
  /^acc(?:Title|Descr): (?:[\p{L}\p{N} ]|#\d+;)*$/u,
  /^classDef [a-z]+ [a-z0-9:#.,\- ]+$/,
  new RegExp(String.raw`^\s*subgraph s\d+\[${LABEL}\]$`, 'u'),
  /^\s*direction (?:TB|LR)$/,
  /^\s*end$/,
  new RegExp(String.raw`^\s*n\d+(?:\[${LABEL}\]|\(${LABEL}\))$`, 'u'),
  new RegExp(String.raw`^[ns]\d+ (?:-->|-\.->|==>)(?:\|${LABEL}\|)? [ns]\d+$`, 'u'),
  /^click n\d+ href "\/[A-Za-z0-9._~/-]*"$/,
  /^class n\d+(?:,n\d+)* [a-z]+$/,
  /^linkStyle \d+(?:,\d+)* stroke-dasharray:6 4$/,
];

function checkGrammar(spec: DiagramSpec): void {
  const lines = spec.mermaid.trimEnd().split('\n');
  for (const line of lines) {
    expect(
      LINE_RULES.some((rule) => rule.test(line)),
      `${spec.id}: unexpected line ${JSON.stringify(line)}`,
    ).toBe(true);
  }
}

describe('every generated diagram follows the safe grammar', () => {
  const models: Array<[string, Model]> = [
    ['tiny', tinyModel()],
    ['mini', load('tests/fixtures/models/mini/model')],
    ['hostile', load('tests/fixtures/models/hostile/model')],
  ];
  if (existsSync('model')) models.push(['saghaugen', load('model')]);

  it.each(models)('%s', (_name, model) => {
    const specs = diagramsOf(model);
    const ids = specs.map((s) => s.id);
    expect(new Set(ids).size, 'spec ids are unique across the site').toBe(ids.length);
    for (const spec of specs) {
      expect(spec.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      checkGrammar(spec);
    }
  });

  it('hostile names never reach the Mermaid text raw', () => {
    // Names are one-line labels (the schema refuses line breaks); escape.test.ts covers those.
    HOSTILE_STRINGS.filter((h) => !h.includes('\n')).forEach((hostile, i) => {
      const model = tinyModel((s) => `${s} ${i} ${hostile}`);
      const analysis = analyze(model);
      for (const lang of LANGS) {
        const specs = allDiagrams(model, analysis, lang, (k) => entityHref(k, lang));
        for (const spec of specs) {
          checkGrammar(spec);
          if (/[^\p{L}\p{N} ]/u.test(hostile)) expect(spec.mermaid.includes(hostile), spec.id).toBe(false);
        }
      }
    });
  });
});

describe('generator details', () => {
  const model = tinyModel();
  const href = (k: string) => entityHref(k, 'en');

  it('marks stopped and planned in the label and with dashed classes', () => {
    const m = topologyDiagram(model, 'en', href).mermaid;
    expect(m).toContain('"pve#58; 4 guests#10;2 comfort#10;2 other#10;#40;1 stopped#41;"');
    expect(m).toContain('Raspberry Pi #40;planned#41;');
    expect(m).toMatch(/^classDef planned .*stroke-dasharray/m);
    // Stopped guests are counted in their host's box; a stopped guest's own page marks it.
    expect(topologyDiagram(model, 'nb', href).mermaid).toContain('#40;1 stoppet#41;');
  });

  it('failure diagrams carry a mark per state, a legend and distinct line styles', () => {
    const analysis = analyze(model);
    const phase = analysis.scenarios[0]!.phases[0]!;
    const spec = failureDiagram(model, phase, 'pve-down', 'en', href);
    expect(spec.source).toBe('scenario:pve-down phase start');
    expect(spec.mermaid).toContain('"#10007; 3 guests on pve#10;down"'); // ✗
    expect(spec.mermaid).toContain('"#10003; Critical#44; still working#58;#10;Lights"'); // ✓
    expect(spec.mermaid).toContain('"Legend"');
    const styles = ['ok', 'degraded', 'down'].map((s) => spec.mermaid.match(new RegExp(`^classDef ${s} (.*)$`, 'm'))?.[1]);
    for (const style of styles) expect(style).toBeDefined();
    const dash = styles.map((s) => s!.match(/stroke-dasharray:([^,]+)/)?.[1] ?? 'solid');
    expect(new Set(dash).size).toBe(3);
  });

  it('is deterministic', () => {
    expect(topologyDiagram(tinyModel(), 'nb', href).mermaid).toBe(topologyDiagram(tinyModel(), 'nb', href).mermaid);
  });

  it('refuses a link outside the site', () => {
    expect(() => topologyDiagram(model, 'en', () => 'javascript:alert(1)')).toThrow(/not a page of this site/);
  });
});

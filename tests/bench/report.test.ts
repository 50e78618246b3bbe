import { describe, expect, it } from 'vitest';
import {
  cpu,
  diagramCounts,
  firstError,
  formatMs,
  kb,
  lastProgress,
  ofMedian,
  parseBuildPhases,
  parseDiagramLine,
  ratio,
  report,
  textTable,
  verdict,
} from '../../src/bench/report.ts';
import type { BuildMeasure, ScaleResult } from '../../src/bench/types.ts';

describe('parseDiagramLine', () => {
  it('reads the last diagram line with its timing', () => {
    const out = [
      '17:01:02 [driftsbok:diagrams] diagrams: 3 rendered, 0 from cache',
      '17:01:09 [driftsbok:diagrams] diagrams: 120 rendered, 4 from cache (browser start 1.4 s, 38 ms per diagram)',
    ].join('\n');
    expect(parseDiagramLine(out)).toEqual({ rendered: 120, cached: 4, msPerDiagram: 38, browserStartMs: 1400 });
  });
  it('reads a line without timing, through colour codes', () => {
    expect(parseDiagramLine('\u001b[34m[diagrams]\u001b[39m diagrams: 0 rendered, 212 from cache')).toEqual({ rendered: 0, cached: 212 });
  });
  it('returns null when the build printed no diagram line', () => {
    expect(parseDiagramLine('[build] 7 page(s) built in 3.1s')).toBeNull();
  });
});

describe('ratios and wording', () => {
  it('says pass at or under the limit and miss above it', () => {
    expect(verdict('cold / plain', 2, 2, 'x')).toMatch(/2\.00× pass \(target ≤ 2×\)$/);
    expect(verdict('cold / plain', 2.01, 2, 'x')).toMatch(/2\.01× miss/);
    expect(verdict('cold / plain', undefined, 2, 'needs scale 1')).toMatch(/not measured: needs scale 1/);
  });
  it('has no ratio without two positive numbers', () => {
    expect(ratio(4, 2)).toBe(2);
    expect(ratio(undefined, 2)).toBeUndefined();
    expect(ratio(4, 0)).toBeUndefined();
  });
  it('formats times and tables', () => {
    expect(formatMs(812.4)).toBe('812 ms');
    expect(formatMs(61_234)).toBe('61.2 s');
    expect(
      textTable([
        ['a', 'bb'],
        ['ccc', 'd'],
      ]),
    ).toBe('a    bb\n---  --\nccc   d');
  });
});

describe('parseBuildPhases', () => {
  it('reads the Astro page build time and sums the runbook PDF times', () => {
    const out = [
      '17:19:55 [build] 207 page(s) built in 15.09s',
      'runbook-pdf: runbook-nb.pdf (839 KB, 2 measuring pass(es), 14523 ms, links → unlinked (no public address))',
      'runbook-pdf: runbook-en.pdf (789 KB, 2 measuring pass(es), 10558 ms, links → unlinked)',
    ].join('\n');
    expect(parseBuildPhases(out)).toEqual({ astroMs: 15090, pdfMs: 25081 });
    expect(parseBuildPhases('nothing')).toEqual({});
    expect(parseBuildPhases('[build] 871 page(s) built in \u001b[1m1m 23s\u001b[22m')).toEqual({ astroMs: 83_000 });
    expect(parseBuildPhases('[build] 7 page(s) built in 812ms')).toEqual({ astroMs: 812 });
  });
  it("prefers the build's wall time for the PDFs, which print in parallel", () => {
    const out = [
      'runbook-pdf: runbook-en.pdf (1043 KB, 1 measuring pass(es), 2518 ms, links → unlinked)',
      'runbook-pdf: runbook-nb.pdf (1117 KB, 1 measuring pass(es), 3005 ms, links → unlinked)',
      'build: runbook runbook-nb.pdf, runbook-en.pdf in 3.1 s',
    ].join('\n');
    expect(parseBuildPhases(out)).toEqual({ pdfMs: 3100 });
  });
});

describe('reading why a build failed or how far it got', () => {
  it("names Astro's first [ERROR], else an Error line, else the build's verdict, else the last line", () => {
    expect(firstError('a\n\u001b[31m12:00 [ERROR] [vite] boom\u001b[39m\nTypeError: x')).toBe('12:00 [ERROR] [vite] boom');
    expect(firstError('a\nTypeError: x is undefined\nb')).toBe('TypeError: x is undefined');
    expect(firstError('a\nbuild: the model is not valid\n')).toBe('build: the model is not valid');
    expect(firstError('one\ntwo\n\n')).toBe('two');
  });
  it('sums up the progress of a stopped build', () => {
    const out = ['diagrams: rendered 25 (last: a, 40 ms each, 3 waiting)', '  ├─ /x/index.html', '  └─ /y/index.html'].join('\n');
    // (The "N ms each" part is in its pattern, but its lazy match never takes it: as it always was.)
    expect(lastProgress(out)).toBe('25 diagrams rendered; 2 pages written, last /y/index.html');
    expect(lastProgress('')).toBe('no diagram progress; 0 pages written');
  });
  it('formats the small cells', () => {
    expect(kb(2048)).toBe('2.0 KB');
    expect(kb(undefined)).toBe('—');
    expect(cpu(12.34)).toBe('12.3 core-s');
    expect(ofMedian([{ ms: 3100 }, { ms: 3400 }, { ms: 3200 }])).toBe(' (median of 3.1 s, 3.4 s, 3.2 s)');
    expect(ofMedian([{ ms: 3100 }])).toBe('');
    expect(diagramCounts({ rendered: 176, cached: 0 })).toBe('176 rendered, 0 from cache');
    expect(diagramCounts(null)).toBe('no diagram line');
  });
});

describe('report', () => {
  const build = (ms: number, extra: Partial<BuildMeasure> = {}): BuildMeasure => ({
    ms,
    ok: true,
    diagrams: { rendered: 10, cached: 2 },
    phases: { astroMs: ms / 2, pdfMs: ms / 4 },
    log: 'x.log',
    ...extra,
  });
  const site = { pages: 200, enPages: 100, nbPages: 99, jsBytesPerPage: 2048, pagesWithJs: 200 };
  const saghaugen: ScaleResult = {
    scale: 1,
    pdf: true,
    label: 'Saghaugen',
    modelDir: 'model',
    entities: 80,
    check: { ms: 120, steps: ['checkModel (load + integrity)', 'analyze'], entities: 80 },
    cold: build(20_000, { cpuSeconds: 30 }),
    warm: build(8_000),
    rebuild: build(1_000, { upToDate: true }),
    site,
    plain: { coldMs: 10_000, coldCpuSeconds: 15, warmMs: 6_000, ok: true, site, log: 'p.log' },
  };
  const ctx = {
    options: {
      scales: [1],
      keep: false,
      plain: true,
      aloneMaxScale: 10,
      warm: true,
      pdf: true,
      pdfMaxScale: 10,
      timeoutMin: 0,
      rehypeMaxScale: 10,
    },
    buildCommand: { cmd: 'node', args: [], outDir: 'dist', describe: 'node scripts/build.ts --verbose' },
  };
  const at = { cores: 2, node: '24.0.0', date: new Date('2026-12-01T00:00:00Z') };

  it('prints the table, the targets and the notes', () => {
    const text = report([saghaugen], ctx, at);
    const [header, rule, row] = text.split('\n');
    expect(header).toMatch(/^model +entities +check +largest diagram +cold build/);
    expect(rule).toMatch(/^-+ +-+/);
    expect(row).toMatch(/^Saghaugen +80 +120 ms +— +20\.0 s +10\.0 s\+5\.0 s +30\.0 core-s +8\.0 s/);
    expect(row).toMatch(/1\.0 s \(up to date\)/);
    expect(row).toMatch(/2\.00 +1\.33 +0\.17$/);
    expect(text).toContain('Targets (issues 5 and 14):');
    expect(text).toContain(verdict('cold Saghaugen build / plain', 2, 2, ''));
    expect(text).toContain(verdict('100× cold build / 10× cold build', undefined, 10, 'needs scales 10 and 100'));
    expect(text).toContain(
      'cold Saghaugen build: 30.0 core-s of work vs plain 15.0; spread perfectly over 2 core(s) it would still take 1.50× the plain build',
    );
    expect(text).toContain('  builds: node scripts/build.ts --verbose; Node 24.0.0; 2026-12-01T00:00:00.000Z');
    expect(text).toContain('check = in-process median of 3 after a warm-up: checkModel (load + integrity) + analyze');
    expect(text).not.toContain('Failed builds:');
  });

  it('lists the builds that failed', () => {
    const failed = { ...saghaugen, warm: build(900, { ok: false, error: 'boom' }) };
    expect(report([failed], ctx, at)).toContain('Failed builds:\n  Saghaugen warm build failed after 900 ms: boom');
  });
});

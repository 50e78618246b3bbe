import { describe, expect, it } from 'vitest';
import { parseDiagramLine, parseBuildPhases, ratio, verdict, formatMs, textTable } from '../../src/bench/report.ts';

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
    expect(textTable([['a', 'bb'], ['ccc', 'd']])).toBe('a    bb\n---  --\nccc   d');
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
  it('prefers the build\'s wall time for the PDFs, which print in parallel', () => {
    const out = [
      'runbook-pdf: runbook-en.pdf (1043 KB, 1 measuring pass(es), 2518 ms, links → unlinked)',
      'runbook-pdf: runbook-nb.pdf (1117 KB, 1 measuring pass(es), 3005 ms, links → unlinked)',
      'build: runbook runbook-nb.pdf, runbook-en.pdf in 3.1 s',
    ].join('\n');
    expect(parseBuildPhases(out)).toEqual({ pdfMs: 3100 });
  });
});

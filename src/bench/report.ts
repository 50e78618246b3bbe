/**
 * Pure helpers for `npm run bench`: reading the build's diagram line, and the pass/miss wording.
 * Kept apart from scripts/bench.ts (which spawns builds) so they can be tested.
 */

export interface DiagramCounts {
  rendered: number;
  cached: number;
  /** Milliseconds per rendered diagram, when the build says so. */
  msPerDiagram?: number;
  /** Time to start the shared browser, when the build says so. */
  browserStartMs?: number;
}

const DIAGRAM_LINE = /diagrams?:\s*(\d+)\s+rendered\s*,\s*(\d+)\s+from\s+(?:the\s+)?cache([^\n]*)/gi;

/**
 * The last "diagrams: N rendered, M from cache (browser start 1.2 s, 38 ms per diagram)" line of a
 * build's output (the parenthesis is optional); null when the build printed none.
 */
export function parseDiagramLine(output: string): DiagramCounts | null {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const last = [...plain.matchAll(DIAGRAM_LINE)].at(-1);
  if (!last) return null;
  const rest = last[3] ?? '';
  const per = /([\d.]+)\s*ms per diagram/i.exec(rest);
  const start = /browser start\s+([\d.]+)\s*(ms|s)\b/i.exec(rest);
  return {
    rendered: Number(last[1]),
    cached: Number(last[2]),
    ...(per ? { msPerDiagram: Number(per[1]) } : {}),
    ...(start ? { browserStartMs: Number(start[1]) * (start[2] === 's' ? 1000 : 1) } : {}),
  };
}

/** a / b when both are positive numbers. */
export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  return a !== undefined && b !== undefined && a > 0 && b > 0 ? a / b : undefined;
}

/** One target line: "name   1.23× pass (target ≤ 2×)", or a dash and why it was not measured. */
export function verdict(name: string, value: number | undefined, limit: number, missing: string): string {
  if (value === undefined) return `${name.padEnd(48)}      —  (not measured: ${missing})`;
  return `${name.padEnd(48)} ${value.toFixed(2).padStart(6)}× ${value <= limit ? 'pass' : 'miss'} (target ≤ ${limit}×)`;
}

export function formatMs(ms: number | undefined): string {
  if (ms === undefined || Number.isNaN(ms)) return '—';
  if (ms < 1000) return `${ms.toFixed(0)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A plain-text table, first column left-aligned, the rest right-aligned. */
export function textTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export interface BuildPhases {
  /** Astro's own "N page(s) built in 12.3s" (the site, diagrams included). */
  astroMs?: number;
  /**
   * The runbook PDFs: the build's "build: runbook … in 2.4 s" line (wall time; the languages print
   * in parallel), else the sum of each "runbook-pdf: … N ms" line (builds before that line existed).
   */
  pdfMs?: number;
}

/** The phases the build prints: Astro's page build time, and the runbook PDF times. */
export function parseBuildPhases(output: string): BuildPhases {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  // Astro prints 812ms, 15.09s, or 1m 23s.
  const astro = [...plain.matchAll(/page\(s\) built in\s+(?:(\d+)m\s+(\d+)s|([\d.]+)\s*(ms|s))\b/g)].at(-1);
  const pdfs = [...plain.matchAll(/^runbook-pdf:.*?\b(\d+(?:\.\d+)?)\s*ms\b/gm)];
  const pdfWall = [...plain.matchAll(/^build: runbook .* in ([\d.]+) s$/gm)].at(-1);
  return {
    ...(astro
      ? { astroMs: astro[1] !== undefined ? (Number(astro[1]) * 60 + Number(astro[2])) * 1000 : Number(astro[3]) * (astro[4] === 's' ? 1000 : 1) }
      : {}),
    ...(pdfWall
      ? { pdfMs: Number(pdfWall[1]) * 1000 }
      : pdfs.length
        ? { pdfMs: pdfs.reduce((sum, m) => sum + Number(m[1]), 0) }
        : {}),
  };
}

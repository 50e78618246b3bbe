/**
 * What `npm run bench` reads from a build's output (the diagram line, the phases, why it failed,
 * how far it got) and what it prints: the table, the targets with pass/miss, the notes. Pure, apart
 * from report()'s default clock, so it can be tested.
 */
import { availableParallelism } from 'node:os';
import { rehypeLines } from './rehype-mermaid.ts';
import { REPEAT_BELOW_MS } from './repeat.ts';
import type { BuildMeasure, Context, ScaleResult } from './types.ts';

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
      ? {
          astroMs:
            astro[1] !== undefined ? (Number(astro[1]) * 60 + Number(astro[2])) * 1000 : Number(astro[3]) * (astro[4] === 's' ? 1000 : 1),
        }
      : {}),
    ...(pdfWall ? { pdfMs: Number(pdfWall[1]) * 1000 } : pdfs.length ? { pdfMs: pdfs.reduce((sum, m) => sum + Number(m[1]), 0) } : {}),
  };
}

/** The line that best says why a build failed: Astro's first [ERROR], else an Error, else the build's verdict. */
export function firstError(output: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const lines = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  return (
    lines.find((l) => /\[ERROR\]/.test(l)) ??
    lines.find((l) => /\b\w*Error\b:/.test(l)) ??
    lines.find((l) => /^build: .*(fail|invalid|not valid)/i.test(l)) ??
    lines.filter((l) => l.trim()).at(-1)
  );
}

/** The last diagram progress line and the last page Astro named, for a build that was stopped. */
export function lastProgress(output: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const diagrams = [...plain.matchAll(/diagrams: rendered (\d+)[^\n]*?(\d+ ms each)?\)/g)].at(-1);
  const page = [...plain.matchAll(/[├└]─ (\S+)/g)].at(-1);
  const pages = [...plain.matchAll(/[├└]─ /g)].length;
  return [
    diagrams ? `${diagrams[1]} diagrams rendered${diagrams[2] ? `, ${diagrams[2]}` : ''}` : 'no diagram progress',
    `${pages} pages written${page ? `, last ${page[1]}` : ''}`,
  ].join('; ');
}

export function kb(bytes: number | undefined): string {
  return bytes === undefined ? '—' : `${(bytes / 1024).toFixed(1)} KB`;
}

/** " (median of 3.1 s, 3.4 s, 3.2 s)" when there were several runs, else nothing. */
export function ofMedian(runs: Array<{ ms: number }>): string {
  return runs.length > 1 ? ` (median of ${runs.map((r) => formatMs(r.ms)).join(', ')})` : '';
}

/** "176 rendered, 0 from cache", from the build's diagram line. */
export function diagramCounts(d: DiagramCounts | null | undefined): string {
  return d ? `${d.rendered} rendered, ${d.cached} from cache` : 'no diagram line';
}

export function cpu(seconds: number | undefined): string {
  return seconds === undefined ? '—' : `${seconds.toFixed(1)} core-s`;
}

export function phases(m: BuildMeasure | undefined): string {
  if (!m?.ok || m.phases.astroMs === undefined) return '—';
  return `${formatMs(m.phases.astroMs)}+${m.phases.pdfMs !== undefined ? formatMs(m.phases.pdfMs) : '0'}`;
}

/**
 * The table, the targets and the notes the bench prints after every scale. `at` is where and when
 * it ran (the cores, Node, the time), given by tests.
 */
export function report(
  results: ScaleResult[],
  ctx: Pick<Context, 'options' | 'buildCommand'>,
  at: { cores: number; node: string; date: Date } = { cores: availableParallelism(), node: process.versions.node, date: new Date() },
): string {
  const okMs = (m: BuildMeasure | undefined) => (m?.ok ? m.ms : undefined);
  const plainCold = (r: ScaleResult | undefined) => (r?.plain?.ok ? r.plain.coldMs : undefined);
  const plainWarm = (r: ScaleResult | undefined) => (r?.plain?.ok ? r.plain.warmMs : undefined);
  const rows: string[][] = [
    [
      'model',
      'entities',
      'check',
      'largest diagram',
      'cold build',
      '(astro+pdf)',
      'cold CPU',
      'warm build',
      '(astro+pdf)',
      'rebuild, dist kept',
      'rendered',
      'warm: rendered/cached',
      'diagrams/s render',
      'diagrams/s build',
      'pages alone',
      'diagrams alone',
      'pages',
      'JS/page',
      'plain cold',
      'plain cold CPU',
      'plain warm',
      'plain JS/page',
      'cold/plain',
      'warm/plain',
      'rebuild/plain',
    ],
  ];
  for (const r of results) {
    const ok = r.cold?.ok;
    rows.push([
      r.label,
      String(r.entities ?? '—'),
      r.check.error ? 'invalid' : formatMs(r.check.ms),
      r.diagramProbe ? `${(r.diagramProbe.largest.bytes / 1000).toFixed(1)} kB${r.diagramProbe.over.length ? ' (over)' : ''}` : '—',
      r.cold
        ? ok
          ? `${formatMs(r.cold.ms)}${r.pdf === false && ctx.options.pdf ? ' (no PDF)' : ''}`
          : r.cold.timedOut
            ? `TIMEOUT ${formatMs(r.cold.ms)}`
            : 'FAILED'
        : '—',
      phases(r.cold),
      cpu(r.cold?.ok ? r.cold.cpuSeconds : undefined),
      r.warm ? (r.warm.ok ? formatMs(r.warm.ms) : r.warm.timedOut ? `TIMEOUT ${formatMs(r.warm.ms)}` : 'FAILED') : '—',
      phases(r.warm),
      r.rebuild ? (r.rebuild.ok ? `${formatMs(r.rebuild.ms)}${r.rebuild.upToDate ? ' (up to date)' : ''}` : 'FAILED') : '—',
      r.cold?.diagrams ? String(r.cold.diagrams.rendered) : ok ? 'no line' : '—',
      r.warm?.diagrams ? `${r.warm.diagrams.rendered} / ${r.warm.diagrams.cached}` : '—',
      r.diagramsPerRenderSecond?.toFixed(1) ?? '—',
      r.diagramsPerBuildSecond?.toFixed(1) ?? '—',
      r.pagesAlone ? (r.pagesAlone.ok ? formatMs(r.pagesAlone.ms) : 'FAILED') : '—',
      r.diagramsAlone ? (r.diagramsAlone.ok ? formatMs(r.diagramsAlone.ms) : 'FAILED') : '—',
      r.site ? String(r.site.pages) : '—',
      kb(r.site?.jsBytesPerPage),
      r.plain
        ? r.plain.ok
          ? `${formatMs(r.plain.coldMs)}${r.plainPagesEstimated ? ` (≈${r.plain.site.pages} p.)` : ''}`
          : r.plain.timedOut
            ? `TIMEOUT ${formatMs(r.plain.coldMs)}`
            : 'FAILED'
        : '—',
      cpu(r.plain?.ok ? r.plain.coldCpuSeconds : undefined),
      formatMs(plainWarm(r)),
      r.plain?.ok ? kb(r.plain.site.jsBytesPerPage) : '—',
      ratio(okMs(r.cold), plainCold(r))?.toFixed(2) ?? '—',
      ratio(okMs(r.warm), plainWarm(r))?.toFixed(2) ?? '—',
      ratio(okMs(r.rebuild), plainWarm(r))?.toFixed(2) ?? '—',
    ]);
  }
  const saghaugen = results.find((r) => r.scale === 1);
  const x10 = results.find((r) => r.scale === 10);
  const x100 = results.find((r) => r.scale === 100);
  const targets = [
    verdict('cold Saghaugen build / plain', ratio(okMs(saghaugen?.cold), plainCold(saghaugen)), 2, 'needs scale 1 and the plain build'),
    verdict(
      'warm Saghaugen rebuild, dist/ kept / plain',
      ratio(okMs(saghaugen?.rebuild), plainWarm(saghaugen)),
      1.2,
      'needs scale 1, warm and plain builds',
    ),
    verdict(
      'warm Saghaugen rebuild, dist/ deleted / plain',
      ratio(okMs(saghaugen?.warm), plainWarm(saghaugen)),
      1.2,
      'needs scale 1, warm and plain builds',
    ),
    verdict(
      'Saghaugen rebuild after one changed field / plain warm',
      ratio(okMs(saghaugen?.oneField), plainWarm(saghaugen)),
      1.5,
      'needs scale 1, warm and plain builds',
    ),
  ];
  for (const r of results) {
    if (!r.oneField?.ok) continue;
    const d = r.oneField.diagrams;
    targets.push(
      `${r.label}, one field changed (${r.oneField.field}): ${formatMs(r.oneField.ms)}, diagrams re-rendered: ${d ? `${d.rendered} (${d.cached} from cache)` : 'no line'}`,
    );
  }
  const siteOnly = (m: BuildMeasure | undefined) => (m?.ok && m.phases.pdfMs !== undefined ? m.ms - m.phases.pdfMs : undefined);
  if (x10?.pdf !== undefined && x100?.pdf !== undefined && x10.pdf !== x100.pdf) {
    // One was built without the PDFs: compare the site builds (the other's time less its PDFs).
    const without = (r: ScaleResult) => (r.pdf ? siteOnly(r.cold) : okMs(r.cold));
    targets.push(verdict('100× / 10× cold build, without PDFs', ratio(without(x100), without(x10)), 10, 'needs scales 10 and 100'));
  } else {
    targets.push(verdict('100× cold build / 10× cold build', ratio(okMs(x100?.cold), okMs(x10?.cold)), 10, 'needs scales 10 and 100'));
  }
  if (saghaugen?.cold?.phases.pdfMs !== undefined) {
    const c = ratio(siteOnly(saghaugen.cold), plainCold(saghaugen));
    const w = ratio(siteOnly(saghaugen.warm), plainWarm(saghaugen));
    targets.push(
      `without the runbook PDFs (which plain has no counterpart for): cold ${c?.toFixed(2) ?? '—'}×, warm ${w?.toFixed(2) ?? '—'}× plain`,
    );
  }
  const floorsFrom = targets.length;
  const pagesAlone = saghaugen?.pagesAlone?.ok ? saghaugen.pagesAlone : undefined;
  if (pagesAlone && plainCold(saghaugen) !== undefined) {
    targets.push(
      `floor: the Saghaugen pages alone (Astro's caches empty, every diagram${saghaugen?.pdf ? ' and PDF' : ''} from cache): ${formatMs(pagesAlone.ms)} = ${ratio(pagesAlone.ms, plainCold(saghaugen))!.toFixed(2)}× the plain build`,
    );
  }
  const alone = saghaugen?.diagramsAlone?.ok ? saghaugen.diagramsAlone : undefined;
  if (alone && plainCold(saghaugen) !== undefined) {
    targets.push(
      `floor: the Saghaugen diagrams alone (${alone.rendered ?? '?'}, no Astro, no PDFs): ${formatMs(alone.ms)}${alone.cpuSeconds !== undefined ? `, ${alone.cpuSeconds.toFixed(1)} core-s` : ''} = ${ratio(alone.ms, plainCold(saghaugen))!.toFixed(2)}× the plain build`,
    );
  }
  if (targets.length > floorsFrom)
    targets.push('  (a cold build does both, on the same cores: it cannot be faster than either floor on this machine)');
  for (const r of results) {
    const ours =
      r.diagramsAlone?.ok && r.diagramsAlone.rendered ? { ms: r.diagramsAlone.ms, rendered: r.diagramsAlone.rendered } : undefined;
    targets.push(...rehypeLines(r.label, r.rehype, ours));
  }
  const cores = at.cores;
  const coldCpu = saghaugen?.cold?.ok ? saghaugen.cold.cpuSeconds : undefined;
  const plainCpu = saghaugen?.plain?.ok ? saghaugen.plain.coldCpuSeconds : undefined;
  if (coldCpu !== undefined && plainCpu !== undefined && saghaugen?.plain?.ok) {
    // Work, not waiting: a build cannot finish faster than its core-seconds spread over every core.
    const floor = ratio((coldCpu / cores) * 1000, plainCold(saghaugen));
    targets.push(
      `cold Saghaugen build: ${coldCpu.toFixed(1)} core-s of work vs plain ${plainCpu.toFixed(1)}; spread perfectly over ${cores} core(s) it would still take ${floor?.toFixed(2) ?? '—'}× the plain build`,
    );
  }
  const x10x100 = [
    x10 && x100 && ratio(x100.entities, x10.entities) !== undefined
      ? `100×/10× sizes: entities ${ratio(x100.entities, x10.entities)!.toFixed(1)}×, pages ${ratio(x100.site?.pages, x10.site?.pages)?.toFixed(1) ?? '—'}×, warm build ${ratio(okMs(x100.warm), okMs(x10.warm))?.toFixed(1) ?? '—'}×, plain build ${ratio(plainCold(x100), plainCold(x10))?.toFixed(1) ?? '—'}×`
      : undefined,
  ].filter(Boolean);
  const failures = results.flatMap((r) =>
    [
      ['cold', r.cold],
      ['warm', r.warm],
      ['rebuild', r.rebuild],
      ['one-field', r.oneField],
    ].flatMap(([name, m]) => {
      const b = m as BuildMeasure | undefined;
      return b && !b.ok ? [`${r.label} ${name as string} build failed after ${formatMs(b.ms)}: ${b.error ?? 'see the log'}`] : [];
    }),
  );
  const notes = [
    `builds: ${ctx.buildCommand.describe}; Node ${at.node}; ${at.date.toISOString()}`,
    `check = in-process median of 3 after a warm-up: ${results[0]?.check.steps.join(' + ') ?? ''}`,
    `cold = empty diagram cache and Astro/Vite caches (median of 3 when under ${REPEAT_BELOW_MS / 1000} s, plain too); warm = same caches, unchanged model, dist/ deleted first, so Astro runs and copies every page (median of 3 when under ${REPEAT_BELOW_MS / 1000} s, plain too); rebuild = the same with dist/ kept, as \`npm run build\` twice ("up to date": nothing changed, the build did nothing); plain's rebuild always renders every page; ${ctx.options.pdf ? `with the runbook PDFs up to scale ${ctx.options.pdfMaxScale} ("(no PDF)" above it: --pdf-max-scale)` : 'WITHOUT the runbook PDFs'}`,
    '(astro+pdf) = Astro\'s own "page(s) built in" time + the runbook PDF times the build prints; the rest is start-up, model check and the swap',
    'plain cold/warm = a Starlight site with the same nb/en page counts and no diagrams, built twice in this run',
    'diagrams/s render = 1000 ÷ the build\'s "ms per diagram"; build = diagrams rendered ÷ whole cold build time',
    `pages alone = the build with Astro's and Vite's caches emptied, every diagram and PDF from the cold build's caches; diagrams alone = node src/bench/render-diagrams.ts: every diagram of the site from an empty cache as the build renders them (same browser, pages and Mermaid), nothing else; both up to scale ${ctx.options.aloneMaxScale} (--no-alone skips them)`,
    `rehype-mermaid = the same diagrams (the Mermaid text the build renders) as \`\`\`mermaid blocks in Markdown pages of the plain site, grouped like ours (a scenario's phases on one page, a plan's before and after on one page, per language), drawn by rehype-mermaid (inline-svg; Mermaid and Playwright of its own, Debian's Chromium) on @astrojs/markdown-remark's processor; its time per diagram = (that cold build − the same build with strategy pre-mermaid, which draws nothing) ÷ diagrams drawn; up to scale ${ctx.options.rehypeMaxScale} (--no-rehype skips it)`,
    'largest diagram = Mermaid text of the largest whole-model diagram (topology, architecture, power, one failure phase), nb; "(over)" = past the renderer\'s maxTextSize',
    'JS/page = <script src> files (with their static imports) + inline scripts, averaged over every HTML page',
    'CPU = core-seconds the machine was busy during the build (Linux /proc/stat; Chromium included); run the bench on an otherwise idle machine',
    ...(results.some((r) => r.plainPagesEstimated)
      ? [
          '(≈N p.) = the project build failed; the plain site got page counts estimated from the first scale that built, in proportion to the entities',
        ]
      : []),
  ];
  const failed = failures.length ? `\n\nFailed builds:\n${failures.map((f) => `  ${f}`).join('\n')}` : '';
  return `${textTable(rows)}${failed}\n\nTargets (issues 5 and 14):\n${targets.map((t) => `  ${t}`).join('\n')}${x10x100.length ? `\n  ${x10x100.join('\n  ')}` : ''}\n\n${notes.map((n) => `  ${n}`).join('\n')}`;
}

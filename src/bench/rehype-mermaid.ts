/**
 * Pure helpers for the bench's rehype-mermaid comparison (issue 14): how a Starlight user would
 * otherwise render the site's Mermaid diagrams, as ```mermaid code blocks in Markdown pages with
 * `rehype-mermaid` (strategy `inline-svg`, its own Playwright Chromium) in a plain Starlight site.
 *
 * scripts/bench.ts writes that site (the plain site of the same page counts, some of whose pages get
 * the diagrams), builds it twice, and prints the line made here:
 *  - with `inline-svg`: every diagram drawn at build time;
 *  - with `pre-mermaid`: the same pages, processor and plugin, but no browser (the diagram text left
 *    for a browser to draw), so the difference is what drawing the diagrams cost.
 *
 * Pages are grouped like ours: the topology, architecture and power diagrams one per page, a
 * scenario's phases on one page, a plan's before and after on one page, per language. (Our site also
 * shows each diagram again on a full-size page of its own, from the same SVG: each is counted once.)
 */

/** What of a DiagramSpec this needs (src/diagrams/types.ts). */
export interface DiagramText {
  /** "failure-power-outage-start-nb": the language is the last part. */
  id: string;
  /** "scenario:power-outage phase start", "plan:garage-usbip (before)", "topology". */
  source: string;
  title: string;
  mermaid: string;
}

export interface DiagramGroup {
  lang: string;
  /** The page the diagrams share: "scenario:power-outage", "plan:garage-usbip", "topology". */
  page: string;
  diagrams: DiagramText[];
}

/** The language of a diagram, from its id's last part ("…-nb"). */
export function diagramLang(id: string): string {
  return id.slice(id.lastIndexOf('-') + 1);
}

/** The page a diagram is on in our site, from its source: a scenario's phases share one, a plan's before and after too. */
export function diagramPage(source: string): string {
  return source.replace(/\s+(?:phase\s+\S+|\((?:before|after)\))$/, '');
}

/** The diagrams grouped by language and page, in the order the specs come (first appearance). */
export function groupDiagramsByPage(specs: readonly DiagramText[]): DiagramGroup[] {
  const groups = new Map<string, DiagramGroup>();
  for (const spec of specs) {
    const lang = diagramLang(spec.id);
    const page = diagramPage(spec.source);
    const key = `${lang}\u0000${page}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { lang, page, diagrams: [] }));
    group.diagrams.push(spec);
  }
  return [...groups.values()];
}

/** A code fence longer than any run of backticks in the text (at least three). */
export function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** One ```mermaid code block, as an author would write it in Markdown. */
export function mermaidBlock(mermaid: string): string {
  const fence = fenceFor(mermaid);
  return `${fence}mermaid\n${mermaid.replace(/\n+$/, '')}\n${fence}\n`;
}

/** A Markdown page (a plain site's page, front matter and all) with the group's diagrams after it, each under its title. */
export function pageWithDiagrams(page: string, diagrams: readonly DiagramText[]): string {
  const sections = diagrams.map((d) => `## ${d.title.replace(/[\r\n]+/g, ' ')}\n\n${mermaidBlock(d.mermaid)}`);
  return `${page.replace(/\n*$/, '\n')}\n${sections.join('\n')}`;
}

export type RehypeStrategy = 'inline-svg' | 'pre-mermaid';

/** What marks a diagram rehype-mermaid could not render, in the page and in the build's output. */
export const FAILED_CLASS = 'rehype-mermaid-failed';
export const FAILED_LINE = 'rehype-mermaid failed:';

/**
 * The plain site's astro.config.mjs with rehype-mermaid configured: Astro 7's spelling of
 * `markdown.rehypePlugins` (which it still accepts, deprecated, and moves to the same place) is
 * `markdown.processor: unified({ rehypePlugins })` from @astrojs/markdown-remark. A diagram that fails
 * is not fatal: it prints FAILED_LINE with the file and the first line of the error, and leaves an
 * empty element of FAILED_CLASS in the page, so the bench counts failures instead of losing the build.
 */
export function rehypeMermaidConfig(
  plainConfig: string,
  options: { strategy: RehypeStrategy; launchOptions: { executablePath?: string; args?: readonly string[]; headless?: boolean } },
): string {
  const imports = "import { unified } from '@astrojs/markdown-remark';\nimport rehypeMermaid from 'rehype-mermaid';\n";
  const markdown = `  markdown: {
    processor: unified({
      rehypePlugins: [
        [
          rehypeMermaid,
          {
            strategy: ${JSON.stringify(options.strategy)},
            launchOptions: ${JSON.stringify(options.launchOptions)},
            errorFallback: (_element, _diagram, error, file) => {
              const message = String((error && error.message) || error).split('\\n')[0];
              console.error(${JSON.stringify(FAILED_LINE)} + ' ' + file.path + ': ' + message);
              return { type: 'element', tagName: 'div', properties: { className: [${JSON.stringify(FAILED_CLASS)}] }, children: [] };
            },
          },
        ],
      ],
    }),
  },
`;
  const withImports = plainConfig.replace(/^(import starlight from '@astrojs\/starlight';\n)/m, `$1${imports}`);
  const withMarkdown = withImports.replace(/^(export default defineConfig\(\{\n)/m, `$1${markdown}`);
  if (withImports === plainConfig || withMarkdown === withImports)
    throw new Error('rehypeMermaidConfig: the plain config does not look as expected');
  return withMarkdown.replace(/^(\/\/[^\n]*)/, '$1 With rehype-mermaid.');
}

/** Diagrams rehype-mermaid drew (inline SVGs it names mermaid-N) and the ones it could not, in one page. */
export function countRehypeOutcome(html: string): { rendered: number; failed: number } {
  return {
    rendered: [...html.matchAll(/<svg\b[^>]*\bid="mermaid-\d+"/g)].length,
    failed: [...html.matchAll(new RegExp(`<div\\b[^>]*\\bclass="${FAILED_CLASS}"`, 'g'))].length,
  };
}

/** The failures the build printed: "file: first line of the error", once each. */
export function parseRehypeFailures(output: string): string[] {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const lines = [...plain.matchAll(/^.*?rehype-mermaid failed: (.*)$/gm)].map((m) => m[1]!.trim());
  return [...new Set(lines)];
}

export interface RehypeMeasure {
  /** Diagrams written into the pages. */
  diagrams: number;
  /** Pages that got them. */
  pages: number;
  /** The Mermaid rehype-mermaid renders with (mermaid-isomorphic's own). */
  mermaidVersion?: string;
  /** The inline-svg build. */
  ok: boolean;
  ms: number;
  error?: string;
  rendered: number;
  failed: number;
  failures: string[];
  /** The same site with strategy pre-mermaid (no browser), when it built. */
  preMermaidMs?: number;
  /** The plain site of the same page counts without any diagram (Sätteri), from the same run. */
  plainMs?: number;
}

/** Our diagrams alone in the same run: every diagram of the site from an empty cache, nothing else. */
export interface OursMeasure {
  ms: number;
  rendered: number;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function each(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s each`;
}

/**
 * The Targets lines: what rehype-mermaid took per diagram against ours, e.g.
 *   rehype-mermaid (inline-svg, Mermaid 11.x), Saghaugen: 34 diagrams in 18.2 s = 0.54 s each; ours 0.20 s each (diagrams alone) → ours 2.7× faster
 * then how that was reckoned, and any diagram that failed (compared on the ones that rendered).
 */
export function rehypeLines(label: string, m: RehypeMeasure | undefined, ours: OursMeasure | undefined): string[] {
  if (!m) return [];
  const head = `rehype-mermaid (inline-svg${m.mermaidVersion ? `, Mermaid ${m.mermaidVersion}` : ''}), ${label}`;
  if (!m.ok) return [`${head}: build FAILED after ${seconds(m.ms)}${m.error ? `: ${m.error}` : ''}`];
  const cost = m.preMermaidMs !== undefined ? m.ms - m.preMermaidMs : undefined;
  const per = cost !== undefined && cost > 0 && m.rendered > 0 ? cost / m.rendered : undefined;
  const oursPer = ours && ours.rendered > 0 && ours.ms > 0 ? ours.ms / ours.rendered : undefined;
  const renderedPart = m.rendered === m.diagrams ? `${m.diagrams} diagrams` : `${m.rendered} of ${m.diagrams} diagrams`;
  const theirs =
    per !== undefined && cost !== undefined
      ? `${renderedPart} in ${seconds(cost)} = ${each(per)}`
      : `${renderedPart}, per diagram — (${m.preMermaidMs === undefined ? 'the build without rendering failed' : 'no time left over the build without rendering'})`;
  const oursPart =
    oursPer !== undefined
      ? `ours ${each(oursPer)} (diagrams alone, ${ours!.rendered} in ${seconds(ours!.ms)})`
      : 'ours — (needs the diagrams alone: --no-alone skips them)';
  const factor = per !== undefined && oursPer !== undefined ? per / oursPer : undefined;
  const verdictPart =
    factor === undefined ? '' : factor >= 1 ? ` → ours ${factor.toFixed(1)}× faster` : ` → ours ${(1 / factor).toFixed(1)}× slower`;
  const lines = [`${head}: ${theirs}; ${oursPart}${verdictPart}`];
  lines.push(
    `  (its build ${seconds(m.ms)}, ${m.diagrams} diagrams on ${m.pages} pages of the plain site; minus the same site unrendered (pre-mermaid) ${m.preMermaidMs !== undefined ? seconds(m.preMermaidMs) : '—'}` +
      `${m.plainMs !== undefined ? `; minus the plain site without diagrams ${seconds(m.plainMs)}: ${seconds(m.ms - m.plainMs)}` : ''})`,
  );
  if (m.failed > 0 || m.rendered + m.failed < m.diagrams) {
    const missing = m.diagrams - m.rendered - m.failed;
    lines.push(
      `  rehype-mermaid FAILED ${m.failed} of ${m.diagrams}${missing > 0 ? ` and left ${missing} unrendered` : ''}; the per-diagram time counts the ${m.rendered} that rendered` +
        `${m.failures.length ? `; first: ${m.failures[0]}` : ''}`,
    );
  }
  return lines;
}

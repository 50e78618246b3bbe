/**
 * A small builder for Mermaid flowcharts that keeps the safety rules in one place:
 * node ids are generated (n0, n1, … and s0, s1, … for subgraphs), never taken from the model;
 * every label goes through escapeLabel; links go through assertSafeHref. Pure.
 */
import { assertSafeHref, escapeLine, quoted } from './escape.ts';
import type { HrefFor } from './types.ts';

export type Shape = 'box' | 'round' | 'stadium' | 'cylinder' | 'hexagon';
/** thickDashed: a thick arrow drawn dashed (a change a plan makes that the source does not state). */
export type LineStyle = 'solid' | 'dashed' | 'thick' | 'thickDashed';

/** Class styles; only the ones a diagram uses are written out. Each state differs in line style too. */
export const CLASS_DEFS: Record<string, string> = {
  planned: 'fill:#f4f4f4,stroke:#555,stroke-width:1.5px,stroke-dasharray:6 4,color:#333',
  stopped: 'fill:#f4f4f4,stroke:#555,stroke-width:1.5px,stroke-dasharray:2 3,color:#333',
  ok: 'fill:#e6f4ea,stroke:#1b7f3b,stroke-width:1px,color:#0b3d1a',
  degraded: 'fill:#fff2cc,stroke:#9a5b00,stroke-width:2.5px,stroke-dasharray:9 4,color:#402500',
  down: 'fill:#fde2e4,stroke:#b0001a,stroke-width:3.5px,stroke-dasharray:3 3,color:#4d0010',
  focus: 'fill:#e3ecfd,stroke:#1a4fb0,stroke-width:3px,color:#0a1f47',
  critical: 'fill:#e6f4ea,stroke:#1b7f3b,stroke-width:2px,color:#0b3d1a',
  comfort: 'fill:#eef1f6,stroke:#4a5670,stroke-width:1px,color:#1c2333',
  changed: 'fill:#fff2cc,stroke:#9a5b00,stroke-width:2px,color:#402500',
  added: 'fill:#e3ecfd,stroke:#1a4fb0,stroke-width:2px,stroke-dasharray:6 4,color:#0a1f47',
  // The ends of a legend's sample arrows: no box, only the word.
  legendline: 'fill:none,stroke:none,color:#222',
  summary: 'fill:#f7f7f7,stroke:#333,stroke-width:1.5px,color:#111',
};

const SHAPES: Record<Shape, [string, string]> = {
  box: ['[', ']'],
  round: ['(', ')'],
  stadium: ['([', '])'],
  cylinder: ['[(', ')]'],
  hexagon: ['{{', '}}'],
};

const ARROWS: Record<LineStyle, string> = { solid: '-->', dashed: '-.->', thick: '==>', thickDashed: '==>' };

export interface NodeOptions {
  shape?: Shape;
  classes?: string[];
  /** Link the node to this entity's page (hrefFor(key)). Off for legend nodes. */
  link?: boolean;
  /** Link to this key's page instead of the node's own key (summary nodes link to their host). */
  linkTo?: string;
}

export class Flowchart {
  private readonly ids = new Map<string, string>();
  private readonly subgraphIds = new Map<string, string>();
  private readonly body: string[] = [];
  private readonly edges: string[] = [];
  private readonly edgeSeen = new Set<string>();
  /** Indexes (in edge order, as Mermaid counts them) of thick arrows that are drawn dashed. */
  private readonly dashedThick: number[] = [];
  private readonly clicks: string[] = [];
  private readonly classMembers = new Map<string, string[]>();
  private nodeCount = 0;
  private subgraphCount = 0;
  private depth = 1;

  private readonly direction: 'TB' | 'LR';
  private readonly title: string;
  private readonly description: string;
  private readonly hrefFor?: HrefFor;

  // Plain fields, not parameter properties: scripts run on Node's type stripping, which has none.
  constructor(direction: 'TB' | 'LR', title: string, description: string, hrefFor?: HrefFor) {
    this.direction = direction;
    this.title = title;
    this.description = description;
    this.hrefFor = hrefFor;
  }

  /** The generated id of a model key, or undefined when it has not been placed. */
  idOf(key: string): string | undefined {
    return this.ids.get(key);
  }

  /** Whether some node already placed carries this class. */
  usesClass(cls: string): boolean {
    return (this.classMembers.get(cls)?.length ?? 0) > 0;
  }

  has(key: string): boolean {
    return this.ids.has(key);
  }

  /** Places a node (once; later calls return the same id). `key` is a model key or any unique tag. */
  node(key: string, label: string, options: NodeOptions = {}): string {
    const existing = this.ids.get(key);
    if (existing) return existing;
    const id = `n${this.nodeCount++}`;
    this.ids.set(key, id);
    const [open, close] = SHAPES[options.shape ?? 'box'];
    this.body.push(`${this.indent()}${id}${open}${quoted(label)}${close}`);
    for (const cls of options.classes ?? []) {
      if (!this.classMembers.has(cls)) this.classMembers.set(cls, []);
      this.classMembers.get(cls)!.push(id);
    }
    if (options.link !== false && this.hrefFor) {
      const target = options.linkTo ?? key;
      this.clicks.push(`click ${id} href "${assertSafeHref(this.hrefFor(target), target)}"`);
    }
    return id;
  }

  /** The generated id of a subgraph placed with this key (a location's key), if it was drawn. */
  subgraphIdOf(key: string): string | undefined {
    return this.subgraphIds.get(key);
  }

  /** A subgraph with a label; returns its generated id (usable as an edge end). `key` names it for subgraphIdOf. */
  subgraph(label: string, fill: () => void, direction?: 'TB' | 'LR', key?: string): string {
    const id = `s${this.subgraphCount++}`;
    this.body.push(`${this.indent()}subgraph ${id}[${quoted(label)}]`);
    this.depth++;
    if (direction) this.body.push(`${this.indent()}direction ${direction}`);
    const before = this.body.length;
    fill();
    // An empty subgraph is noise: drop it.
    if (this.body.length === before) {
      this.depth--;
      this.body.splice(before - (direction ? 2 : 1));
      this.subgraphCount--;
      return '';
    }
    this.depth--;
    this.body.push(`${this.indent()}end`);
    if (key) this.subgraphIds.set(key, id);
    return id;
  }

  /** An edge between two placed nodes or subgraphs, by generated id. Duplicates are dropped. */
  edgeIds(from: string, to: string, options: { label?: string; style?: LineStyle } = {}): void {
    if (!from || !to) return;
    const arrow = ARROWS[options.style ?? 'solid'];
    const text = options.label ? `${arrow}|${quoted(options.label)}|` : arrow;
    const line = `${from} ${text} ${to}`;
    if (this.edgeSeen.has(line)) return;
    this.edgeSeen.add(line);
    if (options.style === 'thickDashed') this.dashedThick.push(this.edges.length);
    this.edges.push(line);
  }

  /** An edge between two model keys; ignored when either is not placed. */
  edge(fromKey: string, toKey: string, options: { label?: string; style?: LineStyle } = {}): void {
    const from = this.ids.get(fromKey);
    const to = this.ids.get(toKey);
    if (from && to) this.edgeIds(from, to, options);
  }

  /**
   * An edge between two model keys that must both be placed: throws when one is not, where `edge`
   * would leave the arrow out without a word (a kind counted in a diagram but never drawn).
   */
  placedEdge(fromKey: string, toKey: string, options: { label?: string; style?: LineStyle } = {}): void {
    for (const key of [fromKey, toKey]) {
      if (!this.ids.has(key)) throw new Error(`diagram "${this.title}": an arrow ends at ${JSON.stringify(key)}, which has no box`);
    }
    this.edge(fromKey, toKey, options);
  }

  toString(): string {
    const lines = [`flowchart ${this.direction}`, `accTitle: ${escapeLine(this.title)}`, `accDescr: ${escapeLine(this.description)}`];
    for (const cls of [...this.classMembers.keys()].sort()) {
      const style = CLASS_DEFS[cls];
      if (style) lines.push(`classDef ${cls} ${style}`);
    }
    lines.push(...this.body, ...this.edges, ...this.clicks);
    if (this.dashedThick.length) lines.push(`linkStyle ${this.dashedThick.join(',')} stroke-dasharray:6 4`);
    for (const [cls, members] of [...this.classMembers.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`class ${members.join(',')} ${cls}`);
    }
    return lines.join('\n') + '\n';
  }

  private indent(): string {
    return '  '.repeat(this.depth);
  }
}

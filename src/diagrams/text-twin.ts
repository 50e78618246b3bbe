/**
 * A diagram's text twin: each box and each arrow as a sentence in the page's language, for screen
 * readers, search and tests. Pure.
 *
 * It is read back from the Mermaid text the Flowchart builder (flowchart.ts) wrote, not written a
 * second time beside each generator, so the twin can never say something the drawing does not:
 * the builder's grammar is small and fixed (generated ids, every label escaped to `#<code>;`, one
 * statement per line; generators.test.ts checks every diagram against it), and
 * flowchart.test.ts checks that reading back gives exactly the builder's own structure.
 */
import { restorePlaceholderLetters } from './escape.ts';
import type { Lang } from '../model/entities.ts';
import { t } from '../i18n/store.ts';
import { TWIN_CLASSES } from '../i18n/words/twin.ts';

export interface FlowNode {
  id: string;
  label: string;
  /** Generated id of the subgraph it stands in, if any. */
  parent?: string;
  classes: string[];
  href?: string;
}

export interface FlowGroup {
  id: string;
  label: string;
  parent?: string;
}

export interface FlowEdge {
  from: string;
  to: string;
  label?: string;
  style: 'solid' | 'dashed' | 'thick' | 'thickDashed';
}

export interface FlowStructure {
  nodes: FlowNode[];
  groups: FlowGroup[];
  edges: FlowEdge[];
}

/** Reverses escapeLabel: `#<code>;` to the character (with ﬂ/ß put back), `<br/>` to a newline. */
export function unescapeLabel(text: string): string {
  return restorePlaceholderLetters(
    text.replace(/<br\/>/g, '\n').replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))),
  );
}

const NODE = /^(n\d+)(\[\(|\(\[|\{\{|\[|\()"(.*)"(\)\]|\]\)|\}\}|\]|\))$/;
const SUBGRAPH = /^subgraph (s\d+)\["(.*)"\]$/;
const EDGE = /^([ns]\d+) (-->|-\.->|==>)(?:\|"(.*)"\|)? ([ns]\d+)$/;
const CLICK = /^click (n\d+) href "([^"]*)"$/;
const CLASS = /^class ((?:n\d+,)*n\d+) ([a-z]+)$/;
/** Thick arrows drawn dashed (an assumed link that matters): Mermaid has no arrow for that. */
const DASHED_THICK = /^linkStyle ((?:\d+,)*\d+) stroke-dasharray:6 4$/;

/** Reads a Flowchart's Mermaid text back into boxes, groups and arrows. Throws on a line it does not know. */
export function parseFlowchart(mermaid: string): FlowStructure {
  const nodes = new Map<string, FlowNode>();
  const groups: FlowGroup[] = [];
  const edges: FlowEdge[] = [];
  const stack: string[] = [];
  for (const raw of mermaid.split('\n')) {
    const line = raw.trim();
    if (!line || /^(?:flowchart|accTitle:|accDescr:|classDef|direction) /.test(line)) continue;
    let m: RegExpExecArray | null;
    if (line === 'end') {
      stack.pop();
    } else if ((m = SUBGRAPH.exec(line))) {
      groups.push({ id: m[1]!, label: unescapeLabel(m[2]!), ...(stack.length ? { parent: stack.at(-1)! } : {}) });
      stack.push(m[1]!);
    } else if ((m = NODE.exec(line))) {
      nodes.set(m[1]!, { id: m[1]!, label: unescapeLabel(m[3]!), classes: [], ...(stack.length ? { parent: stack.at(-1)! } : {}) });
    } else if ((m = EDGE.exec(line))) {
      const style = m[2] === '-.->' ? 'dashed' : m[2] === '==>' ? 'thick' : 'solid';
      edges.push({ from: m[1]!, to: m[4]!, style, ...(m[3] !== undefined ? { label: unescapeLabel(m[3]) } : {}) });
    } else if ((m = CLICK.exec(line))) {
      const node = nodes.get(m[1]!);
      if (node) node.href = m[2]!;
    } else if ((m = CLASS.exec(line))) {
      for (const id of m[1]!.split(',')) nodes.get(id)?.classes.push(m[2]!);
    } else if ((m = DASHED_THICK.exec(line))) {
      for (const index of m[1]!.split(',')) {
        const edge = edges[Number(index)];
        if (edge?.style === 'thick') edge.style = 'thickDashed';
      }
    } else {
      throw new Error(`parseFlowchart: a line the Flowchart builder does not write: ${JSON.stringify(line)}`);
    }
  }
  return { nodes: [...nodes.values()], groups, edges };
}

/** A sentence as text and links, so a page can make the names links. */
export type TwinPart = string | { text: string; href: string };

export interface TwinSentence {
  kind: 'box' | 'arrow';
  parts: TwinPart[];
}

const SAID_CLASSES: ReadonlySet<string> = new Set(TWIN_CLASSES);
/** What a box's class says (src/i18n/words/twin.ts), or nothing for a class the twin leaves unsaid. */
const classWord = (cls: string, lang: Lang): string | undefined =>
  SAID_CLASSES.has(cls) ? t(lang, `twin.class.${cls as (typeof TWIN_CLASSES)[number]}`) : undefined;

const q = (text: string, lang: Lang) => t(lang, 'twin.quote', { text });
/** One line per label line: "frigate, LXC 105". */
const flat = (label: string) =>
  label
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(', ');

/**
 * Each box (with the groups it stands in and what its class says) and each arrow (with its label
 * and line style) as one sentence. Group boxes are named in the boxes' sentences, not on their own.
 */
export function textTwin(structure: FlowStructure, lang: Lang): TwinSentence[] {
  const groups = new Map(structure.groups.map((g) => [g.id, g]));
  const nodes = new Map(structure.nodes.map((n) => [n.id, n]));
  const path = (parent: string | undefined): string[] => {
    const out: string[] = [];
    for (let id = parent, guard = 0; id && guard < 50; id = groups.get(id)?.parent, guard++) out.unshift(flat(groups.get(id)?.label ?? id));
    return out;
  };
  const name = (id: string): TwinPart[] => {
    const node = nodes.get(id);
    if (node) return [node.href ? { text: flat(node.label), href: node.href } : q(flat(node.label), lang)];
    const group = groups.get(id);
    return [t(lang, 'twin.group', { name: q(flat(group?.label ?? id), lang) })];
  };
  const out: TwinSentence[] = [];
  for (const node of structure.nodes) {
    const where = path(node.parent);
    const said = node.classes.map((c) => classWord(c, lang)).filter((w): w is string => !!w);
    const parts: TwinPart[] = [t(lang, 'twin.box'), ...name(node.id)];
    if (where.length) parts.push(t(lang, 'twin.in', { path: where.join(' › ') }));
    if (said.length) parts.push(`: ${said.join(', ')}`);
    parts.push('.');
    out.push({ kind: 'box', parts });
  }
  for (const edge of structure.edges) {
    const parts: TwinPart[] = [t(lang, 'twin.arrowFrom'), ...name(edge.from), t(lang, 'twin.arrowTo'), ...name(edge.to)];
    if (edge.label) parts.push(t(lang, 'twin.labelled', { label: q(flat(edge.label), lang) }));
    if (edge.style !== 'solid') parts.push(` (${t(lang, `twin.style.${edge.style}`)})`);
    parts.push('.');
    out.push({ kind: 'arrow', parts });
  }
  return out;
}

/** The sentences as plain text (tests, search snippets). */
export function twinText(sentence: TwinSentence): string {
  return sentence.parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');
}

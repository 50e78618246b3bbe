/**
 * `[[kind:id]]` in prose becomes a link to that entity's page in the page's language, with the
 * entity's name as its text. `[[kind:id|own text]]` keeps the author's text.
 *
 * Pure functions over strings and mdast; the Markdown pipeline adapters (satteri-entity-links.ts)
 * are thin. Nothing here mutates its input.
 */
import type { Root, RootContent, Text, Link, Parent } from 'mdast';
import type { Lang } from '../model/entities.ts';
import { DriftsbokError } from '../errors.ts';

export const ENTITY_LINK_PATTERN = /\[\[([a-z]+:[a-z0-9][a-z0-9-]*)(?:\|([^\]\n]+))?\]\]/g;
/** Anything that looks like an attempt, to report typos such as `[[guest frigate]]` too. */
const ATTEMPT_PATTERN = /\[\[([^\]\n]*)\]\]/g;

export interface ResolvedEntity {
  /** Absent for an entity the public profile left out: the link becomes plain text. */
  href?: string;
  text: string;
  /**
   * Show `text` even when the author wrote `[[kind:id|own text]]`: a link to a sensitive entity in
   * the public profile, whose own words may name what is withheld.
   */
  ownTextWithheld?: boolean;
  /** The `kind:id` the link carries (data-entity), when not the one written: a placeholder's. */
  ref?: string;
}
export type EntityResolver = (ref: string, lang: Lang) => ResolvedEntity | null;

export interface LinkProblem {
  ref: string;
  message: string;
  /** Offset of the `[[` within the text it was found in. */
  offset: number;
  /** 1-based, when the text had a position in its file. */
  line?: number;
  column?: number;
}

export type Piece = { type: 'text'; value: string } | { type: 'link'; url: string; text: string; ref: string };

/** Splits one text into plain text and entity links. Unknown references are reported, not linked. */
export function splitEntityLinks(
  value: string,
  lang: Lang,
  resolve: EntityResolver,
): { pieces: Piece[]; problems: LinkProblem[]; changed: boolean } {
  const pieces: Piece[] = [];
  const problems: LinkProblem[] = [];
  let last = 0;
  let changed = false;
  for (const match of value.matchAll(ATTEMPT_PATTERN)) {
    const start = match.index;
    const whole = match[0];
    const exact = new RegExp(`^${ENTITY_LINK_PATTERN.source}$`).exec(whole);
    const ref = exact?.[1] ?? match[1]!;
    const target = exact ? resolve(ref, lang) : null;
    if (!target) {
      problems.push({
        ref,
        message: exact
          ? `unknown entity "${ref}" in [[${ref}]]: no such entity in the model`
          : `"${whole}" is not an entity link: write [[kind:id]] with a kind and an id from the model, e.g. [[host:<id>]]`,
        offset: start,
      });
      continue;
    }
    if (start > last) pieces.push({ type: 'text', value: value.slice(last, start) });
    const text = (!target.ownTextWithheld && exact![2]?.trim()) || target.text;
    pieces.push(
      target.href === undefined ? { type: 'text', value: text } : { type: 'link', url: target.href, text, ref: target.ref ?? ref },
    );
    last = start + whole.length;
    changed = true;
  }
  if (last < value.length) pieces.push({ type: 'text', value: value.slice(last) });
  return { pieces, problems, changed };
}

/** mdast nodes for the pieces. */
export function piecesToMdast(pieces: Piece[]): Array<Text | Link> {
  return pieces.map((p) =>
    p.type === 'text'
      ? { type: 'text', value: p.value }
      : { type: 'link', url: p.url, children: [{ type: 'text', value: p.text }], data: { hProperties: { 'data-entity': p.ref } } },
  );
}

/** The problem with its file position, given the text it was found in and where that text starts. */
export function locateProblem(problem: LinkProblem, value: string, start: { line: number; column: number } | undefined): LinkProblem {
  if (!start) return problem;
  const lines = value.slice(0, problem.offset).split('\n');
  const lineDelta = lines.length - 1;
  const columnInLine = lines[lineDelta]!.length;
  return lineDelta === 0
    ? { ...problem, line: start.line, column: start.column + columnInLine }
    : { ...problem, line: start.line + lineDelta, column: columnInLine + 1 };
}

/** The inline nodes a `[[kind:id]]` may have been parsed into. */
export interface InlineNode {
  type: string;
  value?: string;
  name?: string;
  attributes?: Record<string, unknown> | null;
  children?: unknown[];
  position?: { start: { line: number; column: number } };
}

/**
 * The source text of a node that can be part of an entity link: plain text, or a bare text
 * directive. With directives on (Starlight turns them on), `[[guest:frigate]]` parses as the text
 * `[[guest`, a directive `:frigate`, and the text `]]`.
 */
export function inlineText(node: InlineNode): string | null {
  if (node.type === 'text') return node.value ?? '';
  if (
    node.type === 'textDirective' &&
    (!node.children || node.children.length === 0) &&
    (!node.attributes || Object.keys(node.attributes).length === 0) &&
    typeof node.name === 'string'
  ) {
    return `:${node.name}`;
  }
  return null;
}

export interface TextRun<N extends InlineNode = InlineNode> {
  nodes: N[];
  /** Index of the first node among its siblings. */
  index: number;
  text: string;
  start: { line: number; column: number } | undefined;
}

/** Runs of consecutive siblings that together are text (see inlineText). */
export function textRuns<N extends InlineNode>(children: readonly N[]): TextRun<N>[] {
  const runs: TextRun<N>[] = [];
  let current: TextRun<N> | undefined;
  children.forEach((child, index) => {
    const text = inlineText(child);
    if (text === null) {
      current = undefined;
      return;
    }
    if (!current) {
      current = { nodes: [], index, text: '', start: child.position?.start };
      runs.push(current);
    }
    current.nodes.push(child);
    current.text += text;
  });
  return runs;
}

/**
 * Resolves every entity link in a tree. Returns a new tree (the input is left as it was) and the
 * problems with line:column. Links inside links and code are left alone.
 */
export function resolveEntityLinks(tree: Root, lang: Lang, resolve: EntityResolver): { tree: Root; problems: LinkProblem[] } {
  const problems: LinkProblem[] = [];
  const walk = <N extends Root | RootContent>(node: N): N => {
    if (node.type === 'link' || node.type === 'linkReference') return node;
    if (!('children' in node)) return node;
    const original = (node as Parent).children as RootContent[];
    const replaced = new Map<number, { length: number; nodes: RootContent[] }>();
    for (const run of textRuns(original as InlineNode[])) {
      if (!run.text.includes('[[')) continue;
      const result = splitEntityLinks(run.text, lang, resolve);
      for (const problem of result.problems) problems.push(locateProblem(problem, run.text, run.start));
      if (result.changed) replaced.set(run.index, { length: run.nodes.length, nodes: piecesToMdast(result.pieces) });
    }
    const children: RootContent[] = [];
    for (let i = 0; i < original.length; i++) {
      const replacement = replaced.get(i);
      if (replacement) {
        children.push(...replacement.nodes);
        i += replacement.length - 1;
      } else {
        children.push(walk(original[i]!));
      }
    }
    return { ...node, children } as N;
  };
  return { tree: walk(tree), problems };
}

/** Which language a prose file is in, from its path: a `/en/` folder under docs/ or entities/ means English. */
export function langFromPath(path: string): Lang {
  const normal = path.replace(/\\/g, '/');
  return /\/(?:docs|entities)\/en\//.test(normal) ? 'en' : 'nb';
}

export class EntityLinkError extends DriftsbokError {
  constructor(file: string, problems: LinkProblem[]) {
    super(
      problems.map((p) => `${file}${p.line ? `:${p.line}:${p.column ?? 1}` : ''} ${p.message}`).join('\n'),
      'use an existing kind:id from the model (see `npm run check`), or remove the [[…]] link.',
    );
  }
}

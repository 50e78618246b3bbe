/**
 * What Node does to the SVG Mermaid drew: ids prefixed with the diagram's own, unused theme CSS
 * dropped, and anything that could run or load something refused (also on every cache read).
 */
import type { DiagramSpec } from './types.ts';
import { restorePlaceholderLetters } from './escape.ts';
import { DiagramError } from './diagram-error.ts';

/**
 * Makes every id in the SVG start with the diagram's own prefix (Mermaid leaves some unprefixed),
 * rewrites references to them, and refuses anything unsafe or an error picture.
 */
export function postProcess(spec: Pick<DiagramSpec, 'id' | 'source'>, svgId: string, svg: string): string {
  if (/Syntax error in text|Maximum text size in diagram exceeded|aria-roledescription="error"/.test(svg)) {
    throw new DiagramError(spec, 'Mermaid drew its error picture (syntax error or text over its size limit)');
  }
  const rename = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) {
    const id = m[1]!;
    if (id !== svgId && !id.startsWith(`${svgId}-`) && !id.startsWith(`${svgId}_`)) rename.set(id, `${svgId}-${id}`);
  }
  let out = pruneUnusedCss(restorePlaceholderLetters(svg));
  if (rename.size) {
    const swap = (id: string) => rename.get(id) ?? id;
    out = out
      .replace(/(\sid=")([^"]+)(")/g, (_, a: string, id: string, z: string) => a + swap(id) + z)
      .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${swap(id)})`)
      .replace(/(\s(?:xlink:)?href=")#([^"]+)(")/g, (_, a: string, id: string, z: string) => `${a}#${swap(id)}${z}`)
      .replace(
        /(\saria-(?:labelledby|describedby)=")([^"]+)(")/g,
        (_, a: string, ids: string, z: string) => a + ids.split(/\s+/).map(swap).join(' ') + z,
      );
  }
  assertSafeSvg(spec, out);
  return out;
}

/**
 * Mermaid embeds its whole theme stylesheet (~7 KB) in every SVG; most rules style classes the
 * diagram does not use. Drops selectors naming a class that no element carries (@-rules are kept).
 * Output looks the same; a small neighbourhood diagram shrinks by about a fifth.
 */
export function pruneUnusedCss(svg: string): string {
  const match = /<style>([\s\S]*?)<\/style>/.exec(svg);
  if (!match) return svg;
  const css = match[1]!;
  const used = new Set<string>();
  const rest = svg.slice(0, match.index) + svg.slice(match.index + match[0].length);
  for (const m of rest.matchAll(/\sclass="([^"]*)"/g)) for (const c of m[1]!.split(/\s+/)) if (c) used.add(c);
  let out = '';
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open < 0) {
      out += css.slice(i);
      break;
    }
    let depth = 1;
    let j = open + 1;
    while (j < css.length && depth > 0) {
      if (css[j] === '{') depth++;
      else if (css[j] === '}') depth--;
      j++;
    }
    const prelude = css.slice(i, open);
    const block = css.slice(open, j);
    if (prelude.trim().startsWith('@')) {
      out += prelude + block;
    } else {
      const selectors = prelude.split(',').filter((sel) => [...sel.matchAll(/\.([A-Za-z_][\w-]*)/g)].every((m) => used.has(m[1]!)));
      if (selectors.length) out += selectors.join(',') + block;
    }
    i = j;
  }
  return svg.slice(0, match.index) + `<style>${out}</style>` + svg.slice(match.index + match[0].length);
}

/** No scripts, no event handlers, no HTML islands, no script URLs. */
/** What in an SVG could run or load something: empty when it is only a drawing with text. */
export function unsafeSvgProblems(svg: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(svg)) problems.push('a <script> element');
  if (/<[^>]*\son[a-z]+\s*=/i.test(svg)) problems.push('an on* event attribute');
  // Inside HTML labels only Mermaid's own wrappers may appear; anything else came from a label.
  for (const m of svg.matchAll(/<foreignObject\b[^>]*>([\s\S]*?)<\/foreignObject>/gi)) {
    for (const tag of m[1]!.matchAll(/<([a-zA-Z][\w:-]*)/g)) {
      if (!['div', 'span', 'p', 'br'].includes(tag[1]!.toLowerCase())) problems.push(`a <${tag[1]}> inside a label`);
    }
  }
  // Inside a tag (label text is serialised with &lt;, so it cannot match these).
  if (/<[^>]*\s(?:xlink:)?(?:href|src)\s*=\s*"\s*(?:javascript|data|vbscript):/i.test(svg)) problems.push('a script or data URL');
  if (/<(?:img|iframe|object|embed)\b/i.test(svg)) problems.push('an embedded element');
  return problems;
}

export function assertSafeSvg(spec: Pick<DiagramSpec, 'id' | 'source'>, svg: string): void {
  const problems = unsafeSvgProblems(svg);
  if (problems.length) throw new DiagramError(spec, `unsafe SVG output: ${problems.join(', ')}`);
}

/**
 * The little Markdown that model text may use, and nothing more: `code` in backticks, a line break
 * where the text has one, and a fenced block (``` … ```) for a command of several lines. Everything
 * else stays literal text, so a model string can never become HTML. Pure: pages render the result
 * with Astro, which escapes every piece.
 */

export type Inline = { t: 'text'; text: string } | { t: 'code'; text: string } | { t: 'break' };
export type Block = { t: 'paragraph'; inline: Inline[] } | { t: 'codeblock'; text: string };

/** One paragraph's text as text, code spans and line breaks. An unpaired backtick is shown as it is. */
export function inlineSegments(text: string): Inline[] {
  const out: Inline[] = [];
  const pushText = (s: string) => {
    const lines = s.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) out.push({ t: 'break' });
      if (line) out.push({ t: 'text', text: line });
    });
  };
  let rest = text;
  for (;;) {
    const open = rest.indexOf('`');
    const close = open < 0 ? -1 : rest.indexOf('`', open + 1);
    if (open < 0 || close < 0 || close === open + 1) {
      pushText(rest);
      break;
    }
    pushText(rest.slice(0, open));
    out.push({ t: 'code', text: rest.slice(open + 1, close) });
    rest = rest.slice(close + 1);
  }
  return out;
}

/** Prose as blocks: paragraphs split on blank lines, and fenced code blocks kept whole. */
export function proseBlocks(text: string | undefined): Block[] {
  if (!text) return [];
  const blocks: Block[] = [];
  const fence = /^```[^\n`]*\n([\s\S]*?)\n```[ \t]*$/gm;
  let last = 0;
  const paragraphs = (chunk: string) => {
    for (const p of chunk.split(/\n\s*\n/)) {
      const trimmed = p.trim();
      if (trimmed) blocks.push({ t: 'paragraph', inline: inlineSegments(trimmed) });
    }
  };
  for (const match of text.matchAll(fence)) {
    paragraphs(text.slice(last, match.index));
    blocks.push({ t: 'codeblock', text: match[1]! });
    last = match.index! + match[0].length;
  }
  paragraphs(text.slice(last));
  return blocks;
}

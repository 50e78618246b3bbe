/**
 * Turning text into Mermaid that renders literally. Pure.
 *
 * Mermaid interprets a lot inside labels: quotes and brackets end shapes, `%%{init}%%` is a
 * directive, `<…>` is HTML, `$$…$$` is KaTeX, `fa:fa-x` an icon, `end` a keyword, `#quot;` an
 * entity. So every character that is not a letter, a digit or a space is written as a Mermaid
 * entity code `#<codepoint>;`, which Mermaid only turns back into a character (an XML character
 * reference) after it has parsed and laid out the diagram. A newline becomes `#10;` too, not `<br/>`:
 * a `<br/>` sends the whole label down Mermaid's multi-line path, which decodes the entity codes
 * before it looks for KaTeX (`$$…$$`) and icons (`fa:fa-x`), so those would be rendered, not shown.
 */

const PLAIN = /^[\p{L}\p{N} ]$/u;

/**
 * Mermaid's last step replaces the characters of its own entity placeholders ("ﬂ°°35¶ß") anywhere
 * in the finished SVG, even in label text. So ﬂ and ß (the letters of those placeholders) are sent
 * through Mermaid as private-use pairs and put back by restorePlaceholderLetters() after rendering;
 * U+E000 itself is doubled so the mapping stays reversible.
 */
const SENTINEL = '\uE000';
const SENT: Record<string, string> = { '\uFB02': '#57344;#57345;', '\u00DF': '#57344;#57346;', [SENTINEL]: '#57344;#57344;' };
const RESTORE: Record<string, string> = { '\uE001': '\uFB02', '\uE002': '\u00DF', '\uE000': '\uE000' };

/** Undoes the private-use pairs of escapeLabel in rendered SVG text. */
export function restorePlaceholderLetters(svg: string): string {
  return svg.replace(/\uE000([\uE000\uE001\uE002])/g, (_, c: string) => RESTORE[c]!);
}

/** A label body for use inside double quotes: `n0["${escapeLabel(text)}"]`. */
export function escapeLabel(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    if (ch === '\n') out += '#10;';
    else if (SENT[ch]) out += SENT[ch];
    else if (PLAIN.test(ch)) out += ch;
    else out += `#${ch.codePointAt(0)};`;
  }
  return out;
}

/** One line of text for accTitle / accDescr: like escapeLabel, with line breaks as spaces. */
export function escapeLine(text: string): string {
  return escapeLabel(text.replace(/\s*[\r\n]+\s*/g, ' ')).trim();
}

/** Quoted label: `"…"`. */
export function quoted(text: string): string {
  return `"${escapeLabel(text)}"`;
}

/** Site-internal link check: a path from the site's root, made of URL-safe characters only. */
const SAFE_HREF = /^\/[A-Za-z0-9._~\/-]*(#[A-Za-z0-9._-]+)?$/;

export function assertSafeHref(href: string, key: string): string {
  if (!SAFE_HREF.test(href) || href.startsWith('//')) {
    throw new Error(
      `diagram link for ${key} is not a page of this site: ${JSON.stringify(href)}. ` +
        'hrefFor must return a path such as /guests/frigate/ (no scheme, host, quotes or spaces).',
    );
  }
  return href;
}

/** Spec ids become SVG id prefixes: lower-case letters, digits and dashes. */
export function safeId(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The first step of a hand-written procedure (content/runbook/<lang>/<scenario>.md), for the
 * "Something down?" box on the home page: its bold lead-in ("Is it the host?") and the rest of the
 * item as plain text. Pure; reads only the Markdown of the first ordered-list item.
 */
export interface FirstStep {
  /** The bold words the step opens with, without the asterisks; absent when it has none. */
  lead?: string;
  /** The rest of the step, Markdown marks removed. */
  text: string;
}

/** `[[guest:frigate]]` / `[[guest:frigate|Frigate]]` → the label or the name `resolve` gives. */
const ENTITY_LINK = /\[\[([a-z]+:[^\]|]+)(?:\|([^\]]+))?\]\]/g;

/** The text for a link to an entity the public profile withholds (its own label is not shown), or undefined. */
export type WithheldName = (key: string) => string | undefined;

function plain(markdown: string, resolve: (key: string) => string, withheld: WithheldName): string {
  return markdown
    .replace(ENTITY_LINK, (_, key: string, label?: string) => withheld(key) ?? label ?? resolve(key))
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export function firstStep(
  markdown: string,
  resolve: (key: string) => string = (key) => key,
  withheld: WithheldName = () => undefined,
): FirstStep | undefined {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((line) => /^\s{0,3}\d+[.)]\s+\S/.test(line));
  if (start < 0) return undefined;
  // The item: its first line, and the lines indented under it until a blank line or the next item.
  const item = [lines[start]!.replace(/^\s{0,3}\d+[.)]\s+/, '')];
  for (const line of lines.slice(start + 1)) {
    if (!line.trim() || /^\s{0,3}(\d+[.)]|[-*+])\s+/.test(line)) break;
    item.push(line.trim());
  }
  const raw = item.join(' ');
  const bold = raw.match(/^\*\*(.+?)\*\*\s*(.*)$/s);
  if (!bold) return { text: plain(raw, resolve, withheld) };
  return { lead: plain(bold[1]!, resolve, withheld), text: plain(bold[2]!, resolve, withheld) };
}

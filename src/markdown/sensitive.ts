/**
 * Sensitive prose. A whole file is marked with `sensitive: true` in its front matter; a part of one
 * with a container directive, which the prose check lets through (raw HTML it refuses):
 *
 *     :::sensitive
 *     From here the agents have passwordless SSH to every machine.
 *     :::
 *
 * In the public profile a sensitive block is removed, and a sensitive file renders as nothing (the
 * content collections also leave such files out: src/content.config.ts, so they get no page, no
 * sidebar entry, no search entry). In the full profile both are shown, with a small "Sensitivt" /
 * "Sensitive" mark. Starlight would otherwise keep an unknown `:::sensitive` as a plain <div> with
 * its content (its directive restoration), so this plugin must run before that one, and before the
 * entity-link plugin (a link inside a removed block to a left-out entity is not an error).
 *
 * `withoutSensitiveBlocks` does the same to Markdown source, for code that reads a file's raw text
 * (the home page's first step of a procedure, src/runbook/first-step.ts).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { markdownToMdast } from 'satteri';
import type { Profile } from '../model/profile.ts';
import type { Lang } from '../model/entities.ts';
import { t } from '../i18n/ui.ts';
import { langFromPath } from './entity-links.ts';

export const SENSITIVE_DIRECTIVE = 'sensitive';

interface MdNode {
  type: string;
  name?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/** Front matter (as Astro parsed it) that marks the whole file sensitive. */
export function isSensitivePage(frontmatter: unknown): boolean {
  return !!frontmatter && typeof frontmatter === 'object' && (frontmatter as Record<string, unknown>).sensitive === true;
}

/**
 * The Markdown as the profile shows it: public cuts every `:::sensitive` block out (the outermost
 * ones; nested ones go with them), full keeps their content and drops only their fences.
 */
export function sensitiveBlocksFor(markdown: string, profile: Profile): string {
  return profile === 'public' ? withoutSensitiveBlocks(markdown) : withoutSensitiveBlocks(markdown, true);
}

/** The Markdown with every `:::sensitive` block cut out, or (`keepContent`) with only its fences gone. */
export function withoutSensitiveBlocks(markdown: string, keepContent = false): string {
  if (!markdown.includes(`:::${SENSITIVE_DIRECTIVE}`) && !markdown.includes(`::::${SENSITIVE_DIRECTIVE}`)) return markdown;
  const tree = markdownToMdast(markdown, { features: { gfm: true, directive: true } }) as unknown as MdNode;
  const cuts: Array<[number, number]> = [];
  const walk = (node: MdNode) => {
    if (
      node.type === 'containerDirective' &&
      node.name === SENSITIVE_DIRECTIVE &&
      node.position?.start.offset !== undefined &&
      node.position.end.offset !== undefined
    ) {
      cuts.push([node.position.start.offset, node.position.end.offset]);
      return;
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  let out = markdown;
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0])) {
    const block = out.slice(start, end);
    // The content: after the opening fence's line, before the closing fence (when the block has one).
    const open = block.indexOf('\n');
    const close = /\n[ \t]*:{3,}[ \t]*$/.exec(block);
    const inner = open < 0 ? '' : block.slice(open + 1, close ? close.index + 1 : block.length);
    out = out.slice(0, start) + (keepContent ? inner : '') + out.slice(end);
  }
  return out;
}

/** The mark shown in the full profile, as an mdast paragraph Sätteri turns into HTML. */
function markNode(lang: Lang, block: boolean) {
  return {
    type: 'paragraph',
    data: {
      hName: 'p',
      hProperties: {
        class: block ? 'sensitive-mark sensitive-mark--block' : 'sensitive-mark sensitive-mark--page',
        'data-sensitive': '',
        title: t(lang, 'sensitive.explain'),
      },
    },
    children: [{ type: 'strong', children: [{ type: 'text', value: t(lang, 'sensitive.marker') }] }],
  };
}

interface SatteriContext {
  removeNode(node: unknown): void;
  replaceNode(node: unknown, nodes: unknown): void;
  prependChild(node: unknown, nodes: unknown): void;
}

/**
 * The Sätteri mdast plugin (a factory, told each file before it is parsed). Public: a sensitive
 * file's tree is emptied and every `:::sensitive` block removed. Full: both stay, marked.
 */
export function sensitiveSatteriPlugin(profile: Profile) {
  return ({ fileURL, source, data }: { fileURL: URL | undefined; source: string; data?: { astro?: { frontmatter?: unknown } } }) => {
    const page = isSensitivePage(data?.astro?.frontmatter);
    const hasBlock = source.includes(`:${SENSITIVE_DIRECTIVE}`);
    if (!page && !hasBlock) return null;
    const lang = fileURL ? langFromPath(fileURLToPath(fileURL)) : 'nb';
    return {
      name: 'driftsbok-sensitive',
      before: (root: { children?: unknown[] }, ctx: SatteriContext) => {
        if (!page) return;
        if (profile === 'public') ctx.replaceNode(root, { type: 'root', children: [] });
        else ctx.prependChild(root, markNode(lang, false));
      },
      containerDirective: (node: { name?: string; children?: unknown[] }, ctx: SatteriContext) => {
        if (node.name !== SENSITIVE_DIRECTIVE || (page && profile === 'public')) return;
        if (profile === 'public') {
          ctx.removeNode(node);
          return;
        }
        return {
          type: 'paragraph',
          data: { hName: 'div', hProperties: { class: 'sensitive-block', 'data-sensitive': '' } },
          children: [markNode(lang, true), ...(node.children ?? [])],
        };
      },
    };
  };
}

/**
 * Puts the plugin first into the Sätteri processor (before Starlight's directive handling and the
 * entity links). List it before those integrations in astro.config.mjs.
 */
export function sensitiveProseIntegration(profile: Profile): AstroIntegration {
  return {
    name: 'driftsbok:sensitive-prose',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const processor = config.markdown?.processor as { name?: string; options?: { mdastPlugins?: unknown[] } } | undefined;
        if (processor?.name !== 'satteri' || !processor.options?.mdastPlugins) {
          throw new Error(`driftsbok: sensitive prose needs the Sätteri Markdown processor; found "${processor?.name}".`);
        }
        processor.options.mdastPlugins.unshift(sensitiveSatteriPlugin(profile));
      },
    },
  };
}

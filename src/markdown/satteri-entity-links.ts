/**
 * Thin adapters that put the entity-link resolver (entity-links.ts) into Astro's Markdown pipeline.
 * Astro 7's default processor is Sätteri; its mdast plugins are visitors, so the adapter visits
 * text nodes, splits them with the pure function, and fails the build on an unknown entity.
 */
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Model } from '../model/schema/model.ts';
import { displayName, indexEntities, type Lang } from '../model/entities.ts';
import { parseRef, formatRef } from '../model/refs.ts';
import type { Withheld } from '../model/profile.ts';
import { t } from '../i18n/ui.ts';
import { entityHref } from '../site/urls.ts';
import {
  EntityLinkError,
  langFromPath,
  locateProblem,
  piecesToMdast,
  splitEntityLinks,
  textRuns,
  type EntityResolver,
  type InlineNode,
} from './entity-links.ts';

/**
 * `[[kind:id]]` against the model the pages show. In the public profile (src/model/profile.ts) a
 * link to a sensitive entity goes to its placeholder with the placeholder's name, or, when it was
 * left out entirely, becomes "(skjult)" / "(withheld)" without a link; the author's own link text
 * is not shown for either, since it may name what is withheld.
 */
export function modelResolver(model: Model, base = '/', withheld?: Withheld): EntityResolver {
  const index = indexEntities(model);
  return (text: string, lang: Lang) => {
    const ref = parseRef(text);
    if (!ref) return null;
    const key = formatRef(ref);
    const placeholder = withheld?.placeholders.get(key);
    if (withheld?.dropped.has(key)) return { text: t(lang, 'withheld.reference'), ownTextWithheld: true };
    const record = index.get(placeholder ?? key);
    if (!record) return null;
    return {
      href: entityHref(record.key, lang, base),
      text: displayName(record.entity, lang),
      ...(placeholder ? { ownTextWithheld: true, ref: placeholder } : {}),
    };
  };
}

interface VisitorContext {
  replaceNode(node: unknown, nodes: unknown[]): void;
  removeNode(node: unknown): void;
}

/** Parents whose direct children may hold inline text (links are left alone). */
const INLINE_PARENTS = ['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete'] as const;

/**
 * The Sätteri mdast plugin (a factory: it is told each file's URL before parsing). For each
 * parent of inline content it joins runs of text (and bare directives, see inlineText), splits
 * them with the pure function, and fails the build on an unknown entity.
 */
export function entityLinksSatteriPlugin(resolve: EntityResolver) {
  return ({ fileURL, source }: { fileURL: URL | undefined; source: string }) => {
    if (!source.includes('[[')) return null;
    const path = fileURL ? fileURLToPath(fileURL) : '<markdown>';
    const lang = langFromPath(path);
    const shown = fileURL ? relative(process.cwd(), path) : path;
    const visit = (node: { children?: readonly InlineNode[] }, ctx: VisitorContext) => {
      for (const run of textRuns(node.children ?? [])) {
        if (!run.text.includes('[[')) continue;
        const result = splitEntityLinks(run.text, lang, resolve);
        if (result.problems.length) {
          const error = new EntityLinkError(
            shown,
            result.problems.map((p) => locateProblem(p, run.text, run.start)),
          );
          // Astro's glob loader logs a render error and carries on; the integration below fails
          // the build with every problem collected here.
          linkProblems().push(error.message);
          throw error;
        }
        if (!result.changed) continue;
        ctx.replaceNode(run.nodes[0], piecesToMdast(result.pieces));
        for (const extra of run.nodes.slice(1)) ctx.removeNode(extra);
      }
    };
    return {
      name: 'driftsbok-entity-links',
      options: { position: true },
      ...Object.fromEntries(INLINE_PARENTS.map((type) => [type, visit])),
    };
  };
}

const PROBLEMS = Symbol.for('driftsbok.entity-link-problems');
function linkProblems(): string[] {
  const host = globalThis as { [PROBLEMS]?: string[] };
  return (host[PROBLEMS] ??= []);
}

function failOnProblems(): void {
  const problems = [...new Set(linkProblems())];
  if (problems.length) {
    throw new Error(`Broken entity links in the prose (${problems.length}):\n${problems.join('\n')}`);
  }
}

/** Adds the plugin to whatever Sätteri processor Astro is configured with (as Starlight does). */
export function entityLinksIntegration(model: Model, withheld?: Withheld): AstroIntegration {
  return {
    name: 'driftsbok:entity-links',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const processor = config.markdown?.processor as { name?: string; options?: { mdastPlugins?: unknown[] } } | undefined;
        if (processor?.name === 'satteri' && processor.options?.mdastPlugins) {
          processor.options.mdastPlugins.push(entityLinksSatteriPlugin(modelResolver(model, config.base ?? '/', withheld)));
        } else {
          throw new Error(`driftsbok: [[kind:id]] links need the Sätteri Markdown processor; found "${processor?.name}".`);
        }
        void logger;
      },
      // Prose is rendered while content syncs, before pages are built; stop there if any link
      // was broken, and check again at the end for prose rendered while building pages.
      'astro:build:start': () => failOnProblems(),
      'astro:build:done': () => failOnProblems(),
    },
  };
}

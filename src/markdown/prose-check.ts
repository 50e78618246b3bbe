/**
 * The prose (content/**\/*.md) is trusted less than code: it is checked as a whole before Astro
 * sees any of it, by `npm run check` and by the build, and every problem names its file, line and
 * column in the file as the author sees it (front matter included).
 *
 * - Raw HTML is refused (a comment alone is allowed): prose is published and printed, and HTML in
 *   it could run script, restyle the runbook away, or load from other sites.
 * - Links go to the site itself, http(s), mailto: or tel:; images come from the site itself.
 *   `javascript:`, `data:` and other schemes are refused.
 * - MDX is refused: it runs code at build time.
 * - `[[kind:id]]` links must name an entity of the model (with a "did you mean").
 * - Secrets (src/model/secrets.ts) are refused in the public profile and reported in the full one,
 *   unless the allow-list names that file, line and rule (src/site/secret-allow.ts).
 * - What is sensitive: a page with `sensitive: true` in its front matter, a `:::sensitive` block.
 *
 * Checked before the build so a refused file never reaches Astro's content cache, which kept a
 * failed render and shipped it as an empty page on the next build (issue 15, finding 6).
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { markdownToMdast } from 'satteri';
import { parse as parseYaml } from 'yaml';
import type { Problem } from '../model/load-model.ts';
import { indexEntities, type Lang } from '../model/entities.ts';
import { findSecrets, SECRET_HINT } from '../model/secrets.ts';
import { followLink } from '../model/follow-link.ts';
import { decodeUtf8 } from '../model/yaml-source.ts';
import { didYouMean } from '../model/suggest.ts';
import { langFromPath, splitEntityLinks, textRuns, type EntityResolver, type InlineNode } from './entity-links.ts';
import type { Profile } from '../model/profile.ts';
import { isAllowed, type SecretAllowList } from '../site/secret-allow.ts';

/** The prose folders the site reads (src/content.config.ts). */
export const PROSE_DIRS = ['docs', 'entities', 'runbook'] as const;

export interface ProseOptions {
  resolve: EntityResolver;
  /** Every `kind:id` of the model, for "did you mean". */
  refs: readonly string[];
  profile: Profile;
  allow?: SecretAllowList;
}

export interface ProseCheck {
  problems: Problem[];
  /** Reported, not refused (secrets in the full profile). */
  warnings: Problem[];
  /** Files whose front matter says `sensitive: true` (as shown, relative to the working directory). */
  sensitivePages: string[];
}

export interface SplitFile {
  /** What Markdown sees: the file without its front matter. */
  body: string;
  /** How many lines come before the body (front matter and its fences). */
  bodyLineOffset: number;
  frontMatter: Record<string, unknown> | null;
}

/** Splits off YAML front matter (`---` … `---` at the very top), keeping count of the lines. */
export function splitFrontMatter(text: string): SplitFile {
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { body: text, bodyLineOffset: 0, frontMatter: null };
  let frontMatter: Record<string, unknown> | null = null;
  try {
    const parsed = parseYaml(m[1]!, { schema: 'core' }) as unknown;
    frontMatter = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    frontMatter = {};
  }
  return { body: text.slice(m[0].length), bodyLineOffset: m[0].split('\n').length - 1, frontMatter };
}

const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** Why a link or image address is refused, or null. */
export function refusedUrl(url: string, kind: 'link' | 'image'): string | null {
  const trimmed = url.trim();
  // Browsers drop tabs and newlines inside a scheme ("java\tscript:"), so judge it without them.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed.replace(/[\t\n\r]/g, ''))?.[1]?.toLowerCase();
  if (kind === 'image') {
    if (scheme || trimmed.startsWith('//'))
      return `an image from "${scheme ? `${scheme}:` : '//'}…": images must come from the site itself (a path such as /images/x.png)`;
    return null;
  }
  if (scheme && !LINK_SCHEMES.has(scheme)) return `a "${scheme}:" link: links may go to pages of the site, http(s), mailto: or tel:`;
  return null;
}

/** Raw HTML, unless it is one comment and nothing else. */
export function isHarmlessHtml(value: string): boolean {
  return /^<!--(?:(?!-->)[\s\S])*-->\s*$/.test(value.trim());
}

interface Node extends InlineNode {
  url?: string;
  children?: Node[];
  position?: { start: { line: number; column: number } };
}

const INLINE_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete']);
const MDX_NODES = new Set(['mdxjsEsm', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression']);

/** Line and column (1-based) of an offset in a text. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** Checks one prose file's text; `file` is how it is shown in messages. Pure. */
export function checkProseText(file: string, text: string, options: ProseOptions): ProseCheck & { sensitive: boolean } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const at = (line: number, column: number, message: string, hint: string): Problem => ({ file, line, column, path: '', message, hint });
  if (/\.mdx$/i.test(file)) {
    problems.push(
      at(1, 1, 'MDX is not allowed in the prose: it runs code when the site is built', 'rename the file to .md and write Markdown'),
    );
    return { problems, warnings, sensitivePages: [], sensitive: false };
  }
  const { body, bodyLineOffset, frontMatter } = splitFrontMatter(text);
  const sensitive = frontMatter?.sensitive === true;
  if (frontMatter && 'sensitive' in frontMatter && typeof frontMatter.sensitive !== 'boolean') {
    problems.push(
      at(
        1,
        1,
        `front matter "sensitive" must be true or false, not ${JSON.stringify(frontMatter.sensitive)}`,
        'write sensitive: true to leave this page out of the public site',
      ),
    );
  }
  const lang: Lang = langFromPath(file);
  const tree = markdownToMdast(body, { features: { gfm: true, directive: true } }) as unknown as Node;
  const place = (node: Node) => ({ line: (node.position?.start.line ?? 1) + bodyLineOffset, column: node.position?.start.column ?? 1 });
  const walk = (node: Node) => {
    const { line, column } = place(node);
    if (node.type === 'html' && !isHarmlessHtml(node.value ?? '')) {
      const shown = (node.value ?? '').trim().split('\n')[0]!.slice(0, 40);
      problems.push(
        at(
          line,
          column,
          `raw HTML is not allowed in the prose: ${JSON.stringify(shown)}`,
          'write it in Markdown (emphasis, lists, tables, links, :::note asides); HTML in published prose could run script or load from other sites',
        ),
      );
    } else if (MDX_NODES.has(node.type)) {
      problems.push(at(line, column, 'MDX syntax is not allowed in the prose', 'write Markdown'));
    } else if ((node.type === 'link' || node.type === 'definition') && node.url !== undefined) {
      const why = refusedUrl(node.url, 'link');
      if (why) problems.push(at(line, column, `refused link: ${why}`, 'link to a page of the site, [[kind:id]], or an http(s) address'));
    } else if (node.type === 'image' && node.url !== undefined) {
      const why = refusedUrl(node.url, 'image');
      if (why)
        problems.push(
          at(
            line,
            column,
            `refused image: ${why}`,
            'put the image in public/ and link it by its path; the site and its PDFs load nothing from elsewhere',
          ),
        );
    }
    if (INLINE_PARENTS.has(node.type) && node.children) {
      for (const run of textRuns(node.children)) {
        if (!run.text.includes('[[')) continue;
        const result = splitEntityLinks(run.text, lang, options.resolve);
        for (const problem of result.problems) {
          // Where the run starts in the body, then where the [[ is within it.
          const start = run.start ?? { line: 1, column: 1 };
          const inside = lineColumn(run.text, problem.offset);
          const problemLine = start.line + inside.line - 1 + bodyLineOffset;
          const problemColumn = inside.line === 1 ? start.column + inside.column - 1 : inside.column;
          problems.push(
            at(
              problemLine,
              problemColumn,
              `${problem.message}${didYouMean(problem.ref, options.refs)}`,
              'use an existing kind:id from the model (see `npm run check`), or remove the [[…]] link',
            ),
          );
        }
      }
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);

  for (const finding of findSecrets(text)) {
    const { line, column } = lineColumn(text, finding.index);
    if (options.allow && isAllowed(options.allow, file, line, finding)) continue;
    const problem = at(
      line,
      column,
      `looks like ${finding.what} (rule ${finding.rule})`,
      `${SECRET_HINT}; a false positive can be allowed in secrets-allow.yaml with file, line and rule`,
    );
    (options.profile === 'public' ? problems : warnings).push(problem);
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { problems, warnings, sensitivePages: sensitive ? [file] : [], sensitive };
}

/**
 * Every Markdown file of the prose folders, sorted, and what is wrong with the links among them.
 * Astro follows symbolic links, so the same rule as for the model folder holds here: a link is
 * followed only to a file or folder inside the content folder; one that loops (a folder link to a
 * folder holding it, too), leads nowhere or leads out is a problem, not a stack trace or a page
 * published from elsewhere. Hidden entries are passed over as Astro's loaders pass them over (an
 * editor's lock file is often a link that leads nowhere); a broken link not named like Markdown is
 * passed over too, since it could be read as neither page nor folder.
 */
export function proseFiles(contentDir: string, cwd = process.cwd()): { files: string[]; problems: Problem[] } {
  const files: string[] = [];
  const problems: Problem[] = [];
  const root = realpathSync(contentDir);
  const refuse = (path: string, message: string, hint: string) =>
    problems.push({ file: relative(cwd, path) || path, line: 1, column: 1, path: '', message, hint });
  /** One entry: a page to read, a folder to go into, or a problem. `above`: the real folders holding it. */
  const consider = (
    path: string,
    entry: { name: string; isDirectory(): boolean; isFile(): boolean; isSymbolicLink(): boolean },
    above: string[],
  ) => {
    if (entry.name.startsWith('.')) return;
    const markdown = /\.mdx?$/i.test(entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const link = followLink(path, root);
      if (!link.ok && link.why === 'outside') {
        refuse(
          path,
          `is a symbolic link to ${relative(cwd, link.real) || link.real}, outside the content folder`,
          'copy it into the content folder instead: the prose is read from its own folder only, so that what is checked and published is what the folder holds',
        );
        return;
      }
      if (!link.ok) {
        if (!markdown) return;
        if (link.why === 'loop') {
          refuse(
            path,
            `is a symbolic link that loops: it points to "${link.target}", which leads back to itself`,
            'replace the link with the page itself',
          );
        } else
          refuse(path, `is a symbolic link to "${link.target}", which does not exist`, 'restore the page it points to, or remove the link');
        return;
      }
      const { target, real: resolved } = link;
      const stat = statSync(path);
      isDir = stat.isDirectory();
      isFile = stat.isFile();
      if (isDir && above.includes(resolved)) {
        refuse(path, `is a symbolic link to a folder that holds it ("${target}"), which would be read round and round`, 'remove the link');
        return;
      }
    }
    if (isDir) visit(path, above);
    else if (markdown && !isFile)
      refuse(path, 'is not a regular file (a pipe, socket or device)', 'remove it: a page must be a regular file');
    else if (markdown) files.push(path);
  };
  const visit = (dir: string, above: string[]) => {
    const inside = [...above, realpathSync(dir)];
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      consider(join(dir, entry.name), entry, inside);
    }
  };
  for (const sub of PROSE_DIRS) {
    const path = join(contentDir, sub);
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (stat) consider(path, Object.assign(stat, { name: sub }), [root]);
  }
  return { files, problems };
}

/** Checks every prose file under contentDir. Files are shown relative to `cwd`. */
export function checkProse(contentDir: string, options: ProseOptions, cwd = process.cwd()): ProseCheck {
  const listing = proseFiles(contentDir, cwd);
  const result: ProseCheck = { problems: [...listing.problems], warnings: [], sensitivePages: [] };
  for (const path of listing.files) {
    const shown = relative(cwd, path) || path;
    const decoded = decodeUtf8(readFileSync(path));
    if (!decoded.ok) {
      result.problems.push({
        file: shown,
        line: decoded.problem.line,
        column: decoded.problem.column,
        path: '',
        message: decoded.problem.message,
        ...(decoded.problem.hint ? { hint: decoded.problem.hint } : {}),
      });
      continue;
    }
    const one = checkProseText(shown, decoded.text, options);
    result.problems.push(...one.problems);
    result.warnings.push(...one.warnings);
    result.sensitivePages.push(...one.sensitivePages);
  }
  return result;
}

/** The options for a model: its entities resolve `[[kind:id]]` and feed "did you mean". */
export function proseOptionsFor(model: Parameters<typeof indexEntities>[0], profile: Profile, allow?: SecretAllowList): ProseOptions {
  const index = indexEntities(model);
  return {
    resolve: (ref) => (index.has(ref) ? { href: `/${ref}`, text: ref } : null),
    refs: [...index.keys()],
    profile,
    ...(allow ? { allow } : {}),
  };
}

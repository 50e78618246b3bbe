import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkProse, checkProseText, proseFiles, isHarmlessHtml, refusedUrl, splitFrontMatter, type ProseOptions } from './prose-check.ts';
import { emptyAllowList } from '../site/secret-allow.ts';

const refs = ['guest:frigate', 'host:pve-core'];
const options = (over: Partial<ProseOptions> = {}): ProseOptions => ({
  resolve: (ref) => (refs.includes(ref) ? { href: `/${ref.replace(':', 's/')}/`, text: ref } : null),
  refs,
  profile: 'full',
  ...over,
});
const lines = (file: string, text: string, over?: Partial<ProseOptions>) =>
  checkProseText(file, text, options(over)).problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}\n    hint: ${p.hint}`);

describe('checkProseText', () => {
  it('refuses raw HTML, script links and remote images, each at its line and column (front matter counted)', () => {
    const text = [
      '---',
      'title: Om',
      '---',
      '',
      'Tekst med <b onclick="x()">fet</b> skrift.',
      '',
      '<script>alert(1)</script>',
      '',
      '<style>body{display:none}</style>',
      '',
      '[klikk](javascript:alert(1)) og [data](data:text/html,x) og [ok](https://example.org/) [side](/hosts/)',
      '',
      '![bilde](https://evil.example/x.png) ![lokal](/bilder/x.png)',
      '',
      '<!-- en kommentar er grei -->',
      '',
      '<!-- x --><img src=x onerror=alert(1)>',
    ].join('\n');
    expect(lines('content/docs/om.md', text).join('\n')).toMatchInlineSnapshot(`
      "content/docs/om.md:5:11 raw HTML is not allowed in the prose: "<b onclick=\\"x()\\">"
          hint: write it in Markdown (emphasis, lists, tables, links, :::note asides); HTML in published prose could run script or load from other sites
      content/docs/om.md:5:31 raw HTML is not allowed in the prose: "</b>"
          hint: write it in Markdown (emphasis, lists, tables, links, :::note asides); HTML in published prose could run script or load from other sites
      content/docs/om.md:7:1 raw HTML is not allowed in the prose: "<script>alert(1)</script>"
          hint: write it in Markdown (emphasis, lists, tables, links, :::note asides); HTML in published prose could run script or load from other sites
      content/docs/om.md:9:1 raw HTML is not allowed in the prose: "<style>body{display:none}</style>"
          hint: write it in Markdown (emphasis, lists, tables, links, :::note asides); HTML in published prose could run script or load from other sites
      content/docs/om.md:11:1 refused link: a "javascript:" link: links may go to pages of the site, http(s), mailto: or tel:
          hint: link to a page of the site, [[kind:id]], or an http(s) address
      content/docs/om.md:11:33 refused link: a "data:" link: links may go to pages of the site, http(s), mailto: or tel:
          hint: link to a page of the site, [[kind:id]], or an http(s) address
      content/docs/om.md:13:1 refused image: an image from "https:…": images must come from the site itself (a path such as /images/x.png)
          hint: put the image in public/ and link it by its path; the site and its PDFs load nothing from elsewhere
      content/docs/om.md:17:1 raw HTML is not allowed in the prose: "<!-- x --><img src=x onerror=alert(1)>"
          hint: write it in Markdown (emphasis, lists, tables, links, :::note asides); HTML in published prose could run script or load from other sites"
    `);
  });

  it('reports an unknown [[…]] link at its line in the file, after front matter, with a suggestion', () => {
    const text = [
      '---',
      'title: Frigate',
      'sidebar:',
      '  order: 2',
      '---',
      'Kjører på [[host:pve-core]] og',
      'bruker [[guest:frigat]].',
    ].join('\n');
    expect(lines('content/entities/nb/guest/frigate.md', text)).toEqual([
      'content/entities/nb/guest/frigate.md:7:8 unknown entity "guest:frigat" in [[guest:frigat]]: no such entity in the model (did you mean "guest:frigate"?)\n    hint: use an existing kind:id from the model (see `npm run check`), or remove the [[…]] link',
    ]);
  });

  it('refuses MDX', () => {
    expect(lines('content/docs/x.mdx', 'import X from "y";')[0]).toContain('MDX is not allowed');
  });

  it('refuses a secret in the public profile and only warns in the full one; the allow-list is per file, line and rule', () => {
    const text = 'Linje en.\n\nthe root password is hunter22\n';
    const full = checkProseText('content/docs/a.md', text, options());
    expect(full.problems).toEqual([]);
    expect(full.warnings.map((w) => `${w.line}:${w.column} ${w.message}`)).toEqual(['3:5 looks like a password (rule password-phrase)']);
    const pub = checkProseText('content/docs/a.md', text, options({ profile: 'public' }));
    expect(pub.problems.map((w) => `${w.file}:${w.line}:${w.column} ${w.message}`)).toEqual([
      'content/docs/a.md:3:5 looks like a password (rule password-phrase)',
    ]);
    expect(pub.problems[0]!.message).not.toContain('hunter22');
    const allow = emptyAllowList();
    allow.entries.push({ file: 'content/docs/a.md', line: 3, rule: 'password-phrase', reason: 'test' });
    expect(checkProseText('content/docs/a.md', text, options({ profile: 'public', allow })).problems).toEqual([]);
    expect(allow.matched.size).toBe(1);
    const otherLine = emptyAllowList();
    otherLine.entries.push({ file: 'content/docs/a.md', line: 2, rule: 'password-phrase', reason: 'test' });
    expect(checkProseText('content/docs/a.md', text, options({ profile: 'public', allow: otherLine })).problems).toHaveLength(1);
  });

  it('knows a page marked sensitive', () => {
    expect(checkProseText('content/docs/a.md', '---\ntitle: A\nsensitive: true\n---\nx', options()).sensitive).toBe(true);
    expect(checkProseText('content/docs/a.md', '---\ntitle: A\n---\nx', options()).sensitive).toBe(false);
    expect(lines('content/docs/a.md', '---\nsensitive: ja\n---\nx')[0]).toContain('front matter "sensitive" must be true or false');
  });
});

describe('checkProse over a folder', () => {
  it('follows links only inside the content folder, and says what is wrong with the others', () => {
    const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'driftsbok-prose-links-')));
    try {
      const content = join(scratch, 'content');
      const docs = join(content, 'docs');
      mkdirSync(join(docs, 'guides'), { recursive: true });
      writeFileSync(join(docs, 'guides/a.md'), '# A\n');
      writeFileSync(join(scratch, 'outside.md'), '# Not ours\n');
      mkdirSync(join(scratch, 'elsewhere'));
      symlinkSync('guides/a.md', join(docs, 'same-as-a.md')); // inside: read
      symlinkSync('guides', join(docs, 'more')); // inside: read
      symlinkSync('loop.md', join(docs, 'loop.md'));
      symlinkSync('gone.md', join(docs, 'b.md'));
      symlinkSync('../../outside.md', join(docs, 'c.md'));
      symlinkSync('../../elsewhere', join(docs, 'd'));
      symlinkSync('..', join(docs, 'guides/up'));
      symlinkSync('user@host.1234:1700000000', join(docs, '.#a.md')); // an editor's lock file: hidden, passed over
      writeFileSync(join(docs, 'latin1.md'), Buffer.from([0x23, 0x20, 0x53, 0x74, 0x72, 0xf8, 0x6d, 0x0a]));
      const result = checkProse(content, options(), scratch);
      expect(result.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`)).toEqual([
        'content/docs/b.md:1:1 is a symbolic link to "gone.md", which does not exist',
        'content/docs/c.md:1:1 is a symbolic link to outside.md, outside the content folder',
        'content/docs/d:1:1 is a symbolic link to elsewhere, outside the content folder',
        'content/docs/guides/up:1:1 is a symbolic link to a folder that holds it (".."), which would be read round and round',
        'content/docs/loop.md:1:1 is a symbolic link that loops: it points to "loop.md", which leads back to itself',
        // The same folder link again, reached through `more`.
        'content/docs/more/up:1:1 is a symbolic link to a folder that holds it (".."), which would be read round and round',
        'content/docs/latin1.md:1:6 the file is not valid UTF-8: byte 0xF8 here is not part of a UTF-8 character (it is "ø" in Latin-1 / Windows-1252)',
      ]);
      // The page is read, and through the links to it and to its folder inside the content folder.
      expect(proseFiles(content).files.map((f) => f.slice(scratch.length + 1))).toEqual([
        'content/docs/guides/a.md',
        'content/docs/latin1.md',
        'content/docs/more/a.md',
        'content/docs/same-as-a.md',
      ]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe('pieces', () => {
  it('splitFrontMatter counts the lines before the body', () => {
    expect(splitFrontMatter('---\na: 1\n---\nbody').bodyLineOffset).toBe(3);
    expect(splitFrontMatter('body').bodyLineOffset).toBe(0);
  });
  it('refusedUrl', () => {
    expect(refusedUrl('java\tscript:alert(1)', 'link')).toContain('javascript');
    expect(refusedUrl(' JAVASCRIPT:alert(1)', 'link')).toContain('javascript');
    expect(refusedUrl('vbscript:x', 'link')).toContain('vbscript');
    expect(refusedUrl('mailto:a@b.no', 'link')).toBeNull();
    expect(refusedUrl('#anker', 'link')).toBeNull();
    expect(refusedUrl('../hosts/', 'link')).toBeNull();
    expect(refusedUrl('//evil.example/x.png', 'image')).not.toBeNull();
    expect(refusedUrl('data:image/png;base64,AAAA', 'image')).not.toBeNull();
  });
  it('isHarmlessHtml', () => {
    expect(isHarmlessHtml('<!-- ok -->')).toBe(true);
    expect(isHarmlessHtml('<!-- x --><script>')).toBe(false);
    expect(isHarmlessHtml('<!-- a --> <!-- b -->')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { markdownToHtml } from 'satteri';
import { isSensitivePage, sensitiveBlocksFor, sensitiveSatteriPlugin, withoutSensitiveBlocks } from './sensitive.ts';
import { checkProseText } from './prose-check.ts';

const SOURCE = [
  'Før blokken.',
  '',
  ':::sensitive',
  'Passordløs **SSH** til alle maskiner.',
  '',
  '1. Logg inn som root',
  ':::',
  '',
  ':::note',
  'En vanlig merknad.',
  ':::',
  '',
  'Etter blokken.',
  '',
].join('\n');

async function render(
  source: string,
  profile: 'full' | 'public',
  frontmatter: Record<string, unknown> = {},
  file = 'file:///site/content/docs/a.md',
) {
  const { html } = await markdownToHtml(source, {
    features: { directive: true, gfm: true },
    fileURL: new URL(file),
    data: { astro: { frontmatter } },
    mdastPlugins: [sensitiveSatteriPlugin(profile)],
  });
  return html;
}

describe('sensitive prose (Sätteri plugin)', () => {
  it('public: a :::sensitive block is gone, with everything in it; the rest stays', async () => {
    const html = await render(SOURCE, 'public');
    expect(html).toContain('Før blokken.');
    expect(html).toContain('Etter blokken.');
    expect(html).not.toContain('Passordløs');
    expect(html).not.toContain('root');
    expect(html).not.toContain('sensitive');
  });

  it("full: the block is shown, marked, in the page's language", async () => {
    const nb = await render(SOURCE, 'full');
    expect(nb).toMatch(
      /<div class="sensitive-block" data-sensitive=""><p class="sensitive-mark[^"]*"[^>]*><strong>Sensitivt<\/strong><\/p><p>Passordløs <strong>SSH<\/strong> til alle maskiner.<\/p>/,
    );
    expect(nb).toContain('<li>Logg inn som root</li>');
    const en = await render(SOURCE, 'full', {}, 'file:///site/content/docs/en/a.md');
    expect(en).toContain('<strong>Sensitive</strong>');
  });

  it('public: a page marked sensitive in its front matter renders as nothing', async () => {
    expect(await render(SOURCE, 'public', { sensitive: true })).toBe('');
    expect(await render('Bare tekst.', 'public', { sensitive: true })).toBe('');
  });

  it('full: a page marked sensitive opens with the mark', async () => {
    const html = await render('Bare tekst.', 'full', { sensitive: true });
    expect(html).toMatch(/^<p class="sensitive-mark sensitive-mark--page"[^>]*><strong>Sensitivt<\/strong><\/p>\s*<p>Bare tekst.<\/p>/);
  });

  it('leaves prose without anything sensitive alone', async () => {
    expect(sensitiveSatteriPlugin('public')({ fileURL: undefined, source: 'Hei.', data: { astro: { frontmatter: {} } } })).toBeNull();
    expect((await render('Hei *du*.', 'public')).trim()).toBe('<p>Hei <em>du</em>.</p>');
  });

  it('knows sensitive front matter only when it says true', () => {
    expect(isSensitivePage({ sensitive: true })).toBe(true);
    expect(isSensitivePage({ sensitive: 'true' })).toBe(false);
    expect(isSensitivePage({})).toBe(false);
    expect(isSensitivePage(undefined)).toBe(false);
  });
});

describe("withoutSensitiveBlocks (raw Markdown, for the home page's first step)", () => {
  it('cuts the blocks out of the source and keeps the rest byte for byte', () => {
    const out = withoutSensitiveBlocks(SOURCE);
    expect(out).not.toContain('Passordløs');
    expect(out).not.toContain('root');
    expect(out).toContain('Før blokken.\n\n');
    expect(out).toContain(':::note\nEn vanlig merknad.\n:::\n\nEtter blokken.\n');
  });

  it('cuts a block inside another container, and text with æøå and emoji before it does not shift the cut', () => {
    const source = 'Hæøå – 😀\n\n::::note\nSynlig.\n\n:::sensitive\n1. Hemmelig steg\n:::\n::::\n\n1. Første steg\n';
    const out = withoutSensitiveBlocks(source);
    expect(out).not.toContain('Hemmelig');
    expect(out).toContain('Hæøå – 😀');
    expect(out).toContain('Synlig.');
    expect(out).toContain('1. Første steg');
  });

  it("full: keeps a block's content and drops only its fences", () => {
    const source = ':::sensitive\n1. **Logg inn** med nøkkelen\n:::\n\n2. Neste\n';
    expect(sensitiveBlocksFor(source, 'full')).toBe('1. **Logg inn** med nøkkelen\n\n\n2. Neste\n');
    expect(sensitiveBlocksFor(source, 'public')).toBe('\n\n2. Neste\n');
  });

  it('returns prose without blocks unchanged', () => {
    const text = 'Ingen blokker her: bare `:::` i kode og sensitive som ord.';
    expect(withoutSensitiveBlocks(text)).toBe(text);
  });
});

describe('the prose check lets :::sensitive through (it refuses raw HTML)', () => {
  it('has no problem with a sensitive block', () => {
    const result = checkProseText('content/docs/a.md', SOURCE, { resolve: () => null, refs: [], profile: 'public' });
    expect(result.problems).toEqual([]);
  });
});

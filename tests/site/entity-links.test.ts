import { describe, expect, it } from 'vitest';
import { placeholderWords } from '../../src/i18n/store.ts';
import type { Root } from 'mdast';
import { loadModel } from '../../src/model/load-model.ts';
import { profileModel } from '../../src/model/profile.ts';
import { modelResolver } from '../../src/markdown/satteri-entity-links.ts';
import {
  EntityLinkError,
  langFromPath,
  locateProblem,
  piecesToMdast,
  resolveEntityLinks,
  splitEntityLinks,
  type EntityResolver,
} from '../../src/markdown/entity-links.ts';

const resolve: EntityResolver = (ref, lang) =>
  ref === 'guest:frigate' ? { href: lang === 'nb' ? '/guests/frigate/' : '/en/guests/frigate/', text: 'frigate' } : null;

describe('splitEntityLinks', () => {
  it('turns [[kind:id]] into a link with the entity name, in the language asked for', () => {
    const nb = splitEntityLinks('Se [[guest:frigate]] nå.', 'nb', resolve);
    expect(nb.problems).toEqual([]);
    expect(nb.pieces).toEqual([
      { type: 'text', value: 'Se ' },
      { type: 'link', url: '/guests/frigate/', text: 'frigate', ref: 'guest:frigate' },
      { type: 'text', value: ' nå.' },
    ]);
    expect(splitEntityLinks('[[guest:frigate]]', 'en', resolve).pieces[0]).toMatchObject({ url: '/en/guests/frigate/' });
  });

  it('keeps the author text after a bar', () => {
    expect(splitEntityLinks('[[guest:frigate|the NVR]]', 'nb', resolve).pieces[0]).toMatchObject({ text: 'the NVR' });
  });

  it('reports an unknown entity and a malformed link, with their offsets', () => {
    const result = splitEntityLinks('a [[guest:nope]] b [[frigate please]]', 'nb', resolve);
    expect(result.changed).toBe(false);
    expect(result.problems).toEqual([
      { ref: 'guest:nope', offset: 2, message: 'unknown entity "guest:nope" in [[guest:nope]]: no such entity in the model' },
      {
        ref: 'frigate please',
        offset: 19,
        message: '"[[frigate please]]" is not an entity link: write [[kind:id]] with a kind and an id from the model, e.g. [[host:<id>]]',
      },
    ]);
  });

  it('leaves text without links alone', () => {
    expect(splitEntityLinks('plain [text]', 'nb', resolve)).toEqual({
      pieces: [{ type: 'text', value: 'plain [text]' }],
      problems: [],
      changed: false,
    });
  });
});

describe('modelResolver in the public profile (src/model/profile.ts)', () => {
  const loaded = loadModel('tests/fixtures/model-base');
  if (!loaded.ok) throw new Error('model-base does not load');
  const full = structuredClone(loaded.model);
  full.guests.push(
    { id: 'secret-box', name: 'secret-box', vmid: 150, kind: 'lxc', host: 'pve-core', status: 'running', sensitive: true },
    { id: 'vpn', name: 'vpn', vmid: 160, kind: 'lxc', host: 'pve-core', status: 'running', sensitive: true },
  );
  full.capabilities.push({
    id: 'remote',
    name: 'remote',
    title: { nb: 'Fjerntilgang', en: 'Remote access' },
    tier: 'comfort',
    status: 'active',
    dependsOn: ['guest:vpn'],
  });
  const { model, withheld } = profileModel(full, 'public', placeholderWords);
  const publicResolve = modelResolver(model, '/', withheld);

  it('links a placeholder by its own name, whatever label the author wrote', () => {
    expect(splitEntityLinks('[[guest:vpn|the WireGuard box]]', 'en', publicResolve).pieces).toEqual([
      { type: 'link', url: '/en/guests/withheld-1/', text: 'Withheld guest 1', ref: 'guest:withheld-1' },
    ]);
  });

  it('writes a left-out entity as "(skjult)" / "(withheld)", without a link and without the label', () => {
    const nb = splitEntityLinks('Se [[guest:secret-box|hemmeligboksen]].', 'nb', publicResolve);
    expect(nb.problems).toEqual([]);
    expect(nb.pieces).toEqual([
      { type: 'text', value: 'Se ' },
      { type: 'text', value: '(skjult)' },
      { type: 'text', value: '.' },
    ]);
    expect(piecesToMdast(nb.pieces).some((node) => node.type === 'link')).toBe(false);
    expect(splitEntityLinks('[[guest:secret-box]]', 'en', publicResolve).pieces).toEqual([{ type: 'text', value: '(withheld)' }]);
  });

  it('still refuses an entity that never existed', () => {
    expect(splitEntityLinks('[[guest:nope]]', 'nb', publicResolve).problems).toHaveLength(1);
  });
});

describe('locateProblem', () => {
  it('gives file line:column from the text node position', () => {
    const problem = { ref: 'x:y', message: 'm', offset: 7 };
    expect(locateProblem(problem, 'abc\ndef [[x:y]]', { line: 10, column: 3 })).toMatchObject({ line: 11, column: 4 });
    expect(locateProblem({ ...problem, offset: 2 }, 'ab[[x:y]]', { line: 5, column: 3 })).toMatchObject({ line: 5, column: 5 });
  });
});

describe('resolveEntityLinks', () => {
  const tree = (): Root => ({
    type: 'root',
    children: [
      {
        type: 'paragraph',
        children: [
          {
            type: 'text',
            value: 'Runs [[guest:frigate]].',
            position: { start: { line: 3, column: 1, offset: 0 }, end: { line: 3, column: 24, offset: 23 } },
          },
          { type: 'link', url: 'https://example.org', children: [{ type: 'text', value: '[[guest:nope]] inside a link is left alone' }] },
          { type: 'inlineCode', value: '[[guest:nope]]' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          {
            type: 'text',
            value: 'Bad [[guest:nope]]',
            position: { start: { line: 5, column: 1, offset: 30 }, end: { line: 5, column: 19, offset: 48 } },
          },
        ],
      },
    ],
  });

  it('returns a new tree with links, and problems with positions; the input is not changed', () => {
    const input = tree();
    const before = structuredClone(input);
    const { tree: out, problems } = resolveEntityLinks(input, 'en', resolve);
    expect(input).toEqual(before);
    const first = out.children[0] as { children: Array<{ type: string; url?: string }> };
    expect(first.children.map((c) => c.type)).toEqual(['text', 'link', 'text', 'link', 'inlineCode']);
    expect(first.children[1]!.url).toBe('/en/guests/frigate/');
    expect(problems).toEqual([expect.objectContaining({ ref: 'guest:nope', line: 5, column: 5 })]);
  });
});

describe('with directives on (as Starlight parses Markdown)', () => {
  it('joins [[guest + the directive :frigate + ]] back into one link', () => {
    const input: Root = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            {
              type: 'text',
              value: 'Se [[guest',
              position: { start: { line: 2, column: 1, offset: 0 }, end: { line: 2, column: 11, offset: 10 } },
            },
            { type: 'textDirective', name: 'frigate', attributes: {}, children: [] },
            { type: 'text', value: ']] nå.' },
          ],
        } as never,
      ],
    };
    const { tree: out, problems } = resolveEntityLinks(input, 'nb', resolve);
    expect(problems).toEqual([]);
    expect((out.children[0] as { children: unknown[] }).children).toEqual([
      { type: 'text', value: 'Se ' },
      {
        type: 'link',
        url: '/guests/frigate/',
        children: [{ type: 'text', value: 'frigate' }],
        data: { hProperties: { 'data-entity': 'guest:frigate' } },
      },
      { type: 'text', value: ' nå.' },
    ]);
  });
});

describe('langFromPath', () => {
  it('reads the language folder under docs/ or entities/', () => {
    expect(langFromPath('/x/content/entities/en/guest/frigate.md')).toBe('en');
    expect(langFromPath('/x/content/entities/nb/guest/frigate.md')).toBe('nb');
    expect(langFromPath('/x/src/content/docs/en/about.md')).toBe('en');
    expect(langFromPath('/x/src/content/docs/about.md')).toBe('nb');
  });
});

describe('EntityLinkError', () => {
  it('names file:line:column, what is wrong, and how to fix it', () => {
    const error = new EntityLinkError('content/docs/about.md', [
      {
        ref: 'guest:nope',
        offset: 0,
        line: 4,
        column: 9,
        message: 'unknown entity "guest:nope" in [[guest:nope]]: no such entity in the model',
      },
    ]);
    expect(error.message).toMatchInlineSnapshot(`
      "content/docs/about.md:4:9 unknown entity "guest:nope" in [[guest:nope]]: no such entity in the model
        hint: use an existing kind:id from the model (see \`npm run check\`), or remove the [[…]] link."
    `);
  });
});

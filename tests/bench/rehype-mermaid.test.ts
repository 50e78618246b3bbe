import { describe, expect, it } from 'vitest';
import {
  countRehypeOutcome,
  diagramLang,
  diagramPage,
  FAILED_CLASS,
  fenceFor,
  groupDiagramsByPage,
  mermaidBlock,
  pageWithDiagrams,
  parseRehypeFailures,
  rehypeLines,
  rehypeMermaidConfig,
  type DiagramText,
  type RehypeMeasure,
} from '../../src/bench/rehype-mermaid.ts';

const spec = (id: string, source: string, mermaid = 'flowchart LR\n  n0 --> n1\n'): DiagramText => ({
  id,
  source,
  title: `Title ${id}`,
  mermaid,
});

describe("grouping the site's diagrams into pages like ours", () => {
  it('reads the language and the page of a diagram', () => {
    expect(diagramLang('failure-power-outage-ups-empty-nb')).toBe('nb');
    expect(diagramPage('scenario:power-outage phase ups-empty')).toBe('scenario:power-outage');
    expect(diagramPage('plan:garage-usbip (before)')).toBe('plan:garage-usbip');
    expect(diagramPage('architecture (systems)')).toBe('architecture (systems)');
    expect(diagramPage('topology')).toBe('topology');
  });
  it("puts a scenario's phases and a plan's before and after on one page per language, in order", () => {
    const specs = [
      spec('topology-nb', 'topology'),
      spec('failure-x-start-nb', 'scenario:x phase start'),
      spec('failure-x-end-nb', 'scenario:x phase end'),
      spec('plan-p-before-nb', 'plan:p (before)'),
      spec('plan-p-after-nb', 'plan:p (after)'),
      spec('topology-en', 'topology'),
      spec('failure-x-start-en', 'scenario:x phase start'),
    ];
    const groups = groupDiagramsByPage(specs);
    expect(groups.map((g) => [g.lang, g.page, g.diagrams.map((d) => d.id)])).toEqual([
      ['nb', 'topology', ['topology-nb']],
      ['nb', 'scenario:x', ['failure-x-start-nb', 'failure-x-end-nb']],
      ['nb', 'plan:p', ['plan-p-before-nb', 'plan-p-after-nb']],
      ['en', 'topology', ['topology-en']],
      ['en', 'scenario:x', ['failure-x-start-en']],
    ]);
    expect(groups.flatMap((g) => g.diagrams)).toHaveLength(specs.length);
  });
});

describe('Markdown with mermaid code blocks', () => {
  it('fences with more backticks than the text holds', () => {
    expect(fenceFor('flowchart LR')).toBe('```');
    expect(fenceFor('a[``` x] --> b[````]')).toBe('`````');
  });
  it('writes one block per diagram under its title, after the page', () => {
    const page = '---\ntitle: "Side 1"\n---\n\nSome text.\n\n';
    const md = pageWithDiagrams(page, [spec('a-nb', 'topology', 'flowchart TB\n  n0\n'), spec('b-nb', 'power')]);
    expect(md).toBe(
      '---\ntitle: "Side 1"\n---\n\nSome text.\n\n' +
        '## Title a-nb\n\n```mermaid\nflowchart TB\n  n0\n```\n\n' +
        '## Title b-nb\n\n```mermaid\nflowchart LR\n  n0 --> n1\n```\n',
    );
    expect(mermaidBlock('x\n\n\n')).toBe('```mermaid\nx\n```\n');
  });
});

const PLAIN = `// A plain Starlight site: no diagrams. Written by scripts/bench.ts.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  integrations: [starlight({ title: 'plain' })],
});
`;

describe('rehypeMermaidConfig', () => {
  it('adds rehype-mermaid with the strategy and our Chromium to the plain config', () => {
    const config = rehypeMermaidConfig(PLAIN, {
      strategy: 'inline-svg',
      launchOptions: { headless: true, executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] },
    });
    expect(config).toMatch(/^\/\/ A plain Starlight site: no diagrams\. Written by scripts\/bench\.ts\. With rehype-mermaid\.\n/);
    expect(config).toContain(
      "import starlight from '@astrojs/starlight';\nimport { unified } from '@astrojs/markdown-remark';\nimport rehypeMermaid from 'rehype-mermaid';\n",
    );
    expect(config).toContain('export default defineConfig({\n  markdown: {\n    processor: unified({\n      rehypePlugins: [');
    expect(config).toContain('strategy: "inline-svg"');
    expect(config).toContain(
      'launchOptions: {"headless":true,"executablePath":"/usr/bin/chromium","args":["--no-sandbox","--disable-gpu"]}',
    );
    expect(config).toContain(`className: ["${FAILED_CLASS}"]`);
    expect(config).toContain("integrations: [starlight({ title: 'plain' })],");
    expect(rehypeMermaidConfig(PLAIN, { strategy: 'pre-mermaid', launchOptions: {} })).toContain('strategy: "pre-mermaid"');
  });
  it('refuses a config it cannot place the plugin in', () => {
    expect(() => rehypeMermaidConfig('export default {};\n', { strategy: 'inline-svg', launchOptions: {} })).toThrow(
      /does not look as expected/,
    );
  });
});

describe('reading the build', () => {
  it('counts the diagrams drawn and the ones that failed in a page', () => {
    const html =
      '<svg aria-hidden="true" class="icon" viewBox="0 0 24 24"></svg>' +
      '<svg id="mermaid-0" width="100%" xmlns="http://www.w3.org/2000/svg"></svg>' +
      `<div class="${FAILED_CLASS}"></div>` +
      '<svg id="mermaid-2" width="100%"></svg><pre class="mermaid">flowchart LR</pre>';
    expect(countRehypeOutcome(html)).toEqual({ rendered: 2, failed: 1 });
    expect(countRehypeOutcome('<main></main>')).toEqual({ rendered: 0, failed: 0 });
  });
  it('reads the failures the build printed, once each', () => {
    const out = [
      '13:53:20 [build] Syncing content',
      'rehype-mermaid failed: /tmp/x/src/content/docs/p/3.md: Parse error on line 4:',
      '\u001b[31mrehype-mermaid failed: /tmp/x/src/content/docs/en/p/3.md: Parse error on line 4:\u001b[39m',
      'rehype-mermaid failed: /tmp/x/src/content/docs/p/3.md: Parse error on line 4:',
    ].join('\n');
    expect(parseRehypeFailures(out)).toEqual([
      '/tmp/x/src/content/docs/p/3.md: Parse error on line 4:',
      '/tmp/x/src/content/docs/en/p/3.md: Parse error on line 4:',
    ]);
    expect(parseRehypeFailures('[build] 7 page(s) built in 3.1s')).toEqual([]);
  });
});

describe('rehypeLines', () => {
  const measure: RehypeMeasure = {
    diagrams: 34,
    pages: 22,
    mermaidVersion: '11.17.2',
    ok: true,
    ms: 24_100,
    rendered: 34,
    failed: 0,
    failures: [],
    preMermaidMs: 5_900,
    plainMs: 4_300,
  };
  it("compares rehype-mermaid's time per diagram with ours", () => {
    const lines = rehypeLines('Saghaugen', measure, { ms: 6_800, rendered: 34 });
    expect(lines[0]).toBe(
      'rehype-mermaid (inline-svg, Mermaid 11.17.2), Saghaugen: 34 diagrams in 18.2 s = 0.54 s each; ours 0.20 s each (diagrams alone, 34 in 6.8 s) → ours 2.7× faster',
    );
    expect(lines[1]).toBe(
      '  (its build 24.1 s, 34 diagrams on 22 pages of the plain site; minus the same site unrendered (pre-mermaid) 5.9 s; minus the plain site without diagrams 4.3 s: 19.8 s)',
    );
    expect(lines).toHaveLength(2);
  });
  it('says when ours is slower', () => {
    expect(rehypeLines('x', measure, { ms: 34_000, rendered: 34 })[0]).toMatch(/ours 1\.00 s each .* → ours 1\.9× slower$/);
  });
  it('reports failures and compares on the diagrams that rendered', () => {
    const lines = rehypeLines(
      'Saghaugen',
      { ...measure, rendered: 30, failed: 3, failures: ['/s/p/3.md: Parse error on line 4:'] },
      { ms: 6_800, rendered: 34 },
    );
    expect(lines[0]).toMatch(/: 30 of 34 diagrams in 18\.2 s = 0\.61 s each; /);
    expect(lines[2]).toBe(
      '  rehype-mermaid FAILED 3 of 34 and left 1 unrendered; the per-diagram time counts the 30 that rendered; first: /s/p/3.md: Parse error on line 4:',
    );
  });
  it('says what was not measured', () => {
    expect(rehypeLines('x', undefined, undefined)).toEqual([]);
    expect(rehypeLines('x', measure, undefined)[0]).toMatch(/; ours — \(needs the diagrams alone: --no-alone skips them\)$/);
    expect(rehypeLines('x', { ...measure, preMermaidMs: undefined }, undefined)[0]).toMatch(
      /34 diagrams, per diagram — \(the build without rendering failed\)/,
    );
    expect(rehypeLines('x', { ...measure, ok: false, ms: 3_000, error: 'boom' }, undefined)).toEqual([
      'rehype-mermaid (inline-svg, Mermaid 11.17.2), x: build FAILED after 3.0 s: boom',
    ]);
  });
});

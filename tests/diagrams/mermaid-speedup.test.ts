/**
 * The patched Mermaid (src/diagrams/mermaid-speedup.ts) must draw exactly what Mermaid draws:
 * its assignWithDepth is compared with the bundle's own on many inputs, and every diagram of the
 * Saghaugen model, the tiny model and the hostile diagram is rendered both ways in Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../src/browser/chromium.ts';
import {
  MermaidPatchError,
  SPEEDUP_GLOBAL,
  speedUpMermaid,
  speedupRuntime,
  type SpeedupRuntime,
} from '../../src/diagrams/mermaid-speedup.ts';
import { mermaidScript, prepareRenderPage, renderInBrowser } from '../../src/diagrams/render.ts';
import { allDiagrams, type DiagramSpec } from '../../src/diagrams/index.ts';
import { loadModel } from '../../src/model/load-model.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { entityHref } from '../../src/site/urls.ts';
import { hostileSpec } from '../../src/diagrams/hostile-strings.ts';
import { tinyModel } from './tiny-model.ts';

const MERMAID_JS = join(dirname(createRequire(import.meta.url).resolve('mermaid/package.json')), 'dist', 'mermaid.min.js');
const bundle = readFileSync(MERMAID_JS, 'utf8');

/** Mermaid's own assignWithDepth, cut out of the bundle and evaluated on its own. */
function originalAssignWithDepth(): (r: unknown, t: unknown, options?: { depth?: number }) => unknown {
  const head = /([\w$]+)=[\w$]+\(\(([\w$]+),([\w$]+),\{depth:[\w$]+=2\}=\{\}\)=>\{/.exec(bundle)!;
  const end = bundle.indexOf('},"assignWithDepth")', head.index) + '},"assignWithDepth")'.length;
  // The bundle's __name helper is replaced by identity; the function refers to itself by its name.
  const text = bundle
    .slice(head.index, end)
    .replace(/=[\w$]+\(\(/, '=((')
    .replace(/,"assignWithDepth"\)$/, ')');
  return vm.runInThisContext(`"use strict";(() => { let ${head[1]}; ${text}; return ${head[1]}; })()`) as never;
}

/** Every own property with its descriptor, in order, recursively (cycles are not generated). */
function describeValue(value: unknown, seen = new Map<object, number>()): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? `fn:${value.name}` : [typeof value, value];
  if (seen.has(value)) return `ref#${seen.get(value)}`;
  seen.set(value, seen.size);
  return {
    array: Array.isArray(value),
    proto: Object.getPrototypeOf(value) === Object.prototype ? 'Object' : Array.isArray(value) ? 'Array' : 'other',
    props: Reflect.ownKeys(value).map((key) => {
      const d = Object.getOwnPropertyDescriptor(value, key)!;
      return [String(key), d.writable, d.enumerable, d.configurable, describeValue(d.value, seen)];
    }),
  };
}

/** A small deterministic generator of config-like values: nested objects, arrays with repeats, nulls. */
function randomValues(seed: number): () => unknown {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const keys = ['a', 'b', 'theme', 'flowchart', 'htmlLabels', '__proto__', 'constructor', 'toString', '0', 'x-y'];
  const shared = { deep: { deeper: 1 } };
  const value = (depth: number): unknown => {
    const pick = next();
    if (depth > 3 || pick < 0.35) return [1, 'text', true, false, undefined, null, 0, '', () => 1][Math.floor(next() * 9)];
    if (pick < 0.5) return [1, 1, 'a', shared, shared, null].slice(0, Math.floor(next() * 6));
    if (pick < 0.55) return shared;
    const object: Record<string, unknown> = JSON.parse('{}');
    const n = Math.floor(next() * 5);
    for (let i = 0; i < n; i++) {
      const key = keys[Math.floor(next() * keys.length)]!;
      Object.defineProperty(object, key, { value: value(depth + 1), writable: true, enumerable: true, configurable: true });
    }
    return object;
  };
  return () => value(0);
}

describe('assignWithDepth, rewritten', () => {
  const original = originalAssignWithDepth();
  const fast = speedupRuntime().assignWithDepth;

  it('gives the same result and the same target changes as Mermaid’s own, on 3000 generated inputs', () => {
    const generate = randomValues(7);
    for (let i = 0; i < 3000; i++) {
      const target = generate();
      const source = generate();
      const depth = i % 5;
      const a = structuredCloneLoose(target);
      const b = structuredCloneLoose(target);
      const options = depth === 4 ? undefined : { depth };
      const fromOriginal = original(a, source, options);
      const fromFast = fast(b, source, options?.depth ?? 2);
      expect(describeValue([fromFast, b]), `case ${i}`).toEqual(describeValue([fromOriginal, a]));
    }
  });

  it('copies a configuration like Mermaid’s getConfig: two levels deep, then shared', () => {
    const config = { theme: 'default', flowchart: { curve: 'basis', nested: { deep: { x: 1 } } }, list: [1, 1, 2], gone: null };
    const copy = fast({}, config, 2) as typeof config;
    expect(copy).toEqual({ theme: 'default', flowchart: { curve: 'basis', nested: { deep: { x: 1 } } }, list: [1, 2] });
    expect(copy.flowchart).not.toBe(config.flowchart);
    expect(copy.flowchart.nested).not.toBe(config.flowchart.nested);
    expect(copy.flowchart.nested.deep).toBe(config.flowchart.nested.deep);
  });
});

/** Copies generated values (functions and shared references kept, like the generator makes them). */
function structuredCloneLoose(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : JSON.parse('{}');
  seen.set(value, copy);
  for (const key of Object.keys(value)) {
    Object.defineProperty(copy, key, {
      value: structuredCloneLoose((value as Record<string, unknown>)[key], seen),
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  return copy;
}

describe('patching the bundle', () => {
  it('applies to the installed Mermaid, and the result is valid JavaScript with the runtime once', () => {
    const patched = speedUpMermaid(bundle);
    expect(() => new vm.Script(patched)).not.toThrow();
    expect(patched.startsWith('"use strict";')).toBe(true);
    expect(patched.split(`var ${SPEEDUP_GLOBAL}=`).length).toBe(2);
    for (const call of ['.assignWithDepth(', '.get(', '.own(', '.drop()']) expect(patched).toContain(`${SPEEDUP_GLOBAL}${call}`);
  });

  it('injects a runtime that works however this module was compiled (tsx wraps functions in __name)', () => {
    const tsx = createRequire(import.meta.url).resolve('tsx');
    const printed = spawnSync(
      process.execPath,
      [
        '--import',
        tsx,
        '--input-type=module',
        '-e',
        "import { runtimeSource } from './src/diagrams/mermaid-speedup.ts'; console.log(runtimeSource())",
      ],
      { encoding: 'utf8' },
    );
    expect(printed.status, printed.stderr).toBe(0);
    expect(printed.stdout).toContain('__name(');
    // Evaluated alone, as the page does (no __name anywhere in scope).
    const runtime = vm.runInNewContext(printed.stdout) as SpeedupRuntime;
    expect(JSON.stringify(runtime.assignWithDepth({}, { a: { b: [1, 1, 2] } }, 2))).toBe('{"a":{"b":[1,2]}}');
  });

  it('refuses a bundle it does not recognise, naming what it missed', () => {
    expect(() => speedUpMermaid('"use strict";var x=1;')).toThrow(MermaidPatchError);
    expect(() => speedUpMermaid('"use strict";var x=1;')).toThrow(/assignWithDepth: found 0 times, expected once/);
    const noGetConfig = bundle.replace(/"getConfig"\)/g, '"getKonfig")');
    expect(() => speedUpMermaid(noGetConfig)).toThrow(/getConfig: found 0 times/);
  });
});

describe('rendering with the patched Mermaid', () => {
  let browser: Browser;
  let patched: Page;
  let plain: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    [patched, plain] = await Promise.all([browser.newPage(), browser.newPage()]);
    await Promise.all([prepareRenderPage(patched, mermaidScript(true)), prepareRenderPage(plain, mermaidScript(false))]);
  }, 300_000); // launching Chromium and loading Mermaid twice: slow on a busy machine, never hung

  afterAll(async () => {
    await browser?.close();
  });

  const render = async (page: Page, spec: DiagramSpec) => {
    const result = await page.evaluate(renderInBrowser, { id: `dg-${spec.id}`, text: spec.mermaid, speedup: SPEEDUP_GLOBAL });
    if (result.error) throw new Error(`${spec.id}: ${result.error}`);
    return result;
  };
  const runtimeCounts = () =>
    patched.evaluate((name) => {
      const r = (window as unknown as Record<string, SpeedupRuntime>)[name]!;
      return { gets: r.gets, copies: r.copies };
    }, SPEEDUP_GLOBAL);

  it('draws every Saghaugen (nb), tiny-model (en) and hostile diagram byte for byte as Mermaid does', async () => {
    const saghaugen = loadModel('model');
    if (!saghaugen.ok) throw new Error('the Saghaugen model does not load');
    const tiny = tinyModel();
    const specs = [
      ...allDiagrams(saghaugen.model, analyze(saghaugen.model), 'nb', (k) => entityHref(k, 'nb')),
      ...allDiagrams(tiny, analyze(tiny), 'en', (k) => entityHref(k, 'en')),
      hostileSpec('hostile-speedup'),
    ];
    const before = await runtimeCounts();
    for (const spec of specs) {
      const [fast, slow] = [await render(patched, spec), await render(plain, spec)];
      expect(fast.svg, spec.id).toBe(slow.svg);
      expect(fast.again, `${spec.id} needed the safety net`).toBe(false);
    }
    // The memo did the work: far fewer copies than getConfig() calls.
    const after = await runtimeCounts();
    expect(after.gets - before.gets).toBeGreaterThan(20 * specs.length);
    expect(after.copies - before.copies).toBeLessThan((after.gets - before.gets) / 5);
  }, 120_000);

  it('renders again without the memo when something changed a memoised config, and draws the same', async () => {
    const tiny = tinyModel();
    const spec = allDiagrams(tiny, analyze(tiny), 'en', (k) => entityHref(k, 'en'))[0]!;
    const expected = (await render(plain, spec)).svg;
    // Take the memo as a caller would, and change it: the next check must notice.
    await patched.evaluate((name) => {
      const runtime = (window as unknown as Record<string, SpeedupRuntime>)[name]!;
      const mermaid = (window as unknown as { mermaid: { mermaidAPI: { getConfig(): { flowchart: { padding: number } } } } }).mermaid;
      runtime.on = true;
      mermaid.mermaidAPI.getConfig().flowchart.padding = 99;
    }, SPEEDUP_GLOBAL);
    const result = await render(patched, spec);
    expect(result.again).toBe(true);
    expect(result.svg).toBe(expected);
    // And the next diagram is back on the fast path.
    expect((await render(patched, spec)).again).toBe(false);
  });
});

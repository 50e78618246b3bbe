/**
 * A faster Mermaid for the build: the text of mermaid.min.js, patched before it is injected into the
 * render pages. Node-only (pure string work; the patched code runs in Chromium).
 *
 * Why: profiling the build's Chromium showed almost half of Mermaid's CPU spent copying its own
 * configuration. Its getConfig() returns assignWithDepth({}, currentConfig), a fresh copy of a
 * ~24 KB object, and a flowchart calls it ~2.5 times per line of Mermaid text (every label, edge
 * and vertex). The copy is also slow: every property goes through Object.entries, a closure and
 * Object.defineProperty.
 *
 * What changes, and why the SVG stays byte-for-byte the same (tests/diagrams/mermaid-speedup.test.ts
 * renders every diagram of three models both ways and compares):
 *  1. assignWithDepth gets an equivalent implementation without the per-property allocations and
 *     defineProperty calls (same keys, same order, same depth rules; the test also compares it with
 *     the original on many inputs).
 *  2. getConfig() hands out one memoised copy per configuration instead of a new copy per call. The
 *     memo is dropped whenever Mermaid installs a new configuration (updateCurrentConfig is the only
 *     place that does). Callers that mutate what getConfig() gave them would now share the change,
 *     so the two places in Mermaid that do (setConfig's sanitizing of its argument, and
 *     Diagram.fromText passing the config to a diagram's init, which writes into it) get private
 *     copies as before.
 *  3. A safety net for mutations nobody foresaw: when a memo is dropped and after each render, it is
 *     compared with a copy taken when it was made; any difference marks the render, and render.ts
 *     renders that diagram again with the memo off. So a Mermaid that mutates in a new place is slower,
 *     never different. (A mutation undone before the next check would go unseen; none is known.)
 *
 * The patches find Mermaid's functions by the names its bundle keeps for stack traces
 * ("getConfig", "updateCurrentConfig", ...). A Mermaid whose bundle does not match throws
 * MermaidPatchError, and render.ts then uses Mermaid unpatched (and says so).
 */
import { DriftsbokError } from '../errors.ts';

/** The global the patched bundle and render.ts share (one per render page). */
export const SPEEDUP_GLOBAL = '__driftsbokMermaid';

export class MermaidPatchError extends DriftsbokError {
  constructor(what: string, found: number) {
    super(
      `Mermaid's bundle does not look as expected (${what}: found ${found} times, expected once)`,
      'after a Mermaid upgrade, bring the patterns in src/diagrams/mermaid-speedup.ts up to date and run ' +
        'tests/diagrams/mermaid-speedup.test.ts (it renders every diagram both ways); meanwhile DRIFTSBOK_MERMAID_SPEEDUP=0 ' +
        'builds with Mermaid as it is (the same pictures, slower)',
    );
  }
}

/** What the patched bundle exposes on window[SPEEDUP_GLOBAL]; render.ts drives `on` and `mutated`. */
export interface SpeedupRuntime {
  /** Whether getConfig() memoises (off: Mermaid's own behaviour). */
  on: boolean;
  /** Set when a memoised config was changed by whoever got it; cleared by the caller. */
  mutated: boolean;
  /** getConfig() calls answered and configuration copies made, since the page loaded. */
  gets: number;
  copies: number;
  assignWithDepth(target: unknown, source: unknown, depth: number): unknown;
  get(copy: () => unknown): unknown;
  own(config: unknown, copy: () => unknown): unknown;
  /** Compares the memo with its snapshot (marking `mutated`) and forgets it. */
  drop(): void;
}

/**
 * The runtime injected into the page. Self-contained: its source text is what gets injected, so it
 * may use nothing from this module's scope.
 */
export function speedupRuntime(): SpeedupRuntime {
  // Mermaid's assignWithDepth, without Object.entries/forEach/defineProperty per property. A plain
  // assignment creates the same own, writable, enumerable, configurable property that
  // defineProperty did, except for the key "__proto__", which keeps defineProperty.
  const define = (target: Record<string, unknown>, key: string, value: unknown) => {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  };
  const assign = (r: any, t: any, depth: number): any => {
    if (Array.isArray(t)) {
      if (!Array.isArray(r)) {
        for (const item of t) assign(r, item, depth);
        return r;
      }
      for (const item of t) if (!r.includes(item)) r.push(item);
      return r;
    }
    if (r == null || depth <= 0) return r != null && typeof r === 'object' && typeof t === 'object' ? Object.assign(r, t) : t;
    if (t != null && typeof r === 'object' && typeof t === 'object') {
      for (const key of Object.keys(t)) {
        const value = t[key];
        if (typeof value === 'object') {
          if (value === null) continue;
          if (!Object.hasOwn(r, key)) {
            if (key === '__proto__') define(r, key, undefined);
            else r[key] = undefined;
          }
          if (r[key] === undefined) r[key] = Array.isArray(value) ? [] : {};
          if (typeof r[key] === 'object') r[key] = assign(r[key], value, depth - 1);
        } else if (typeof r[key] !== 'object') {
          if (Object.hasOwn(r, key) || key !== '__proto__') r[key] = value;
          else define(r, key, value);
        }
      }
    }
    return r;
  };
  // Whether two copies made by assign({}, x, 2) hold the same: levels 0-2 by value (those are the
  // copy's own objects), deeper objects and array items by identity (shared with the source anyway).
  const same = (a: any, b: any, depth: number): boolean => {
    if (Object.is(a, b)) return true;
    if (depth < 0 || a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    if (keysA.length !== keysB.length) return false;
    for (let i = 0; i < keysA.length; i++) {
      const key = keysA[i]!;
      if (key !== keysB[i] || !same(a[key], b[key], Array.isArray(a) ? -1 : depth - 1)) return false;
    }
    return true;
  };
  let memo: unknown;
  let snapshot: unknown;
  const runtime: SpeedupRuntime = {
    on: false,
    mutated: false,
    gets: 0,
    copies: 0,
    assignWithDepth: assign,
    get(copy) {
      runtime.gets++;
      if (memo === undefined) {
        memo = copy();
        snapshot = copy();
        runtime.copies += 2;
      }
      return memo;
    },
    own(config, copy) {
      return config !== undefined && config === memo ? copy() : config;
    },
    drop() {
      if (memo !== undefined && !same(memo, snapshot, 2)) runtime.mutated = true;
      memo = snapshot = undefined;
    },
  };
  return runtime;
}

/**
 * The runtime as an expression for the page. Its text comes from the function itself, as compiled
 * for this process: Node's type stripping leaves it as written, but esbuild-based loaders (tsx,
 * which the tests' builds run under) wrap inner functions in __name(fn, "name") calls, so the
 * expression supplies an identity __name.
 */
export function runtimeSource(): string {
  return `(()=>{const __name=(fn)=>fn;return(${speedupRuntime.toString()})()})()`;
}

const NAME = String.raw`[\w$]+`;
/** A captured minified name, for use inside a further pattern (names may contain $). */
const literal = (name: string) => name.replace(/\$/g, '\\$');

/**
 * The one match of `pattern` in `source`, or MermaidPatchError. The pattern must contain `anchor`
 * literally: it is only tried near the anchor's occurrences, because a pattern that starts with
 * [\w$]+ tried at every position of a 3 MB bundle costs ~50 ms.
 */
function only(source: string, anchor: string, pattern: RegExp, what: string): RegExpExecArray {
  const found = new Map<number, RegExpExecArray>();
  for (let at = source.indexOf(anchor); at >= 0; at = source.indexOf(anchor, at + 1)) {
    const from = Math.max(0, at - 400);
    const window = source.slice(from, at + anchor.length + 400);
    for (const match of window.matchAll(new RegExp(pattern.source, 'g'))) {
      const index = from + match.index;
      // Only a match that covers this occurrence of the anchor (a window can see its neighbours).
      if (index <= at && at < index + match[0].length) found.set(index, Object.assign(match, { index }));
    }
  }
  if (found.size !== 1) throw new MermaidPatchError(what, found.size);
  return [...found.values()][0]!;
}

function replaceOnce(source: string, match: RegExpExecArray, replacement: string): string {
  return source.slice(0, match.index) + replacement + source.slice(match.index + match[0].length);
}

/** The patched bundle. Throws MermaidPatchError when any of the patches does not apply. */
export function speedUpMermaid(source: string): string {
  const G = SPEEDUP_GLOBAL;
  let out = source;

  // 1. assignWithDepth: `A=N((r,t,{depth:a=2}={})=>{…},"assignWithDepth")`.
  const head = only(
    out,
    ',{depth:',
    new RegExp(String.raw`(${NAME})=(${NAME})\(\((${NAME}),(${NAME}),\{depth:(${NAME})=2\}=\{\}\)=>\{`),
    'assignWithDepth',
  );
  const tail = '},"assignWithDepth")';
  const end = out.indexOf(tail, head.index);
  if (end < 0 || out.indexOf(tail, end + 1) >= 0) throw new MermaidPatchError('end of assignWithDepth', end < 0 ? 0 : 2);
  const [, awd, nameFn, r, t, a] = head;
  out =
    out.slice(0, head.index) +
    `${awd}=${nameFn}((${r},${t},{depth:${a}=2}={})=>${G}.assignWithDepth(${r},${t},${a}),"assignWithDepth")` +
    out.slice(end + tail.length);

  // 2. getConfig: `g=N(()=>A({},current),"getConfig")`.
  const getter = only(
    out,
    '"getConfig")',
    new RegExp(String.raw`(${NAME})=(${NAME})\(\(\)=>(${NAME})\(\{\},(${NAME})\),"getConfig"\)`),
    'getConfig',
  );
  const [, getConfig, , assignFn, current] = getter;
  const copy = `()=>${assignFn}({},${current})`;
  out = replaceOnce(out, getter, `${getConfig}=${nameFn}(()=>${G}.on?${G}.get(${copy}):${assignFn}({},${current}),"getConfig")`);

  // 3. updateCurrentConfig ends `return current=cfg,check(current),current},"updateCurrentConfig")`:
  //    the only place a new configuration is installed, so the memo is dropped there.
  const install = only(
    out,
    '"updateCurrentConfig")',
    new RegExp(
      String.raw`return ${literal(current)}=(${NAME}),(${NAME})\(${literal(current)}\),${literal(current)}\},"updateCurrentConfig"\)`,
    ),
    'updateCurrentConfig',
  );
  out = replaceOnce(out, install, `return ${G}.drop(),${install[0].slice('return '.length)}`);

  // 4. setConfig sanitizes (deletes keys of) its argument: a memo passed back gets a private copy.
  const setter = only(
    out,
    '"setConfig")',
    new RegExp(
      String.raw`(${NAME})=${literal(nameFn)}\((${NAME})=>\((${NAME})\(${literal(current)},\[\2\]\),${literal(getConfig)}\(\)\),"setConfig"\)`,
    ),
    'setConfig',
  );
  const [, setConfig, arg, update] = setter;
  out = replaceOnce(
    out,
    setter,
    `${setConfig}=${nameFn}(${arg}=>(${update}(${current},[${G}.own(${arg},()=>${assignFn}({},${arg}))]),${getConfig}()),"setConfig")`,
  );

  // 5. Diagram.fromText gives its config to the diagram's init(), which writes into it: a private copy.
  const fromText = only(
    out,
    'static async fromText(',
    new RegExp(
      String.raw`(static async fromText\(${NAME},${NAME}=\{\}\)\{let ${NAME}=typeof ${NAME}=="string"\?\{raw:${NAME},cleaned:${NAME}\}:${NAME},${NAME}=)${literal(getConfig)}\(\)`,
    ),
    'Diagram.fromText',
  );
  out = replaceOnce(out, fromText, `${fromText[1]}${assignFn}({},${current})`);

  // The runtime goes after the bundle's "use strict" directive, so that stays the first statement.
  const prologue = /^\s*(["'])use strict\1;?/.exec(out);
  const at = prologue ? prologue[0].length : 0;
  return `${out.slice(0, at)}var ${G}=${runtimeSource()};${out.slice(at)}`;
}

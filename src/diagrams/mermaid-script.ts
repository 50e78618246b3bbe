/**
 * Mermaid's bundle as the render pages load it: found in node_modules, its version (for the cache
 * key), passed through mermaid-speedup.ts's patches unless they are switched off or do not fit,
 * and which patch it carries (mermaidPatchId, for the cache key too).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSettings } from '../settings.ts';
import { MermaidPatchError, speedUpMermaid } from './mermaid-speedup.ts';

function findMermaidDir(): string {
  const starts = [process.cwd(), dirname(fileURLToPath(import.meta.url))];
  for (const start of starts) {
    let dir = start;
    for (;;) {
      const candidate = join(dir, 'node_modules', 'mermaid');
      if (existsSync(join(candidate, 'dist', 'mermaid.min.js'))) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error('diagrams: node_modules/mermaid/dist/mermaid.min.js not found (is mermaid installed? run npm ci)');
}

let mermaidVersionMemo: string | undefined;
export function mermaidVersion(): string {
  mermaidVersionMemo ??= (JSON.parse(readFileSync(join(findMermaidDir(), 'package.json'), 'utf8')) as { version: string }).version;
  return mermaidVersionMemo;
}

const mermaidScripts = new Map<boolean, { script: string; patched: boolean }>();

/**
 * Mermaid's bundle as the render pages get it, and whether mermaid-speedup.ts's patches are in it:
 * they are unless `speedup` is off (DRIFTSBOK_MERMAID_SPEEDUP=0), or they do not fit this Mermaid.
 * A patch that does not fit throws in CI, so that a Mermaid upgrade cannot make every build slower
 * unnoticed; elsewhere Mermaid is used as it is (the same pictures, slower), and `log` says so.
 */
export function withSpeedup(
  plain: string,
  options: { speedup: boolean; ci: boolean; log: (message: string) => void },
): { script: string; patched: boolean } {
  if (!options.speedup) return { script: plain, patched: false };
  try {
    return { script: speedUpMermaid(plain), patched: true };
  } catch (error) {
    if (!(error instanceof MermaidPatchError) || options.ci) throw error;
    options.log(`diagrams: ${error.what}; rendering with Mermaid as it is (slower, same pictures)`);
    return { script: plain, patched: false };
  }
}

/** mermaid.min.js from node_modules through withSpeedup, once per process and setting. */
function loadMermaid(speedup: boolean, log?: (message: string) => void): { script: string; patched: boolean } {
  let loaded = mermaidScripts.get(speedup);
  if (loaded === undefined) {
    const plain = readFileSync(join(findMermaidDir(), 'dist', 'mermaid.min.js'), 'utf8');
    loaded = withSpeedup(plain, { speedup, ci: readSettings().CI, log: log ?? console.log });
    mermaidScripts.set(speedup, loaded);
  }
  return loaded;
}

/** mermaid.min.js as injected into the render pages (see loadMermaid). */
export function mermaidScript(speedup = readSettings().DRIFTSBOK_MERMAID_SPEEDUP, log?: (message: string) => void): string {
  return loadMermaid(speedup, log).script;
}

const PATCH_ID = Symbol.for('driftsbok.mermaidPatchId');

/**
 * Which Mermaid the render pages run, for the cache key: 'off' when unpatched (switched off, or the
 * patch does not fit), else a hash of mermaid-speedup.ts's source. Kept on globalThis: the build
 * script and the pages Astro renders load this module separately, and must agree on every key.
 */
export function mermaidPatchId(log?: (message: string) => void): string {
  const g = globalThis as unknown as Record<symbol, Map<boolean, string> | undefined>;
  const ids = (g[PATCH_ID] ??= new Map());
  const speedup = readSettings().DRIFTSBOK_MERMAID_SPEEDUP;
  let id = ids.get(speedup);
  if (id === undefined) {
    id = loadMermaid(speedup, log).patched ? createHash('sha256').update(patchSource()).digest('hex').slice(0, 16) : 'off';
    ids.set(speedup, id);
  }
  return id;
}

/** The text of mermaid-speedup.ts: beside this module, or in src/diagrams/ of the project. */
function patchSource(): string {
  const candidates = [
    fileURLToPath(new URL('./mermaid-speedup.ts', import.meta.url)),
    join(process.cwd(), 'src', 'diagrams', 'mermaid-speedup.ts'),
  ];
  for (const file of candidates) if (existsSync(file)) return readFileSync(file, 'utf8');
  // Neither (a bundled copy of this module, run elsewhere): the patched bundle stands for it.
  return loadMermaid(true).script;
}

/**
 * Putting a finished build in place of the last one. Two renames (the old output aside, the new one
 * in), because a directory cannot replace a non-empty one in a single rename; the old one is kept
 * under a fixed name beside the output, so a build killed between the two renames (no output
 * left, issue 15, finding 9) is repaired by the next one: `recoverSwap` puts the old output back,
 * or, when the new one made it in, removes the old one. Node-only (fs).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Where the previous output waits while the new one moves in. */
export function asideDir(outDir: string): string {
  return join(dirname(outDir), `.dist-old-${basename(outDir)}`);
}

/** Repairs what a swap killed half-way left; returns what it did (for the build's log). */
export function recoverSwap(outDir: string): 'restored' | 'cleaned' | null {
  const aside = asideDir(outDir);
  if (!existsSync(aside)) return null;
  if (!existsSync(outDir)) {
    renameSync(aside, outDir);
    return 'restored';
  }
  rmSync(aside, { recursive: true, force: true });
  return 'cleaned';
}

/** Moves `newDir` to `outDir`; `between` runs after the first rename (tests kill the process there). */
export function swapIntoPlace(newDir: string, outDir: string, between: () => void = () => {}): void {
  recoverSwap(outDir);
  const aside = asideDir(outDir);
  const hadOld = existsSync(outDir);
  if (hadOld) renameSync(outDir, aside);
  between();
  try {
    renameSync(newDir, outDir);
  } catch (error) {
    if (hadOld) renameSync(aside, outDir);
    throw error;
  }
  rmSync(aside, { recursive: true, force: true });
}

/** How the bench repeats short builds and which run counts. */

/** Builds shorter than this run three times and count as their median. */
export const REPEAT_BELOW_MS = 20_000;

/**
 * Runs a measured build once, or three times while every run succeeds in under REPEAT_BELOW_MS: a
 * build of a few seconds varies by about a second from run to run here. `n` counts from 1.
 */
export async function repeatShort<T extends { ms: number }>(once: (n: number) => Promise<T>, ok: (run: T) => boolean): Promise<T[]> {
  const runs: T[] = [];
  do runs.push(await once(runs.length + 1));
  while (runs.length < 3 && runs.every((r) => ok(r) && r.ms < REPEAT_BELOW_MS));
  return runs;
}

/** The run with the median time (the middle one of an odd count, the faster middle of an even one). */
export function median<T extends { ms: number }>(runs: T[]): T {
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

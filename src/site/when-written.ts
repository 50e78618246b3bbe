/**
 * Calls back once every one of some pages has been written in full by a build that is still
 * running: scripts/build.ts starts printing the runbook as soon as Astro has written its two print
 * pages, while Astro goes on rendering the other pages, instead of after the whole site.
 *
 * Astro writes each page with one writeFile as soon as it is rendered, and never rewrites it, but
 * a page can be seen half-written. A page counts as written when it exists, ends with </html>, and
 * its size and time are what they were at the previous look. Node-only.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export interface PageWatch {
  /** Stops looking (safe to call at any time, also after the callback ran). */
  stop(): void;
  /** Whether the callback has run. */
  readonly fired: boolean;
}

/** What a look at a file saw: undefined while it does not look finished. */
function finishedStamp(file: string): string | undefined {
  try {
    const stat = statSync(file);
    if (stat.size === 0) return undefined;
    // Only the end is read: a look every 100 ms must not read a page of megabytes each time.
    const tail = Buffer.alloc(Math.min(64, stat.size));
    const fd = openSync(file, 'r');
    try {
      readSync(fd, tail, 0, tail.length, stat.size - tail.length);
    } finally {
      closeSync(fd);
    }
    return tail.toString('latin1').trimEnd().toLowerCase().endsWith('</html>') ? `${stat.size}:${stat.mtimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

export function whenWritten(files: readonly string[], callback: () => void, intervalMs = 100): PageWatch {
  let fired = false;
  let previous: (string | undefined)[] = files.map(() => undefined);
  const look = () => {
    const now = files.map(finishedStamp);
    const settled = now.every((stamp, i) => stamp !== undefined && stamp === previous[i]);
    previous = now;
    if (!settled) return;
    clearInterval(timer);
    fired = true;
    callback();
  };
  const timer = setInterval(look, intervalMs);
  // Never keeps a process alive on its own.
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    get fired() {
      return fired;
    },
  };
}

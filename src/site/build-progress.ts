/**
 * What a build shows while it runs. On a terminal: one live line, rewritten in place, with the
 * stage, how far the diagrams are and the time so far — Astro's page-by-page log is hidden there
 * (`--verbose` shows it). Anywhere else (CI, a pipe, a test) nothing changes: the plain log, a line
 * per step, which the build prints anyway. The line is a pure function of the events; the writer
 * only decides where it goes.
 */

export interface ProgressState {
  stage: string;
  /** Which stage of how many (1-based). */
  index: number;
  total: number;
  /** Diagrams done (rendered or from the cache) of those the site shows, once known; `perSecond`:
   * how fast they are being rendered, while some are left and the rate can be told. */
  diagrams?: { done: number; of: number; perSecond?: number };
  elapsedMs: number;
}

/** "[2/6] pages and diagrams · diagrams 12/34 (9.5/s) · 8.4 s", cut to the terminal's width. */
export function progressLine(state: ProgressState, columns = 80): string {
  const parts = [`[${state.index}/${state.total}] ${state.stage}`];
  const d = state.diagrams;
  if (d && d.of > 0) {
    const rate = d.perSecond !== undefined && d.done < d.of ? ` (${d.perSecond.toFixed(1)}/s)` : '';
    parts.push(`diagrams ${Math.min(d.done, d.of)}/${d.of}${rate}`);
  }
  parts.push(`${(state.elapsedMs / 1000).toFixed(1)} s`);
  const line = parts.join(' · ');
  // A terminal that does not say its width (0) gets the whole line.
  return columns < 20 || line.length <= columns - 1 ? line : `${line.slice(0, columns - 2)}…`;
}

export interface ProgressOutput {
  isTTY: boolean;
  columns?: number;
  write(text: string): void;
}

/** The stages of a build, in order, as the live line counts them. */
export const BUILD_STAGES = ['check', 'pages and diagrams', 'security policy', 'PDFs and output scan', 'offline app', 'swap'] as const;

/**
 * The live line on a terminal; does nothing elsewhere. `log` prints a line above it (the line is
 * cleared, the text written, the line drawn again), so the build's own messages stay readable.
 */
export class BuildProgress {
  private state: ProgressState;
  private shown = '';
  private ended = false;
  /** Nothing is drawn before the first stage (a build that is up to date never starts one). */
  private begun = false;
  private readonly out: ProgressOutput;
  private readonly now: () => number;
  private readonly started: number;

  constructor(out: ProgressOutput, now: () => number = () => performance.now()) {
    this.out = out;
    this.now = now;
    this.started = now();
    this.state = { stage: BUILD_STAGES[0], index: 1, total: BUILD_STAGES.length, elapsedMs: 0 };
  }

  get live(): boolean {
    return this.out.isTTY;
  }

  stage(name: string): void {
    this.begun = true;
    const at = (BUILD_STAGES as readonly string[]).indexOf(name);
    this.state = { ...this.state, stage: name, index: at >= 0 ? at + 1 : this.state.index };
    this.draw();
  }

  /** How many diagrams were done when the count was first reported (those came from the cache). */
  private diagramsAtStart?: number;
  /** When the first diagram was rendered, and how many were done then. */
  private firstRendered?: { at: number; done: number };

  diagrams(done: number, of: number): void {
    const now = this.now();
    this.diagramsAtStart ??= done;
    // The rate of rendering, from the first rendered diagram on: cached ones arrive all at once, and
    // the browser's start would make the first seconds look slow.
    if (!this.firstRendered && done > this.diagramsAtStart) this.firstRendered = { at: now, done };
    const rendered = this.firstRendered ? done - this.firstRendered.done : 0;
    const seconds = this.firstRendered ? (now - this.firstRendered.at) / 1000 : 0;
    const perSecond = rendered > 0 && seconds > 0 ? rendered / seconds : undefined;
    this.state = { ...this.state, diagrams: { done, of, ...(perSecond !== undefined ? { perSecond } : {}) } };
    this.draw();
  }

  /** Redraws with the time so far (call it every few hundred milliseconds). */
  tick(): void {
    this.draw();
  }

  log(line: string): void {
    if (this.live) this.around(() => this.out.write(`${line}\n`));
  }

  /**
   * Runs `write` (someone else's output: Astro's warnings, a browser installer) with the line
   * cleared first and drawn again after, so the two never run into each other.
   */
  around(write: () => void): void {
    if (!this.live || this.ended) {
      write();
      return;
    }
    this.clear();
    this.shown = '';
    write();
    this.draw();
  }

  /** Clears the line for good (the build's last lines follow). */
  end(): void {
    this.clear();
    this.shown = '';
    this.ended = true;
  }

  private clear(): void {
    if (this.live && this.shown) this.out.write('\r\x1b[2K');
  }

  private draw(): void {
    if (!this.live || this.ended || !this.begun) return;
    const line = progressLine({ ...this.state, elapsedMs: this.now() - this.started }, this.out.columns ?? 80);
    if (line === this.shown) return;
    this.out.write(`\r\x1b[2K${line}`);
    this.shown = line;
  }
}

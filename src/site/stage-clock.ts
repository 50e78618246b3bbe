/**
 * How long each stage of a build took, for the line a build ends with: a cold build spends its time
 * in very different places (diagrams and pages, PDFs, the output scan), and a person waiting for it,
 * or reading a CI log, should see where. Pure: the clock is given.
 */
export class StageClock {
  private readonly stages: Array<{ name: string; ms: number }> = [];
  private current: { name: string; since: number } | undefined;
  private readonly started: number;
  private readonly now: () => number;

  constructor(now: () => number = () => performance.now()) {
    this.now = now;
    this.started = now();
  }

  /** Ends the stage running now (if any) and starts `name`. */
  start(name: string): void {
    this.stop();
    this.current = { name, since: this.now() };
  }

  /** Ends the stage running now. */
  stop(): void {
    if (!this.current) return;
    this.stages.push({ name: this.current.name, ms: this.now() - this.current.since });
    this.current = undefined;
  }

  /** "17.3 s: check 0.1 s · pages and diagrams 11.0 s · …" (stages in the order they ran). */
  summary(): string {
    this.stop();
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    return `${s(this.now() - this.started)}: ${this.stages.map((stage) => `${stage.name} ${s(stage.ms)}`).join(' · ')}`;
  }
}

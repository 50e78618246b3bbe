/**
 * driftsbok's own errors: what is wrong, and how to fix it, written one way —
 *
 *     <problem>
 *       hint: <how to fix it>
 *
 * An error of this kind says everything a person needs, so the build prints its message and no
 * stack trace (scripts/build.ts recognises it with `instanceof`). The fix is kept as `howToFix`, not
 * `hint`: Astro prints an error's `hint` property under its message, and these messages carry the
 * hint already.
 *
 * The build script and the pages Astro renders load this module as separate copies in one process,
 * so an error a page throws is an instance of another copy's class: `instanceof DriftsbokError`
 * goes by a mark every copy shares instead (subclasses keep the ordinary check).
 */
const MARK = Symbol.for('driftsbok.error');

export class DriftsbokError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== DriftsbokError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && MARK in value;
  }

  readonly [MARK] = true;
  /** What is wrong: the message without the hint. */
  readonly what: string;
  /** How to fix it, when there is something to say. */
  readonly howToFix: string | undefined;

  /**
   * `indent` is the hint line's indent: two spaces, or four where the message is itself an item
   * of an indented list (the Proxmox reader's).
   */
  constructor(problem: string, howToFix?: string, options: { indent?: string } = {}) {
    super(formatError(problem, howToFix, options.indent));
    this.name = new.target.name;
    this.what = problem;
    this.howToFix = howToFix;
  }
}

/** The one way a problem and its hint are written. */
export function formatError(problem: string, howToFix?: string, indent = '  '): string {
  return howToFix === undefined ? problem : `${problem}\n${indent}hint: ${howToFix}`;
}

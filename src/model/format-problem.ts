/**
 * How a model problem reads wherever it is printed (`npm run check`, the build, drift, import, a
 * page that cannot load the model): `file:line:column  path  message`, and its hint below.
 */
import type { Problem } from './load-model.ts';

/** `model/guests.yaml:42:5  guests[3].host  unknown host …` and `    hint: …` under it. */
export function formatProblem(problem: Problem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  const head = problem.path ? `${where}  ${problem.path}  ${problem.message}` : `${where}  ${problem.message}`;
  return problem.hint ? `${head}\n    hint: ${problem.hint}` : head;
}

/** Every problem, then every warning (`warning file:line:col …`), then the count. */
export function formatProblems(problems: Problem[], dir: string, warnings: Problem[] = []): string {
  const lines = [...problems.map(formatProblem), ...warnings.map(formatWarning)];
  lines.push('', `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}; nothing was written.`);
  return lines.join('\n');
}

/** `warning model/notes.yaml:3:20  notes[0].text.nb  contains …`: the prose check's warnings look the same. */
export function formatWarning(warning: Problem): string {
  return `warning ${formatProblem(warning)}`;
}

/**
 * Where the site reads its model and prose from, and how the model is turned into
 * something a page can use or an error a person can read. Node-only (fs).
 */
import { resolve } from 'node:path';
import { loadModel, type Problem } from '../model/load-model.ts';
import type { Model } from '../model/schema/model.ts';
import { DriftsbokError } from '../errors.ts';
import { formatProblem } from '../model/format-problem.ts';
import { readSettings } from '../settings.ts';

export interface SitePaths {
  root: string;
  modelDir: string;
  contentDir: string;
}

/** Paths from DRIFTSBOK_MODEL_DIR / DRIFTSBOK_CONTENT_DIR, relative ones resolved from the project root. */
export function sitePaths(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): SitePaths {
  const settings = readSettings(env);
  return {
    root,
    modelDir: resolve(root, settings.DRIFTSBOK_MODEL_DIR),
    contentDir: resolve(root, settings.DRIFTSBOK_CONTENT_DIR ?? 'content'),
  };
}

export class InvalidModelError extends DriftsbokError {
  readonly dir: string;
  readonly problems: Problem[];

  constructor(dir: string, problems: Problem[]) {
    super(`The model in ${dir} is not valid:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.dir = dir;
    this.problems = problems;
  }
}

/** Loads the model or throws an InvalidModelError that lists every problem. */
export function loadModelOrThrow(dir: string): Model {
  const result = loadModel(dir);
  if (!result.ok) throw new InvalidModelError(dir, result.problems);
  return result.model;
}

/**
 * Writes a synthetic model as YAML, one file per section (list sections of large models are split
 * into files of at most `chunk` entries, as a real model split across files would be).
 * Node-only I/O; the model itself comes from the pure `syntheticModel`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { SECTION_NAMES } from '../model/schema/model.ts';
import { syntheticModel } from './synthetic-model.ts';

export function syntheticModelYaml(scale: number, seed = 1, chunk = 500): Map<string, string> {
  const model = syntheticModel(scale, seed);
  const files = new Map<string, string>();
  for (const section of SECTION_NAMES) {
    const value = model[section];
    if (!Array.isArray(value)) {
      files.set(`${section}.yaml`, stringify({ [section]: value }, { lineWidth: 0, aliasDuplicateObjects: false }));
      continue;
    }
    if (value.length === 0) continue;
    for (let i = 0, part = 1; i < value.length; i += chunk, part++) {
      const name = value.length > chunk ? `${section}-${String(part).padStart(3, '0')}.yaml` : `${section}.yaml`;
      files.set(name, stringify({ [section]: value.slice(i, i + chunk) }, { lineWidth: 0, aliasDuplicateObjects: false }));
    }
  }
  return files;
}

/** Writes the YAML files into `dir` (created if missing) and returns their names. */
export function writeSyntheticModel(dir: string, scale: number, seed = 1): string[] {
  mkdirSync(dir, { recursive: true });
  const files = syntheticModelYaml(scale, seed);
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  return [...files.keys()];
}

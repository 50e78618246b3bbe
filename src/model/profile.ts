/**
 * Build profiles. `full` is the model as written; `public` leaves out what the model marks
 * sensitive (internal addresses, user names, access notes, commands, repositories), so a site can
 * be published without them. Pure: the input is never changed.
 */
import type { Model } from './schema/model.ts';
import { KIND_SECTIONS } from './entities.ts';

export type Profile = 'full' | 'public';

/** Entity fields left out of the public profile. */
export const SENSITIVE_FIELDS = ['ip', 'mac', 'user', 'access', 'commands', 'repos', 'reach'] as const;

export function isProfile(value: string): value is Profile {
  return value === 'full' || value === 'public';
}

/** The profile named by DRIFTSBOK_PROFILE (default full); throws on anything else. */
export function profileFromEnv(env: Record<string, string | undefined> = process.env): Profile {
  const value = env.DRIFTSBOK_PROFILE ?? 'full';
  if (!isProfile(value)) throw new Error(`DRIFTSBOK_PROFILE must be "full" or "public", not ${JSON.stringify(value)}`);
  return value;
}

export function applyProfile(model: Model, profile: Profile): Model {
  if (profile === 'full') return model;
  const out: Record<string, unknown> = { ...model };
  for (const [, section] of KIND_SECTIONS) {
    out[section] = (model[section] as unknown as Array<Record<string, unknown>>).map((entity) => {
      const copy: Record<string, unknown> = { ...entity };
      for (const field of SENSITIVE_FIELDS) delete copy[field];
      return copy;
    });
  }
  return out as unknown as Model;
}

/**
 * Equipment that is down in a scenario is one of two things for the person fixing it: switched off
 * or stopped because something it runs on, is powered by or connects through has failed (start it
 * again once that is back), or still running but without something it uses (Frigate's LXC when
 * UniFi Protect is gone: it runs, it just gets no video). Only the first is "equipment that is
 * down"; the second is listed apart, so nobody restarts a container that is running. Pure.
 */
import type { Outcome } from './types.ts';
import { EQUIPMENT_KINDS } from '../model/kinds.ts';

/** Kinds that are equipment: things that are switched on and off (src/model/kinds.ts). */
export { EQUIPMENT_KINDS };

export function isEquipment(key: string): boolean {
  return (EQUIPMENT_KINDS as ReadonlySet<string>).has(key.split(':')[0]!);
}

/**
 * Down, and stopped by it: failed itself, or one of its causes runs through equipment only
 * (guest ← host ← power). A down entity whose every cause passes through a system or a capability
 * is running without what it uses.
 */
export function isStoppedByFailure(outcome: Outcome): boolean {
  return outcome.state === 'down' && outcome.causes.some((cause) => cause.chain.every(isEquipment));
}

import { z } from 'zod';
import { EntityBaseFields, IdSchema } from './common.ts';

/** A Proxmox storage pool. */
export const StorageSchema = z.strictObject({
  ...EntityBaseFields,
  host: IdSchema.meta({ description: 'The host the pool belongs to (a host id).' }),
  kind: z.enum(['local', 'lvm-thin', 'external', 'other']).optional(),
  usedPercent: z.number().min(0).max(100).optional().meta({ description: 'Share used, in percent.' }),
}).meta({ id: 'Storage', description: 'A Proxmox storage pool.' });
export type Storage = z.infer<typeof StorageSchema>;

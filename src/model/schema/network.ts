import { z } from 'zod';
import { ReachFields } from './reach.ts';
import { EntityBaseFields, Ipv4Schema, LabelSchema, LifecycleSchema, LocalizedProseSchema } from './common.ts';

/** A network element: a device, a link between places, or an internet provider. */
export const NetworkSchema = z.strictObject({
  ...EntityBaseFields,
  kind: z
    .enum(['gateway', 'switch', 'access-point', 'camera', 'link', 'isp', 'sdn-zone', 'ont', 'cellular-router'])
    .meta({
      description:
        'gateway, switch, access-point, camera, link (between places), isp, sdn-zone, ont (the fibre terminal where a fibre line ends), cellular-router (a 4G/5G router: write medium: cellular)',
    }),
  status: LifecycleSchema.default('active'),
  vendor: LabelSchema.optional(),
  model: LabelSchema.optional(),
  count: z.number().int().min(1).optional().meta({ description: 'How many identical units this entry stands for.' }),
  medium: z
    .enum(['wireless-mesh', 'fibre', 'copper', 'satellite', 'cellular'])
    .optional()
    .meta({ description: 'wireless-mesh, fibre, copper, satellite, cellular (4G/LTE/5G)' }),
  ip: Ipv4Schema.optional().meta({ description: 'One IPv4 address: shorthand for reach.ips. Sensitive: left out of the public build profile.' }),
  ...ReachFields,
  between: z.array(z.string()).optional().meta({ description: 'For links: the location refs it joins.' }),
  orderStatus: LocalizedProseSchema.optional().meta({ description: 'For ordered things: where the order stands.' }),
}).meta({ id: 'Network', description: 'A network element: a device, a link between places, or an internet provider.' });
export type Network = z.infer<typeof NetworkSchema>;

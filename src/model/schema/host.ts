import { z } from 'zod';
import { ReachFields } from './reach.ts';
import { EntityBaseFields, IdSchema, Ipv4Schema, LabelSchema, LifecycleSchema, LocalizedProseSchema, MacSchema, VersionSchema } from './common.ts';

/** A Proxmox SDN zone on a host. */
export const SdnZoneSchema = z.strictObject({
  id: IdSchema,
  description: LocalizedProseSchema.optional(),
});

/** A physical machine. */
export const HostSchema = z.strictObject({
  ...EntityBaseFields,
  kind: z
    .enum(['proxmox', 'raspberry-pi', 'nas', 'plc', 'other'])
    .meta({ description: 'proxmox, raspberry-pi, nas (network storage), plc (a programmable logic controller: write its fieldProtocol) or other' }),
  status: LifecycleSchema.default('active'),
  hardware: LabelSchema.optional().meta({ description: 'Board or model, e.g. "Raspberry Pi 4 (CM4 on carrier board)".' }),
  ip: Ipv4Schema.optional().meta({ description: 'One IPv4 address: shorthand for reach.ips. Sensitive: left out of the public build profile.' }),
  ...ReachFields,
  mac: MacSchema.optional(),
  os: LabelSchema.optional(),
  kernel: VersionSchema.optional(),
  proxmoxVersion: VersionSchema.optional(),
  sdnZones: z.array(SdnZoneSchema).optional(),
  fieldProtocol: z
    .enum(['modbus-tcp', 'modbus-rtu', 'profinet', 'profibus', 'ethernet-ip', 'bacnet', 'knx', 'opc-ua', 'canopen', 'other'])
    .optional()
    .meta({ description: 'For a PLC: the field protocol it speaks to its sensors and actuators.' }),
  access: LocalizedProseSchema.optional().meta({
    description: 'How one gets in (SSH, console). Sensitive: left out of the public build profile.',
  }),
}).meta({ id: 'Host', description: 'A physical machine.' });
export type Host = z.infer<typeof HostSchema>;

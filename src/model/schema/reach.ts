import { z } from 'zod';
import { Ipv4Schema, LabelSchema, LocalizedProseSchema } from './common.ts';

/**
 * A web interface's address: http or https only, with the host and (where it is not 80/443) the
 * port written out, because that is what a person types into a browser during an outage.
 */
export const WebUiUrlSchema = z
  .string()
  .regex(/^https?:\/\/[^\s/?#]+(?::\d{1,5})?(?:[/?#][^\s]*)?$/i, {
    message: 'must be a web address such as https://10.12.0.205:8006',
  })
  .meta({ description: 'The web interface, with its port when not 80/443: https://10.12.0.205:8006.' });

/**
 * Addresses and how to reach a host, guest or network device. Every part is optional: what the
 * source does not give is left out, and pages and the printed runbook say "not documented" or leave
 * a line to write it in. The whole object is sensitive: the public build profile leaves it out.
 */
export const ReachSchema = z
  .strictObject({
    ips: z
      .array(Ipv4Schema)
      .min(1, { message: 'list at least one address, or leave ips out' })
      .optional()
      .meta({ description: 'Its IPv4 addresses, the one to use first.' }),
    webUi: WebUiUrlSchema.optional(),
    ssh: LabelSchema.optional().meta({
      description: 'How to log in over SSH, as typed: "ssh ronny@10.12.0.145". Leave out what the source does not give (such as the user).',
    }),
    console: LabelSchema.optional().meta({
      description: 'How to get a console without the network, as typed or done: "pct enter 150" (on the Proxmox host).',
    }),
    note: LocalizedProseSchema.optional().meta({ description: 'Anything else about getting in.' }),
  })
  .meta({
    id: 'Reach',
    description:
      'Addresses and how to reach it: IPs, web interface, SSH, console. Every part optional. Sensitive: left out of the public build profile.',
  });
export type Reach = z.infer<typeof ReachSchema>;

/** The field every host, guest and network element may carry. */
export const ReachFields = {
  reach: ReachSchema.optional(),
};

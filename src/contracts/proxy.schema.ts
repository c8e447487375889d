import * as z from 'zod/mini';
import { idSchema } from './common.schema';
import { nomineeViewSchema } from './nominee.schema';

/**
 * The proxy schemas shared by the villagers' proxy contract (proxy.contract.ts), the committee's
 * (proxy-committee.contract.ts) and the stored proxy documents; apart so that the committee
 * function does not bundle the villager actions (issue 12).
 */

export const relationSchema = z.enum(['spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild', 'parentInLaw', 'childInLaw', 'siblingInLaw'], { error: '请选择您和受托人的关系' });

export const proxyStatusSchema = z.enum(['requested', 'declined', 'accepted', 'approved', 'rejected', 'revoked', 'voided', 'used']);
export type ProxyStatus = z.infer<typeof proxyStatusSchema>;

/** One authorization as its principal or proxy sees it. */
export const proxyViewSchema = z.object({
  id: idSchema,
  status: proxyStatusSchema,
  statusLabel: z.string(),
  principal: nomineeViewSchema,
  proxy: nomineeViewSchema,
  relation: relationSchema,
  relationLabel: z.string(),
  awayPlace: z.string(),
  requestedAt: z.string(),
  answeredAt: z.nullable(z.string()),
  decidedAt: z.nullable(z.string()),
  /** Why rejected, declined, voided: plain Chinese. */
  reason: z.nullable(z.string()),
  /** 委托投票证 number once approved. */
  certificateNo: z.nullable(z.string()),
  /** Text the certificate's QR code encodes (certificate number + signature), once approved. */
  certificateQr: z.nullable(z.string()),
  deadline: z.string(),
});
export type ProxyView = z.infer<typeof proxyViewSchema>;

import { z } from "@medusajs/framework/zod"
import { SECURITY_EVENT_KINDS } from "../../../../../modules/customer_activity/models/customer-security-event"

export type AdminGetSecurityEventsParamsType = z.infer<typeof AdminGetSecurityEventsParams>
export const AdminGetSecurityEventsParams = z
  .object({
    kind: z.enum(SECURITY_EVENT_KINDS, { message: `kind: must be one of ${SECURITY_EVENT_KINDS.join(", ")}` }).optional(),
    offset: z.coerce.number({ message: "offset: must be a number" }).int().min(0, { message: "offset: must be 0 or more" }).max(1_000_000).default(0),
    limit: z.coerce.number({ message: "limit: must be a number" }).int().min(1, { message: "limit: must be 1 to 100" }).max(100, { message: "limit: must be 1 to 100" }).default(20),
  })
  .strict()

export type AdminSendPasswordResetType = z.infer<typeof AdminSendPasswordReset>
export const AdminSendPasswordReset = z.object({}).strict()

import { z } from "@medusajs/framework/zod"

const windowMinutes = z.coerce
  .number({ message: "window_minutes: must be a whole number of minutes" })
  .int({ message: "window_minutes: must be a whole number of minutes" })
  .min(1, { message: "window_minutes: at least 1" })
  .max(1_440, { message: "window_minutes: at most 1,440 (a day)" })

export type AdminGetOnlineParamsType = z.infer<typeof AdminGetOnlineParams>
/** GET /admin/customer-suite/online. Window default: activity.presence.online_window_minutes. */
export const AdminGetOnlineParams = z
  .object({
    kind: z.enum(["customer", "visitor"], { message: 'kind: "customer" or "visitor"' }).optional(),
    window_minutes: windowMinutes.optional(),
    q: z.string().trim().max(200, { message: "q: at most 200 characters" }).optional(),
    offset: z.coerce.number().int().min(0).max(1_000_000, { message: "offset: at most 1,000,000" }).default(0),
    limit: z.coerce.number().int().min(1, { message: "limit: at least 1" }).max(200, { message: "limit: at most 200" }).default(50),
  })
  .strict()

export type AdminGetCustomerPresenceParamsType = z.infer<typeof AdminGetCustomerPresenceParams>
/** GET /admin/customers/:id/presence */
export const AdminGetCustomerPresenceParams = z.object({ window_minutes: windowMinutes.optional() }).strict()

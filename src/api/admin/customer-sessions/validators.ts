import { z } from "@medusajs/framework/zod"

export type AdminRevokeSessionsType = z.infer<typeof AdminRevokeSessions>
/** POST /admin/customers/:id/sessions/revoke takes no fields. */
export const AdminRevokeSessions = z.object({}).strict()

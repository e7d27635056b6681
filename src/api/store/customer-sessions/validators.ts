import { z } from "@medusajs/framework/zod"

export type StoreRevokeSessionsType = z.infer<typeof StoreRevokeSessions>
/** POST /store/customers/me/sessions/revoke takes no fields. */
export const StoreRevokeSessions = z.object({}).strict()

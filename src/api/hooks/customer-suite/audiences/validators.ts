import { z } from "@medusajs/framework/zod"

/** The hard bound of the schema; the plugin option personalization.audiences.max_members_per_batch (≤ 10,000) is checked after it. */
const MAX_LIST = 10_000

const member = z
  .object({
    customer_id: z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, { message: "must be a customer id" }).optional(),
    email: z.string().trim().min(3).max(320).email().optional(),
  })
  .strict()
  .refine((m) => (m.customer_id === undefined) !== (m.email === undefined), {
    message: "give either customer_id or email",
  })
  .transform((m) => (m.customer_id !== undefined ? { customer_id: m.customer_id } : { email: m.email! }))

/** A members list: larger than the hard bound is refused by the route before this schema (413). */
const members = z.array(member).max(MAX_LIST).default([])

export type HookAudienceBatchType = z.infer<typeof HookAudienceBatch>
export const HookAudienceBatch = z
  .object({
    batch_id: z.string().trim().min(1).max(200),
    audience: z
      .object({
        id: z.string().trim().min(1).max(200),
        name: z.string().trim().min(1).max(255),
      })
      .strict(),
    add: members,
    remove: members,
  })
  .strict()

export const HOOK_MAX_LIST = MAX_LIST

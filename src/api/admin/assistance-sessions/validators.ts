import { z } from "@medusajs/framework/zod"

const id = (field: string) => z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, { message: `${field}: must be an id (letters, digits, _ and -)` })
const date = (field: string) =>
  z
    .string()
    .refine((v) => !Number.isNaN(new Date(v).getTime()), { message: `${field}: must be an ISO 8601 date or date-time` })
    .transform((v) => new Date(v))

export type AdminStartAssistanceSessionType = z.infer<typeof AdminStartAssistanceSession>
export const AdminStartAssistanceSession = z
  .object({ reason: z.string().max(1000, { message: "reason: at most 1000 characters" }).nullish() })
  .strict()

export type AdminGetAssistanceSessionsParamsType = z.infer<typeof AdminGetAssistanceSessionsParams>
export const AdminGetAssistanceSessionsParams = z
  .object({
    user_id: id("user_id").optional(),
    customer_id: id("customer_id").optional(),
    status: z.enum(["pending", "active", "ended"]).optional(),
    created_after: date("created_after").optional(),
    created_before: date("created_before").optional(),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()

export type AdminEmptyParamsType = z.infer<typeof AdminEmptyParams>
export const AdminEmptyParams = z.object({}).strict()

export type AdminEmptyBodyType = z.infer<typeof AdminEmptyBody>
export const AdminEmptyBody = z.object({}).strict()

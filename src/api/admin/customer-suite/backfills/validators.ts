import { z } from "@medusajs/framework/zod"

export type AdminGetBackfillsParamsType = z.infer<typeof AdminGetBackfillsParams>
export const AdminGetBackfillsParams = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(10),
    offset: z.coerce.number().int().min(0).default(0),
    status: z.enum(["queued", "running", "succeeded", "failed", "canceled"]).optional(),
  })
  .strict()

export const AdminEmptyBackfillParams = z.object({}).strict()

import { z } from "@medusajs/framework/zod"

const name = z.string().trim().min(1, { message: "must not be empty" }).max(255)
const idOf = (field: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, { message: `${field}: must be an id (letters, digits, _ and -)` })
const offset = z.coerce.number().int().min(0).max(10_000_000).default(0)
const limit = z.coerce.number().int().min(1).max(200).default(20)

export type AdminEmptyParamsType = z.infer<typeof AdminEmptyParams>
export const AdminEmptyParams = z.object({}).strict()

export type AdminGetAudienceSourcesParamsType = z.infer<typeof AdminGetAudienceSourcesParams>
export const AdminGetAudienceSourcesParams = z.object({ q: z.string().max(255).optional(), offset, limit }).strict()

export type AdminCreateAudienceSourceType = z.infer<typeof AdminCreateAudienceSource>
export const AdminCreateAudienceSource = z.object({ name }).strict()

export type AdminUpdateAudienceSourceType = z.infer<typeof AdminUpdateAudienceSource>
export const AdminUpdateAudienceSource = z.object({ name: name.optional() }).strict()

export type AdminGetAudienceSourceBatchesParamsType = z.infer<typeof AdminGetAudienceSourceBatchesParams>
export const AdminGetAudienceSourceBatchesParams = z
  .object({ audience_id: idOf("audience_id").optional(), offset, limit })
  .strict()

export type AdminGetAudiencesParamsType = z.infer<typeof AdminGetAudiencesParams>
export const AdminGetAudiencesParams = z
  .object({
    q: z.string().max(255).optional(),
    source_id: z.union([idOf("source_id"), z.array(idOf("source_id")).max(100)]).optional(),
    id: z.union([idOf("id"), z.array(idOf("id")).max(200)]).optional(),
    offset,
    limit,
  })
  .strict()

export type AdminGetAudienceMembersParamsType = z.infer<typeof AdminGetAudienceMembersParams>
export const AdminGetAudienceMembersParams = z.object({ offset, limit: z.coerce.number().int().min(1).max(500).default(50) }).strict()

export type AdminUpdateAudienceType = z.infer<typeof AdminUpdateAudience>
export const AdminUpdateAudience = z.object({ sync_customer_group: z.boolean() }).strict()

import { z } from "@medusajs/framework/zod"
import { createFindParams, createSelectParams } from "@medusajs/medusa/api/utils/validators"

const name = z.string().trim().min(1, { message: "must not be empty" }).max(255)
const description = z.string().trim().max(2000).nullish()
const kind = z.enum(["dynamic", "static"])
const appliesTo = z.enum(["registered", "guests", "both"])
const status = z.enum(["active", "inactive"])
/** The rule AST; its shape, bounds and values are checked by the rule engine, which names the path of each problem. */
const rule = z.record(z.string(), z.unknown())
const query = z.string().max(20_000)
const metadata = z.record(z.string(), z.unknown()).nullish()
/** An id; the message names the field (Medusa's error shows a custom message alone). */
const idOf = (field: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, { message: `${field}: must be an id (letters, digits, _ and -)` })
const id = idOf("id")
const offset = z.coerce.number().int().min(0).max(10_000_000).default(0)
const idsOf = (field: string) => z.array(idOf(field)).max(1_000)

export type AdminGetCustomerSegmentParamsType = z.infer<typeof AdminGetCustomerSegmentParams>
export const AdminGetCustomerSegmentParams = createSelectParams().strict()

export type AdminGetCustomerSegmentsParamsType = z.infer<typeof AdminGetCustomerSegmentsParams>
export const AdminGetCustomerSegmentsParams = createFindParams({ limit: 20, offset: 0 })
  .extend({
    offset,
    limit: z.coerce.number().int().min(1).max(200).default(20),
    q: z.string().max(255).optional(),
    id: z.union([id, z.array(id)]).optional(),
    kind: z.union([kind, z.array(kind)]).optional(),
    status: z.union([status, z.array(status)]).optional(),
    applies_to: z.union([appliesTo, z.array(appliesTo)]).optional(),
    customer_group_id: z.union([idOf("customer_group_id"), z.array(idOf("customer_group_id"))]).optional(),
  })
  .strict()

export type AdminCreateCustomerSegmentType = z.infer<typeof AdminCreateCustomerSegment>
export const AdminCreateCustomerSegment = z
  .object({
    name,
    description,
    kind: kind.optional(),
    applies_to: appliesTo.optional(),
    status: status.optional(),
    rule: rule.optional(),
    query: query.optional(),
    sync_customer_group: z.boolean().optional(),
    metadata,
  })
  .strict()

export type AdminUpdateCustomerSegmentType = z.infer<typeof AdminUpdateCustomerSegment>
/** Everything but `kind` (fixed at creation), each field optional. */
export const AdminUpdateCustomerSegment = AdminCreateCustomerSegment.omit({ kind: true }).partial().strict()

export type AdminParseCustomerSegmentRuleType = z.infer<typeof AdminParseCustomerSegmentRule>
export const AdminParseCustomerSegmentRule = z.object({ query: query.optional(), rule: rule.optional() }).strict()

export type AdminPreviewCustomerSegmentType = z.infer<typeof AdminPreviewCustomerSegment>
export const AdminPreviewCustomerSegment = z
  .object({
    rule: rule.optional(),
    query: query.optional(),
    applies_to: appliesTo.default("both"),
    limit: z.number().int().min(0).max(50).default(10),
  })
  .strict()

export type AdminGetCustomerSegmentMembersParamsType = z.infer<typeof AdminGetCustomerSegmentMembersParams>
export const AdminGetCustomerSegmentMembersParams = z
  .object({
    q: z.string().max(255).optional(),
    offset,
    limit: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict()

export type AdminUpdateCustomerSegmentMembersType = z.infer<typeof AdminUpdateCustomerSegmentMembers>
export const AdminUpdateCustomerSegmentMembers = z
  .object({ add: idsOf("add").optional(), remove: idsOf("remove").optional() })
  .strict()
  .refine((v) => (v.add?.length ?? 0) + (v.remove?.length ?? 0) > 0, {
    message: "add: give customer ids to add or remove",
    path: ["add"],
  })

export type AdminGetCustomerSegmentRunsParamsType = z.infer<typeof AdminGetCustomerSegmentRunsParams>
export const AdminGetCustomerSegmentRunsParams = z
  .object({
    offset,
    limit: z.coerce.number().int().min(1).max(100).default(10),
  })
  .strict()

export type AdminExplainCustomerSegmentParamsType = z.infer<typeof AdminExplainCustomerSegmentParams>
export const AdminExplainCustomerSegmentParams = z.object({ customer_id: idOf("customer_id") }).strict()

export type AdminBackfillCustomerFactsType = z.infer<typeof AdminBackfillCustomerFacts>
export const AdminBackfillCustomerFacts = z
  .object({ batch_size: z.number().int().min(10).max(20_000).default(5_000) })
  .strict()

export type AdminEmptyParamsType = z.infer<typeof AdminEmptyParams>
export const AdminEmptyParams = z.object({}).strict()

import { z } from "@medusajs/framework/zod"
import { isSafeUrl } from "../../../modules/personalization/content-blocks/content"
import { localeTag, placementKey } from "../../store/content-blocks/validators"

/** An id; the message names the field (Medusa's error shows a custom message alone). */
const idOf = (field: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `${field}: must not be empty` })
    .max(100, { message: `${field}: at most 100 characters` })
    .regex(/^[A-Za-z0-9_-]+$/, { message: `${field}: must be an id (letters, digits, _ and -)` })
const idsOf = (field: string) => z.array(idOf(field)).max(100, { message: `${field}: at most 100 ids` })

const format = z.enum(["html", "markdown", "json"], { message: 'format: "html", "markdown" or "json"' })
const content = z
  .string({ message: "content: must be text" })
  .min(1, { message: "content: must not be empty" })
  .max(100_000, { message: "content: at most 100,000 characters" })
const url = (field: string) =>
  z
    .string()
    .trim()
    .max(2000, { message: `${field}: at most 2,000 characters` })
    .refine(isSafeUrl, { message: `${field}: must be an http(s) URL or a path starting with "/"` })
    .nullish()
/** ISO 8601 with a time zone, or a date (midnight UTC); answered as a Date. */
const instant = (field: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2}))?$/, {
      message: `${field}: an ISO 8601 date or time with a time zone, e.g. 2026-12-24T00:00:00Z`,
    })
    .refine((v) => !Number.isNaN(new Date(v).getTime()), { message: `${field}: not a real date` })
    .transform((v) => new Date(v))
    .nullish()

export type AdminCreateContentBlockType = z.infer<typeof AdminCreateContentBlock>
export const AdminCreateContentBlock = z
  .object({
    name: z.string().trim().min(1, { message: "name: must not be empty" }).max(255, { message: "name: at most 255 characters" }),
    placement: placementKey("placement"),
    format: format.optional(),
    content,
    image_url: url("image_url"),
    link_url: url("link_url"),
    shopper_kind: z.enum(["all", "guest", "registered"], { message: 'shopper_kind: "all", "guest" or "registered"' }).optional(),
    target_segment_ids: idsOf("target_segment_ids").optional(),
    target_group_ids: idsOf("target_group_ids").optional(),
    target_audience_ids: idsOf("target_audience_ids").optional(),
    exclude_segment_ids: idsOf("exclude_segment_ids").optional(),
    priority: z
      .number({ message: "priority: must be a number" })
      .int({ message: "priority: must be a whole number" })
      .min(-1_000_000, { message: "priority: at least -1,000,000" })
      .max(1_000_000, { message: "priority: at most 1,000,000" })
      .optional(),
    starts_at: instant("starts_at"),
    ends_at: instant("ends_at"),
    status: z.enum(["active", "inactive"], { message: 'status: "active" or "inactive"' }).optional(),
    locale: localeTag("locale").nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .strict()

export type AdminUpdateContentBlockType = z.infer<typeof AdminUpdateContentBlock>
export const AdminUpdateContentBlock = AdminCreateContentBlock.partial().strict()

const ORDER_FIELDS = ["name", "placement", "priority", "status", "starts_at", "ends_at", "created_at", "updated_at"] as const

export type AdminGetContentBlocksParamsType = z.infer<typeof AdminGetContentBlocksParams>
export const AdminGetContentBlocksParams = z
  .object({
    q: z.string().max(255, { message: "q: at most 255 characters" }).optional(),
    placement: placementKey("placement").optional(),
    status: z.enum(["active", "inactive"], { message: 'status: "active" or "inactive"' }).optional(),
    segment_id: idOf("segment_id").optional(),
    offset: z.coerce.number({ message: "offset: must be a number" }).int().min(0, { message: "offset: at least 0" }).max(10_000_000).default(0),
    limit: z.coerce
      .number({ message: "limit: must be a number" })
      .int({ message: "limit: must be a whole number" })
      .min(1, { message: "limit: at least 1" })
      .max(200, { message: "limit: at most 200" })
      .default(20),
    order: z
      .string()
      .regex(new RegExp(`^-?(${ORDER_FIELDS.join("|")})$`), { message: `order: one of ${ORDER_FIELDS.join(", ")}, optionally after "-"` })
      .optional(),
    fields: z.string().max(2000).optional(),
  })
  .strict()

export type AdminGetContentBlockParamsType = z.infer<typeof AdminGetContentBlockParams>
export const AdminGetContentBlockParams = z.object({ fields: z.string().max(2000).optional() }).strict()

const day = (field: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${field}: a UTC day, YYYY-MM-DD` })
    .refine(
      (v) => {
        const date = new Date(`${v}T00:00:00Z`)
        return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(v)
      },
      { message: `${field}: not a real date` }
    )
    .optional()

export type AdminGetContentBlockStatsParamsType = z.infer<typeof AdminGetContentBlockStatsParams>
export const AdminGetContentBlockStatsParams = z.object({ from: day("from"), to: day("to") }).strict()

export type AdminRenderContentBlockType = z.infer<typeof AdminRenderContentBlock>
export const AdminRenderContentBlock = z.object({ format, content }).strict()

export type AdminPreviewContentBlocksType = z.infer<typeof AdminPreviewContentBlocks>
export const AdminPreviewContentBlocks = z
  .object({
    placement: placementKey("placement").optional(),
    customer_id: idOf("customer_id").optional(),
    cart_id: idOf("cart_id").optional(),
    locale: localeTag("locale").optional(),
    limit: z
      .number({ message: "limit: must be a number" })
      .int({ message: "limit: must be a whole number" })
      .min(1, { message: "limit: at least 1" })
      .max(20, { message: "limit: at most 20" })
      .default(5),
  })
  .strict()

export const AdminEmptyParams = z.object({}).strict()

import { z } from "zod"
import type { AdminContentBlock, AdminCreateContentBlock, AdminRenderContentBlock } from "../../../types/http"
import { fromLocalInput, parseNumber, toLocalInput } from "./group-price-rule"
import { BLOCK_FORMATS, BLOCK_SHOPPER_KINDS, BLOCK_STATUSES } from "../types/content-blocks"

/**
 * The content block form: what its inputs hold (text as typed; dates as
 * `datetime-local` values in the browser's time zone), and the zod schema
 * that turns them into the body the API takes (dates as UTC ISO strings).
 * Only what the page can tell alone is checked; the rest (placement syntax,
 * URLs, sanitising, ids) is the API's to judge, its messages land on the same fields.
 */
export const contentBlockFormSchema = z
  .object({
    name: z.string(),
    placement: z.string(),
    format: z.enum(BLOCK_FORMATS),
    content: z.string(),
    image_url: z.string(),
    link_url: z.string(),
    shopper_kind: z.enum(BLOCK_SHOPPER_KINDS),
    target_segment_ids: z.array(z.string()),
    target_group_ids: z.array(z.string()),
    target_audience_ids: z.array(z.string()),
    exclude_segment_ids: z.array(z.string()),
    priority: z.string(),
    starts_at: z.string(),
    ends_at: z.string(),
    status: z.enum(BLOCK_STATUSES),
    locale: z.string(),
  })
  .transform((form, ctx): AdminCreateContentBlock => {
    const fail = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message })
    const name = form.name.trim()
    if (!name) {
      fail("name", "customerSuite.contentBlocks.form.nameRequired")
    }
    const placement = form.placement.trim()
    if (!placement) {
      fail("placement", "customerSuite.contentBlocks.form.placementRequired")
    }
    if (!form.content.trim()) {
      fail("content", "customerSuite.contentBlocks.form.contentRequired")
    } else if (form.format === "json" && !parsesAsJson(form.content)) {
      fail("content", "customerSuite.contentBlocks.form.jsonInvalid")
    }
    const priority = parseNumber(form.priority)
    if (priority === undefined || (priority !== null && !Number.isInteger(priority))) {
      fail("priority", "customerSuite.contentBlocks.form.priorityInvalid")
    }
    const date = (field: "starts_at" | "ends_at") => {
      const iso = fromLocalInput(form[field])
      if (iso === undefined) {
        fail(field, "customerSuite.contentBlocks.form.dateInvalid")
      }
      return iso ?? null
    }
    const starts_at = date("starts_at")
    const ends_at = date("ends_at")
    if (starts_at && ends_at && ends_at <= starts_at) {
      fail("ends_at", "customerSuite.contentBlocks.form.endsBeforeStart")
    }
    const optional = (text: string) => text.trim() || null
    return {
      name,
      placement,
      format: form.format,
      content: form.content,
      image_url: optional(form.image_url),
      link_url: optional(form.link_url),
      shopper_kind: form.shopper_kind,
      target_segment_ids: form.target_segment_ids,
      target_group_ids: form.target_group_ids,
      target_audience_ids: form.target_audience_ids,
      exclude_segment_ids: form.exclude_segment_ids,
      priority: typeof priority === "number" ? priority : 0,
      starts_at,
      ends_at,
      status: form.status,
      locale: optional(form.locale),
    }
  })

export type ContentBlockForm = z.input<typeof contentBlockFormSchema>

const parsesAsJson = (text: string) => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** The form's values: a saved block's, or a new block's (in a placement, when given). */
export function contentBlockFormValues(block?: AdminContentBlock, placement = ""): ContentBlockForm {
  return {
    name: block?.name ?? "",
    placement: block?.placement ?? placement,
    format: block?.format ?? "html",
    content: block?.content ?? "",
    image_url: block?.image_url ?? "",
    link_url: block?.link_url ?? "",
    shopper_kind: block?.shopper_kind ?? "all",
    target_segment_ids: [...(block?.target_segment_ids ?? [])],
    target_group_ids: [...(block?.target_group_ids ?? [])],
    target_audience_ids: [...(block?.target_audience_ids ?? [])],
    exclude_segment_ids: [...(block?.exclude_segment_ids ?? [])],
    priority: String(block?.priority ?? 0),
    starts_at: toLocalInput(block?.starts_at),
    ends_at: toLocalInput(block?.ends_at),
    status: block?.status ?? "active",
    locale: block?.locale ?? "",
  }
}

/** What the live preview renders: null while there is no content (json is rendered only once it parses). */
export function renderBody(form: Pick<ContentBlockForm, "format" | "content">): AdminRenderContentBlock | null {
  if (!form.content.trim() || form.content.length > 100_000) {
    return null
  }
  if (form.format === "json" && !parsesAsJson(form.content)) {
    return null
  }
  return { format: form.format, content: form.content }
}

/** The fields the form shows an error next to; anything else is shown above the buttons. */
export const PLACED_FIELDS = [
  "name",
  "placement",
  "format",
  "content",
  "image_url",
  "link_url",
  "shopper_kind",
  "target_segment_ids",
  "target_group_ids",
  "target_audience_ids",
  "exclude_segment_ids",
  "priority",
  "starts_at",
  "ends_at",
  "status",
  "locale",
] as const

/** Whether a field's error is shown next to it ("target_segment_ids.3" next to the segment picker). */
export const isPlacedField = (field: string) => PLACED_FIELDS.some((name) => field === name || field.startsWith(`${name}.`))

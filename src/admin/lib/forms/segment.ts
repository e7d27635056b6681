import { z } from "zod"
import type { AdminCreateCustomerSegmentBody, AdminCustomerSegment } from "../../../types/http"
import { SEGMENT_APPLIES_TO, SEGMENT_KINDS, SEGMENT_STATUSES } from "../types/segments"

/** What the details give the API (the rule is added beside them). */
export type SegmentDetails = Pick<AdminCreateCustomerSegmentBody, "name" | "description" | "kind" | "applies_to" | "status" | "sync_customer_group">

/**
 * The segment form's details (the rule is edited beside them, in the builder
 * or as text): what the inputs hold and the zod schema that turns them into
 * what the API takes. A name is the only thing checked here; the API checks the rest.
 */
export const segmentFormSchema = z
  .object({
    name: z.string().trim().min(1, "customerSuite.segments.form.nameRequired"),
    description: z.string(),
    kind: z.enum(SEGMENT_KINDS),
    applies_to: z.enum(SEGMENT_APPLIES_TO),
    status: z.enum(SEGMENT_STATUSES),
    sync_customer_group: z.boolean(),
  })
  .transform(
    (form): SegmentDetails => ({
      name: form.name,
      description: form.description.trim() || null,
      kind: form.kind,
      applies_to: form.applies_to,
      status: form.status,
      sync_customer_group: form.sync_customer_group,
    })
  )

export type SegmentForm = z.input<typeof segmentFormSchema>

/** The form's values: a saved segment's, or a new dynamic one's. */
export const segmentFormValues = (segment?: AdminCustomerSegment): SegmentForm => ({
  name: segment?.name ?? "",
  description: segment?.description ?? "",
  kind: segment?.kind ?? "dynamic",
  applies_to: segment?.applies_to ?? "registered",
  status: segment?.status ?? "active",
  sync_customer_group: segment?.sync_customer_group ?? false,
})

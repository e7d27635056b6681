import { model } from "@medusajs/framework/utils"

/**
 * A segment: a rule over the facts projection (dynamic) or a hand-picked
 * list (static). `attributes` and `relative_dates` are derived from the rule
 * when it is saved: real-time checks re-evaluate only the segments whose
 * attributes changed, and the scheduled job refreshes those with relative dates.
 */
const CustomerSegment = model
  .define("customer_segment", {
    id: model.id({ prefix: "cseg" }).primaryKey(),
    name: model.text().searchable(),
    description: model.text().nullable(),
    kind: model.enum(["dynamic", "static"]).default("dynamic"),
    applies_to: model.enum(["registered", "guests", "both"]).default("both"),
    status: model.enum(["active", "inactive"]).default("active"),
    /** The rule AST (dynamic segments); null for static ones. */
    rule: model.json().nullable(),
    /** The rule's text form, as given or printed. */
    query: model.text().nullable(),
    attributes: model.array(),
    relative_dates: model.boolean().default(false),
    sync_customer_group: model.boolean().default(false),
    /** The customer group mirroring the members, when sync_customer_group is on. */
    customer_group_id: model.text().nullable(),
    member_count: model.number().default(0),
    last_refreshed_at: model.dateTime().nullable(),
    last_refresh_duration_ms: model.number().nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([{ on: ["status", "kind"], where: "deleted_at IS NULL" }])

export default CustomerSegment

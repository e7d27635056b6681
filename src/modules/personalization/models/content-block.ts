import { model } from "@medusajs/framework/utils"

/**
 * A piece of content shown in a placement of the storefront (`home-hero`,
 * `cart-banner`, …) to the shoppers it targets. Targets are id arrays on the
 * row itself, so resolving a placement reads one indexed range of rows
 * (docs/decisions/0020-content-block-resolution.md). `targeted` is derived on
 * save: false when the block is for everybody (no targets, no exclusions,
 * shopper kind "all").
 */
const ContentBlock = model
  .define("content_block", {
    id: model.id({ prefix: "cblock" }).primaryKey(),
    name: model.text().searchable(),
    placement: model.text(),
    format: model.enum(["html", "markdown", "json"]).default("html"),
    /** html: the sanitised HTML; markdown: the text as written; json: the JSON text (it parses). */
    content: model.text(),
    image_url: model.text().nullable(),
    link_url: model.text().nullable(),
    shopper_kind: model.enum(["all", "guest", "registered"]).default("all"),
    target_segment_ids: model.array().default([]),
    target_group_ids: model.array().default([]),
    target_audience_ids: model.array().default([]),
    exclude_segment_ids: model.array().default([]),
    targeted: model.boolean().default(false),
    priority: model.number().default(0),
    starts_at: model.dateTime().nullable(),
    ends_at: model.dateTime().nullable(),
    status: model.enum(["active", "inactive"]).default("active"),
    /** Lower-case language with an optional upper-case region ("de", "de-DE"); null for every locale. */
    locale: model.text().nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([
    // The resolving query: one placement's active blocks, best first.
    { on: ["placement", "status", "priority"], where: "deleted_at IS NULL" },
  ])

export default ContentBlock

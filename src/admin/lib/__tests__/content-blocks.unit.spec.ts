import fs from "node:fs"
import path from "node:path"
import { utcRange } from "../../components/content-blocks/block-stats"
import { previewDocument } from "../../components/content-blocks/rendered-content"
import { contentBlockFormSchema, contentBlockFormValues, isPlacedField, renderBody } from "../forms/content-block"
import { BLOCK_CHECKS, BLOCK_FORMATS, BLOCK_SCHEDULES, BLOCK_SHOPPER_KINDS, BLOCK_STATUSES } from "../types/content-blocks"
import type { AdminContentBlock } from "../../../types/http"

describe("content blocks admin", () => {
  const en = JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "..", "i18n", "json", "en.json"), "utf8"))
  const text = (key: string) => key.split(".").reduce<unknown>((n, p) => (n as Record<string, unknown> | undefined)?.[p], en)

  it("has a text for every value the pages word", () => {
    const keys = [
      ...BLOCK_FORMATS.flatMap((v) => [`customerSuite.contentBlocks.format.${v}`, `customerSuite.contentBlocks.formatHint.${v}`]),
      ...BLOCK_SHOPPER_KINDS.flatMap((v) => [`customerSuite.contentBlocks.shopperKind.${v}`, `customerSuite.contentBlocks.summary.kind.${v}`]),
      ...BLOCK_STATUSES.map((v) => `customerSuite.contentBlocks.status.${v}`),
      ...BLOCK_SCHEDULES.map((v) => `customerSuite.contentBlocks.schedule.${v}`),
      ...BLOCK_CHECKS.map((v) => `customerSuite.contentBlocks.check.${v}`),
      ...["guest", "registered"].map((v) => `customerSuite.contentBlocks.shopper.kind.${v}`),
      ...["startsAt", "endsAt"].map((v) => `customerSuite.contentBlocks.fields.${v}`),
      ...["noStart", "noEnd"].map((v) => `customerSuite.contentBlocks.form.${v}`),
      ...["title", "subtitle", "empty.heading", "empty.description"].map((k) => `customerSuite.contentBlocks.${k}`),
    ]
    expect(keys.filter((k) => typeof text(k) !== "string")).toEqual([])
  })

  const form = (patch: Partial<ReturnType<typeof contentBlockFormValues>> = {}) => ({
    ...contentBlockFormValues(),
    name: " Hero ",
    placement: "home-hero",
    content: "<p>Hi</p>",
    ...patch,
  })

  it("turns the form into the API's body: trimmed, blanks as null, local times as UTC ISO", () => {
    const local = "2026-12-24T09:30"
    const body = contentBlockFormSchema.parse(form({ starts_at: local, priority: "7", image_url: " ", locale: "de-DE", target_segment_ids: ["cseg_1"] }))
    expect(body).toMatchObject({
      name: "Hero",
      placement: "home-hero",
      format: "html",
      image_url: null,
      link_url: null,
      priority: 7,
      locale: "de-DE",
      ends_at: null,
      target_segment_ids: ["cseg_1"],
      shopper_kind: "all",
      status: "active",
    })
    // The browser's local time (whatever the test machine's zone) as an instant in UTC.
    expect(body.starts_at).toBe(new Date(local).toISOString())
    expect(body.starts_at).toMatch(/Z$/)
  })

  it("refuses what the page can tell alone, on the field", () => {
    const result = contentBlockFormSchema.safeParse(
      form({ name: " ", format: "json", content: "{nope", priority: "1.5", starts_at: "2026-12-24T10:00", ends_at: "2026-12-24T09:00" })
    )
    expect(result.success).toBe(false)
    const issues = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]))
    expect(issues).toEqual({
      name: "customerSuite.contentBlocks.form.nameRequired",
      content: "customerSuite.contentBlocks.form.jsonInvalid",
      priority: "customerSuite.contentBlocks.form.priorityInvalid",
      ends_at: "customerSuite.contentBlocks.form.endsBeforeStart",
    })
  })

  it("round-trips a saved block through the form", () => {
    const block = {
      id: "cb_1",
      name: "VIP hero",
      placement: "home-hero",
      format: "markdown",
      content: "# Hi",
      image_url: "/hero.png",
      link_url: null,
      shopper_kind: "registered",
      target_segment_ids: ["cseg_1"],
      target_group_ids: [],
      target_audience_ids: ["aud_1"],
      exclude_segment_ids: ["cseg_2"],
      targeted: true,
      priority: 10,
      starts_at: "2026-12-01T00:00:00.000Z",
      ends_at: null,
      status: "inactive",
      locale: null,
      metadata: null,
      schedule: "scheduled",
      created_at: "2026-11-01T00:00:00.000Z",
      updated_at: "2026-11-01T00:00:00.000Z",
    } satisfies AdminContentBlock
    const body = contentBlockFormSchema.parse(contentBlockFormValues(block))
    expect(body).toMatchObject({
      name: "VIP hero",
      format: "markdown",
      image_url: "/hero.png",
      shopper_kind: "registered",
      target_audience_ids: ["aud_1"],
      exclude_segment_ids: ["cseg_2"],
      priority: 10,
      starts_at: "2026-12-01T00:00:00.000Z",
      status: "inactive",
      locale: null,
    })
  })

  it("renders nothing without content, and JSON only once it parses", () => {
    expect(renderBody({ format: "html", content: "  " })).toBeNull()
    expect(renderBody({ format: "json", content: '{"a":' })).toBeNull()
    expect(renderBody({ format: "json", content: '{"a":1}' })).toEqual({ format: "json", content: '{"a":1}' })
  })

  it("places the API's errors on their fields, array items on the picker", () => {
    expect(isPlacedField("target_segment_ids.2")).toBe(true)
    expect(isPlacedField("placement")).toBe(true)
    expect(isPlacedField("metadata")).toBe(false)
  })

  it("escapes the image and link URLs it puts in the preview document", () => {
    const doc = previewDocument({ html: "<p>x</p>", imageUrl: '/a.png"><script>alert(1)</script>', linkUrl: null, linkText: "Link" })
    expect(doc).not.toContain("<script>")
    expect(doc).toContain("&quot;&gt;&lt;script&gt;")
  })

  it("asks the stats for UTC days, today included", () => {
    expect(utcRange(7, new Date("2026-12-02T23:30:00-05:00"))).toEqual({ from: "2026-11-27", to: "2026-12-03" })
    expect(utcRange(1, new Date("2026-12-02T00:10:00Z"))).toEqual({ from: "2026-12-02", to: "2026-12-02" })
  })
})

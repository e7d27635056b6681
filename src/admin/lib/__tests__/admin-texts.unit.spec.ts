import fs from "node:fs"
import path from "node:path"
import { OPERATORS_BY_TYPE } from "../../../modules/customer_segment/rules/registry"
import type { AdminCustomerSegmentMember, AdminCustomerSegmentRun, ValueType } from "../../../types/http"
import { allValues } from "../all-values"
import { BOOLEAN_FILTERS, BULK_ACTIONS, BULK_STATUSES, DATE_FILTERS, LIST_FILTERS } from "../customer-grid"
import { CUSTOMER_GRID_COLUMNS } from "../../../types/http/customer-grid"
import { ACTION_WORDS, ID_KINDS } from "../assistance-actions"
import { GROUP_MODES, OPPOSITE } from "../negation"
import { operatorFamily } from "../../components/segments/operator-family"
import { RULE_STATES } from "../group-pricing"
import { END_REASONS, SESSION_STATUSES } from "../types/assistance"
import { ADJUSTMENT_TYPES, RULE_STATUSES, SCOPE_TYPES } from "../types/group-pricing"
import { SEGMENT_APPLIES_TO, SEGMENT_KINDS, SEGMENT_STATUSES } from "../types/segments"
import { ACTIVITY_FIELDS, ACTIVITY_FORMS, ASSISTANCE_KEYS, CONSENT_MODES, type ActivityField } from "../types/settings"

describe("admin texts", () => {
  const admin = path.resolve(__dirname, "..", "..")
  const en = JSON.parse(fs.readFileSync(path.join(admin, "i18n", "json", "en.json"), "utf8"))
  const has = (key: string) => {
    const parts = key.split(".")
    let node: unknown = en
    for (const part of parts) {
      node = (node as Record<string, unknown> | undefined)?.[part]
    }
    if (typeof node === "string") {
      return true
    }
    // Plurals: key_one / key_other.
    const parent = parts.slice(0, -1).reduce<unknown>((n, p) => (n as Record<string, unknown> | undefined)?.[p], en) as Record<string, unknown> | undefined
    return typeof parent?.[`${parts[parts.length - 1]}_other`] === "string"
  }
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? (e.name === "__tests__" ? [] : files(path.join(dir, e.name))) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []
    )

  it("has an English text for every literal key the admin uses", () => {
    const missing: string[] = []
    for (const file of files(admin)) {
      const source = fs.readFileSync(file, "utf8")
      for (const match of source.matchAll(/["`](customerSuite\.[A-Za-z0-9_.]+)["`]/g)) {
        if (!has(match[1])) {
          missing.push(`${path.relative(admin, file)}: ${match[1]}`)
        }
      }
    }
    expect(missing).toEqual([])
  })

  it("has every key built from a value", () => {
    const keys = [
      ...SEGMENT_KINDS.flatMap((k) => [`customerSuite.segments.kind.${k}`, `customerSuite.segments.kindHint.${k}`]),
      ...SEGMENT_APPLIES_TO.map((k) => `customerSuite.segments.appliesTo.${k}`),
      ...SEGMENT_STATUSES.map((k) => `customerSuite.segments.status.${k}`),
      ...allValues<AdminCustomerSegmentRun["status"]>()(["queued", "running", "succeeded", "failed"]).map((k) => `customerSuite.segments.runStatus.${k}`),
      ...allValues<AdminCustomerSegmentRun["trigger"]>()(["manual", "saved", "schedule", "backfill", "dependency"]).map((k) => `customerSuite.segments.trigger.${k}`),
      ...allValues<AdminCustomerSegmentMember["membership"]["source"]>()(["rule", "manual"]).map((k) => `customerSuite.segments.members.source.${k}`),
      ...["customer_group", "segment", "audience", "country", "product", "collection", "category", "product_type"].flatMap((p) => [
        `customerSuite.segments.pickers.${p}.choose`,
        `customerSuite.segments.pickers.${p}.search`,
      ]),
      ...["product", "collection", "category", "product_type"].map((p) => `customerSuite.segments.purchases.${p}`),
      ...["d", "w", "m", "y"].flatMap((u) => [`customerSuite.segments.dates.units.${u}`, `customerSuite.segments.dates.ago_${u}`]),
      ...["all", "any", "not_all", "not_any"].map((k) => `customerSuite.segments.summary.${k}`),
      ...GROUP_MODES.flatMap((k) => [`customerSuite.segments.builder.mode.${k}`, `customerSuite.segments.builder.groupLabel.${k}`]),
      ...["builder", "text"].map((k) => `customerSuite.segments.form.${k}`),
      ...["relative", "absolute", "today"].map((k) => `customerSuite.segments.dates.${k}`),
      ...["anyTime", "since", "until", "between"].map((k) => `customerSuite.segments.money.${k}`),
      ...["segments", "groupPricing", "assistance.log"].flatMap((list) =>
        ["title", "subtitle", "empty.heading", "empty.description"].map((k) => `customerSuite.${list}.${k}`)
      ),
      ...["product_ids", "collection_ids", "category_ids", "type_ids"].map((k) => `customerSuite.segments.summary.filter_${k}`),
      ...["customer", "product"].flatMap((type) =>
        ["title", "hint", "empty", "createTitle", "editTitle", "defaultHint"].map((k) => `customerSuite.taxClasses.types.${type}.${k}`)
      ),
      ...["customer_group", "product"].map((kind) => `customerSuite.taxClasses.widget.hint.${kind}`),
      ...ADJUSTMENT_TYPES.flatMap((v) => [
        `customerSuite.groupPricing.adjustmentType.${v}`,
        `customerSuite.groupPricing.adjustmentHint.${v}`,
        `customerSuite.groupPricing.adjustment.${v}`,
      ]),
      ...ADJUSTMENT_TYPES.filter((v) => v !== "percentage").map((v) => `customerSuite.groupPricing.fields.amounts_${v}`),
      ...SCOPE_TYPES.flatMap((v) => [`customerSuite.groupPricing.scopeType.${v}`, `customerSuite.groupPricing.scope.${v}`]),
      ...RULE_STATUSES.map((v) => `customerSuite.groupPricing.status.${v}`),
      ...RULE_STATES.map((v) => `customerSuite.groupPricing.state.${v}`),
      ...SESSION_STATUSES.map((v) => `customerSuite.assistance.status.${v}`),
      ...END_REASONS.map((v) => `customerSuite.assistance.endReason.${v}`),
      ...ASSISTANCE_KEYS.flatMap((k) => [`customerSuite.assistance.settings.${k}.label`, `customerSuite.assistance.settings.${k}.hint`]),
      ...CONSENT_MODES.map((v) => `customerSuite.assistance.settings.consentMode.${v}`),
      ...ACTIVITY_FORMS.flatMap((form) => [
        `customerSuite.activity.settings.groups.${form}.title`,
        `customerSuite.activity.settings.groups.${form}.hint`,
        ...(ACTIVITY_FIELDS[form] as readonly ActivityField[]).flatMap((field) => [
          `customerSuite.activity.settings.${form}.${field.key}.label`,
          `customerSuite.activity.settings.${form}.${field.key}.hint`,
          ...(field.choices ?? []).map((value) => `customerSuite.activity.settings.choices.${field.key}.${value}`),
        ]),
      ]),
      ...ACTION_WORDS.map((k) => `customerSuite.assistance.actions.what.${k}`),
      ...ID_KINDS.map((k) => `customerSuite.assistance.actions.kind.${k}`),
      ...["refreshed", "static", "perCart"].flatMap((k) => [
        `customerSuite.segments.neverRefreshed.${k}`,
        `customerSuite.segments.members.hint.${k}`,
        `customerSuite.segments.members.emptyHeading.${k}`,
        `customerSuite.segments.members.empty.${k}`,
      ]),
      ...["static", "perCart"].map((k) => `customerSuite.segments.membership.${k}`),
      ...["customer_group", "segment", "audience", "product", "collection", "category", "product_type"].map((k) => `customerSuite.segments.form.idKind.${k}`),
      ...CUSTOMER_GRID_COLUMNS.map((k) => `customerSuite.customerGrid.columns.${k}`),
      ...[...LIST_FILTERS, ...BOOLEAN_FILTERS, ...DATE_FILTERS, "orders_count", "amount_spent", "gte", "lte"].map((k) => `customerSuite.customerGrid.filters.${k}`),
      ...BULK_ACTIONS.map((k) => `customerSuite.customerGrid.bulk.actions.${k}`),
      ...BULK_STATUSES.map((k) => `customerSuite.customerGrid.bulk.status.${k}`),
      ...["group", "segment"].flatMap((k) => [
        `customerSuite.customerGrid.bulk.target.${k}`,
        `customerSuite.customerGrid.bulk.target.choose_${k}`,
        `customerSuite.customerGrid.bulk.target.none_${k}`,
      ]),
    ]
    expect(keys.filter((k) => !has(k))).toEqual([])
  })

  it("words every operator of every attribute type", () => {
    const missing = (Object.entries(OPERATORS_BY_TYPE) as [ValueType, readonly string[]][]).flatMap(([type, operators]) =>
      operators.map((o) => `customerSuite.segments.operators.${operatorFamily(type)}.${o}`).filter((k) => !has(k))
    )
    expect(missing).toEqual([])
  })

  it("words every negated operator without an opposite (\"is not between\")", () => {
    const missing = (Object.entries(OPERATORS_BY_TYPE) as [ValueType, readonly string[]][]).flatMap(([type, operators]) =>
      operators
        .filter((o) => !OPPOSITE[o])
        .map((o) => `customerSuite.segments.negatedOperators.${operatorFamily(type)}.${o}`)
        .filter((k) => !has(k))
    )
    expect(missing).toEqual([])
  })
})

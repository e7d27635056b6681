import type { AdminCustomerSegmentAttribute as Attribute, Condition, ValuePicker } from "../../types/http"
import type { FieldErrors } from "./field-errors"

/**
 * A rule as the builder holds it: the API's rule tree (RuleNode), with any
 * operator and value while the merchant is still choosing them. The API
 * checks it (a request's `rule` is any JSON object) and names what is wrong;
 * a rule the API answers is one too.
 */
export type DraftCondition = Omit<Condition, "operator" | "value"> & { operator: string; value?: unknown }
export type DraftRule = { all: DraftRule[] } | { any: DraftRule[] } | { not: DraftRule } | DraftCondition

/**
 * The rule builder's tree. It mirrors the rule AST, with a stable key per
 * node for React and NOT folded into a `negated` flag (a NOT of a NOT keeps
 * an explicit group, so nothing is lost on the way back).
 */
export type BuilderCondition = {
  key: string
  type: "condition"
  negated: boolean
  attribute: string
  operator: string
  value: unknown
}
export type BuilderGroup = {
  key: string
  type: "group"
  negated: boolean
  op: "all" | "any"
  children: BuilderNode[]
}
export type BuilderNode = BuilderCondition | BuilderGroup

let counter = 0
export const newKey = () => `n${++counter}`

export const emptyGroup = (op: "all" | "any" = "all"): BuilderGroup => ({
  key: newKey(),
  type: "group",
  negated: false,
  op,
  children: [],
})

const fromNode = (node: DraftRule, negated: boolean): BuilderNode => {
  if ("not" in node) {
    if (!negated) {
      return fromNode(node.not, true)
    }
    // NOT NOT x: an explicit negated group around the inner NOT.
    return { key: newKey(), type: "group", negated: true, op: "all", children: [fromNode(node.not, true)] }
  }
  if ("all" in node || "any" in node) {
    const op = "all" in node ? "all" : "any"
    const children = "all" in node ? node.all : node.any
    return { key: newKey(), type: "group", negated, op, children: children.map((c) => fromNode(c, false)) }
  }
  return {
    key: newKey(),
    type: "condition",
    negated,
    attribute: node.attribute,
    operator: node.operator,
    value: node.value,
  }
}

/** The builder tree of a rule; the root is always a group ("none of" the following when the rule is NOT of a group). */
export function fromRule(rule: DraftRule | null | undefined): BuilderGroup {
  if (!rule) {
    return emptyGroup()
  }
  const node = fromNode(rule, false)
  if (node.type === "group") {
    return node
  }
  return { ...emptyGroup(), children: [node] }
}

export type RulePaths = Map<string, string>

/** The rule AST of a builder tree, and where each builder node sits in it (for error messages). */
export function toRule(root: BuilderGroup): { rule: DraftRule; paths: RulePaths } {
  const paths: RulePaths = new Map()
  const walk = (node: BuilderNode, path: (string | number)[]): DraftRule => {
    const inner = node.negated ? [...path, "not"] : path
    paths.set(node.key, ["rule", ...inner].join("."))
    let ast: DraftRule
    if (node.type === "group") {
      const children = node.children.map((child, i) => walk(child, [...inner, node.op, i]))
      ast = node.op === "all" ? { all: children } : { any: children }
    } else {
      ast = takesValue(node.operator)
        ? { attribute: node.attribute, operator: node.operator, value: node.value }
        : { attribute: node.attribute, operator: node.operator }
    }
    return node.negated ? { not: ast } : ast
  }
  return { rule: walk(root, []), paths }
}

export const countConditions = (node: BuilderNode): number =>
  node.type === "condition" ? 1 : node.children.reduce((n, c) => n + countConditions(c), 0)

/** Pickers whose values are ids (country codes for countries) that the builder and summaries show by name. */
const ID_PICKERS: ReadonlySet<string> = new Set<ValuePicker>(["customer_group", "country", "segment", "audience"])

/** The picker of an attribute whose values are ids to show by name (customer groups, countries, segments, audiences). */
export const idPickerOf = (attribute: Pick<Attribute, "picker"> | undefined): ValuePicker | undefined =>
  attribute?.picker && ID_PICKERS.has(attribute.picker) ? attribute.picker : undefined

export const takesValue = (operator: string) => operator !== "exists" && operator !== "not_exists"
export const isListOperator = (operator: string) => operator === "in" || operator === "not_in"

/** A sensible starting value for an attribute and operator (an incomplete one is reported by the API). */
export function defaultValue(attribute: Attribute | undefined, operator: string, currency: string): unknown {
  if (!attribute || !takesValue(operator)) {
    return undefined
  }
  const one = (): unknown => {
    switch (attribute.type) {
      case "money":
        return { amount: null, currency_code: currency }
      case "date":
        return "-30d"
      case "boolean":
        return true
      case "number":
        return null
      case "purchases":
        return { [filterKeyOf(attribute)]: [] }
      default:
        return ""
    }
  }
  if (isListOperator(operator)) {
    return []
  }
  if (operator === "between") {
    return [one(), one()]
  }
  return one()
}

const filterKeyOf = (attribute: Attribute) =>
  attribute.picker === "collection" ? "collection_ids" : attribute.picker === "category" ? "category_ids" : "product_ids"

/** Keeps what it can of a value when the operator changes (a single value becomes a list, and back). */
export function convertValue(attribute: Attribute | undefined, from: string, to: string, value: unknown, currency: string): unknown {
  if (!takesValue(to)) {
    return undefined
  }
  const fresh = defaultValue(attribute, to, currency)
  if (!takesValue(from) || value === undefined) {
    return fresh
  }
  if (attribute?.type === "purchases") {
    return value
  }
  const first = Array.isArray(value) ? value[0] : value
  if (isListOperator(to)) {
    return Array.isArray(value) ? value : first === "" || first === null ? [] : [first]
  }
  if (to === "between") {
    return Array.isArray(value) && value.length === 2 && !isListOperator(from) ? value : [first ?? null, first ?? null]
  }
  return first ?? fresh
}

/**
 * The errors that belong to each builder node: the node with the longest
 * path that prefixes the error's field; the others (naming no node) apart.
 */
export function errorsByNode(errors: FieldErrors, paths: RulePaths): { byKey: Record<string, string[]>; rest: string[] } {
  const byKey: Record<string, string[]> = {}
  const rest: string[] = []
  for (const [field, message] of Object.entries(errors)) {
    if (!field.startsWith("rule")) {
      continue
    }
    let best: { key: string; length: number } | null = null
    for (const [key, path] of paths) {
      if ((field === path || field.startsWith(`${path}.`)) && (!best || path.length > best.length)) {
        best = { key, length: path.length }
      }
    }
    // The API's rule messages name the attribute by its label in one sentence: shown as they come, without their path.
    if (best) {
      byKey[best.key] = [...(byKey[best.key] ?? []), message]
    } else {
      rest.push(message)
    }
  }
  return { byKey, rest }
}

export function parseSyntaxError(message: string | undefined): { line: number; column: number; text: string } | null {
  const match = /Line (\d+), column (\d+): (.*)$/s.exec(message ?? "")
  return match ? { line: Number(match[1]), column: Number(match[2]), text: match[3] } : null
}

/** Whether a value is still being typed: empty text, no choice, no amount (checked before the API sees it). */
export function isIncomplete(value: unknown): boolean {
  if (value === undefined || value === null) {
    return true
  }
  if (typeof value === "string") {
    return value.trim() === ""
  }
  if (typeof value === "number") {
    return !Number.isFinite(value)
  }
  if (Array.isArray(value)) {
    return value.length === 0 || value.some(isIncomplete)
  }
  if (typeof value === "object") {
    const record = value as Record<string, unknown>
    if ("currency_code" in record) {
      return isIncomplete(record.amount) || isIncomplete(record.currency_code)
    }
    const ids = ["product_ids", "collection_ids", "category_ids", "type_ids"].find((k) => k in record)
    return ids ? isIncomplete(record[ids]) : false
  }
  return false
}

/** The conditions of a tree whose value is incomplete. */
export function incompleteConditions(root: BuilderGroup): string[] {
  const keys: string[] = []
  const walk = (node: BuilderNode) => {
    if (node.type === "group") {
      node.children.forEach(walk)
    } else if (takesValue(node.operator) && isIncomplete(node.value)) {
      keys.push(node.key)
    }
  }
  walk(root)
  return keys
}

/** Only amount spent and products purchased take dates on their values: other attributes drop them. */
export function keepValueFor(attribute: Attribute, value: unknown): unknown {
  const windowed = attribute.name === "amount_spent" || attribute.name === "products_purchased"
  const strip = (v: unknown): unknown => {
    if (windowed || !v || typeof v !== "object" || Array.isArray(v)) {
      return Array.isArray(v) ? v.map(strip) : v
    }
    const { since: _since, until: _until, ...rest } = v as Record<string, unknown>
    return rest
  }
  return strip(value)
}

/**
 * Metadata values are typed: for = and != a number or true/false written
 * exactly so ("42", "true") is stored as such, anything else ("00123") as
 * text; CONTAINS and STARTS WITH always take text.
 */
export function metadataValue(attribute: Attribute, operator: string, text: string): unknown {
  if (attribute.type !== "metadata" || operator === "contains" || operator === "not_contains" || operator === "starts_with") {
    return text
  }
  if (text === "true" || text === "false") {
    return text === "true"
  }
  return text.trim() !== "" && String(Number(text)) === text ? Number(text) : text
}

// ---------------------------------------------------------------- tree edits

/** The condition with this key, if any. */
export function findCondition(node: BuilderNode, key: string): BuilderCondition | undefined {
  if (node.type === "condition") {
    return node.key === key ? node : undefined
  }
  for (const child of node.children) {
    const found = findCondition(child, key)
    if (found) {
      return found
    }
  }
  return undefined
}

export function updateNode(root: BuilderGroup, key: string, change: (node: BuilderNode) => BuilderNode | null): BuilderGroup {
  const walk = (node: BuilderNode): BuilderNode | null => {
    if (node.key === key) {
      return change(node)
    }
    if (node.type === "group") {
      const children = node.children.map(walk).filter((c): c is BuilderNode => c !== null)
      return { ...node, children }
    }
    return node
  }
  return (walk(root) as BuilderGroup | null) ?? emptyGroup()
}

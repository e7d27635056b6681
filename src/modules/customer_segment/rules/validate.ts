import { z } from "@medusajs/framework/zod"
import {
  MAX_CONDITIONS,
  MAX_DEPTH,
  OPERATORS,
  type Condition,
  type ConditionValue,
  type RuleNode,
} from "./ast"
import { findAttribute, operatorsOf, singleSchema } from "./registry"
import { OPERATOR_SPELLING } from "./spelling"
import { conditionValueSchema, describeValue } from "./values"

export type RuleIssue = { path: (string | number)[]; message: string }

export type RuleValidation =
  | { success: true; rule: RuleNode }
  | { success: false; issues: RuleIssue[] }

const ConditionShape = z
  .object({
    attribute: z.string().min(1).max(200),
    operator: z.string(),
    value: z.unknown().optional(),
  })
  .strict()

const GROUP_KEYS = ["all", "any", "not"] as const

/**
 * Checks a rule from outside (an API body, a stored rule) and returns it with
 * values normalised (lower-cased where the attribute ignores case, currency
 * codes in lower case). Every problem is reported with its path.
 */
export function validateRule(input: unknown): RuleValidation {
  const issues: RuleIssue[] = []
  let conditions = 0

  const walk = (node: unknown, path: (string | number)[], depth: number): RuleNode | null => {
    if (depth > MAX_DEPTH) {
      issues.push({ path, message: `rules may nest at most ${MAX_DEPTH} levels` })
      return null
    }
    if (!node || typeof node !== "object" || Array.isArray(node)) {
      issues.push({ path, message: "must be a group ({ all }, { any }, { not }) or a condition ({ attribute, operator, value })" })
      return null
    }
    const keys = Object.keys(node)
    const group = GROUP_KEYS.find((k) => k in node)
    if (group) {
      if (keys.length !== 1) {
        issues.push({ path, message: `a "${group}" group has no other keys (found ${keys.filter((k) => k !== group).join(", ")})` })
        return null
      }
      const body = (node as Record<string, unknown>)[group]
      if (group === "not") {
        const child = walk(body, [...path, "not"], depth + 1)
        return child && { not: child }
      }
      if (!Array.isArray(body) || body.length === 0) {
        issues.push({ path: [...path, group], message: `"${group}" must be a non-empty list of rules` })
        return null
      }
      const children = body.map((child, i) => walk(child, [...path, group, i], depth + 1))
      if (children.some((c) => c === null)) {
        return null
      }
      return group === "all" ? { all: children as RuleNode[] } : { any: children as RuleNode[] }
    }
    conditions += 1
    if (conditions === MAX_CONDITIONS + 1) {
      issues.push({ path, message: `rules may have at most ${MAX_CONDITIONS} conditions` })
    }
    return checkCondition(node, path, issues)
  }

  const rule = walk(input, [], 1)
  if (issues.length || !rule) {
    return { success: false, issues }
  }
  return { success: true, rule }
}

/** Zod's own wording for a value of the wrong kind: replaced by what the condition takes. */
const GENERIC = new Set(["invalid_type", "invalid_union", "invalid_value"])

/**
 * One sentence naming the attribute by its label: what is wrong with the
 * value (the schema's own words, e.g. "BETWEEN needs the smaller value
 * first"), or, for a value of the wrong kind, what the condition takes.
 */
function valueMessage(
  label: string,
  definition: { name: string; type: Parameters<typeof describeValue>[1] },
  operator: Condition["operator"],
  issue: { code: string; message: string; path: PropertyKey[] }
): string {
  const field = issue.path.length ? `${label} (${issue.path.map(String).join(".")})` : label
  return GENERIC.has(issue.code)
    ? `${field}: ${OPERATOR_SPELLING[operator]} needs ${describeValue(definition.name, definition.type, operator)}`
    : `${field}: ${issue.message}`
}

export function checkCondition(
  node: object,
  path: (string | number)[],
  issues: RuleIssue[]
): Condition | null {
  const shape = ConditionShape.safeParse(node)
  if (!shape.success) {
    for (const issue of shape.error.issues) {
      const key = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : issue.path.join(".")
      issues.push({
        path: issue.code === "unrecognized_keys" ? path : [...path, ...issue.path.map(String)],
        message:
          issue.code === "unrecognized_keys"
            ? `unknown key(s) ${key}: a condition has attribute, operator and value`
            : `${key || "condition"}: ${issue.message}`,
      })
    }
    return null
  }
  const { attribute, operator, value } = shape.data
  const definition = findAttribute(attribute)
  if (!definition) {
    issues.push({ path: [...path, "attribute"], message: `unknown attribute "${attribute}"` })
    return null
  }
  if (!(OPERATORS as readonly string[]).includes(operator)) {
    issues.push({ path: [...path, "operator"], message: `unknown operator "${operator}"; operators are ${OPERATORS.join(", ")}` })
    return null
  }
  const allowed = operatorsOf(definition)
  if (!allowed.includes(operator as Condition["operator"])) {
    issues.push({
      path: [...path, "operator"],
      message: `operator "${operator}" does not apply to ${definition.label} (${attribute}, ${definition.type}); use one of ${allowed.join(", ")}`,
    })
    return null
  }
  const op = operator as Condition["operator"]
  const schema = conditionValueSchema(definition, singleSchema(definition), op)
  if (!schema) {
    if (value !== undefined && value !== null) {
      issues.push({ path: [...path, "value"], message: `${definition.label}: ${OPERATOR_SPELLING[op]} takes no value` })
      return null
    }
    return { attribute, operator: op }
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    issues.push({ path: [...path, "value"], message: valueMessage(definition.label, definition, op, parsed.error.issues[0]) })
    return null
  }
  return { attribute, operator: op, value: parsed.data as ConditionValue }
}

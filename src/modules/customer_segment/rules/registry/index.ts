import type { z } from "@medusajs/framework/zod"
import { POSITIVE_OF, type ConditionValue, type NegativeOperator, type Operator } from "../ast"
import type { CustomerFacts, EvaluationContext } from "../facts"
import { TYPE_OPERATORS, type Operands, type ValueType } from "../operators"
import { typeSchema } from "../values"
import { activityAttributes } from "./activity"
import { audienceAttributes } from "./audiences"
import { cartAttributes } from "./cart"
import { METADATA_KEY, METADATA_PREFIX, customerAttributes, metadataAttribute, metadataKey } from "./customer"
import type { AnyAttributeEntry, AttributeEntry, FactName, ValuePicker } from "./define"
import { orderAttributes } from "./orders"
import { segmentAttributes } from "./segments"

export type { AttributeEntry, FactName, ValuePicker } from "./define"
export { METADATA_PREFIX } from "./customer"
export { abandonedCutoff } from "./cart"
export { amountSpent, dateWindow } from "./orders"

/** Every attribute a rule can read, by name (`metadata.<key>` aside, see findAttribute). */
export const REGISTRY = {
  ...customerAttributes,
  ...orderAttributes,
  ...cartAttributes,
  ...segmentAttributes,
  ...audienceAttributes,
  ...activityAttributes,
} satisfies Record<string, AnyAttributeEntry>

export type AttributeName = keyof typeof REGISTRY

/** A registry entry with its name. */
export type AttributeDefinition = AnyAttributeEntry & { name: string }

export const ATTRIBUTES: readonly AttributeDefinition[] = (Object.keys(REGISTRY) as AttributeName[]).map(
  (name) => ({ name, ...REGISTRY[name] }) as AttributeDefinition
)

const byName = new Map(ATTRIBUTES.map((a) => [a.name, a]))

const NEGATION_OF = Object.fromEntries(
  Object.entries(POSITIVE_OF).map(([negative, positive]) => [positive, negative])
) as Partial<Record<Operator, NegativeOperator>>

/** The operators each type takes: each positive one, followed by its negation when it has one. */
export const OPERATORS_BY_TYPE = {} as Record<ValueType, readonly Operator[]>
for (const type of Object.keys(TYPE_OPERATORS) as ValueType[]) {
  OPERATORS_BY_TYPE[type] = TYPE_OPERATORS[type].flatMap((op): Operator[] =>
    NEGATION_OF[op] ? [op, NEGATION_OF[op]!] : [op]
  )
}

/** The operators an attribute takes: its type's, less those it opts out of. */
export const operatorsOf = (definition: AttributeDefinition): readonly Operator[] =>
  OPERATORS_BY_TYPE[definition.type].filter(
    (op) => !definition.without?.some((positive) => op === positive || op === NEGATION_OF[positive])
  )

/** The definition of an attribute name, including `metadata.<key>`; undefined when unknown. */
export function findAttribute(name: string): AttributeDefinition | undefined {
  const known = byName.get(name)
  if (known) {
    return known
  }
  if (name.startsWith(METADATA_PREFIX) && METADATA_KEY.test(metadataKey(name))) {
    const key = metadataKey(name)
    return {
      ...metadataAttribute,
      name,
      label: `Metadata: ${key}`,
      description: `The value of the customer's metadata key "${key}".`,
    }
  }
  return undefined
}

/** The attribute of a condition; throws for an unknown one (a rule that skipped validation). */
export function attributeOf(name: string): AttributeDefinition {
  const definition = findAttribute(name)
  if (!definition) {
    throw new Error(`unknown attribute "${name}"`)
  }
  return definition
}

export const isAttributeName = (name: string) =>
  /^[a-z][a-z0-9_]*$/.test(name) || (name.startsWith(METADATA_PREFIX) && METADATA_KEY.test(metadataKey(name)))

/** The schema of one value of an attribute. */
export const singleSchema = (definition: AttributeDefinition): z.ZodType =>
  definition.single?.() ?? typeSchema(definition.type, definition.name)

/** An attribute as the admin builder and the API describe it. */
export type AttributeDescription = {
  name: string
  type: ValueType
  label: string
  description: string
  guest: boolean
  /**
   * Reads only the shopper's current cart, which exists when the store API is
   * asked with a cart; a refresh sees an empty one (no stored facts).
   */
  current_cart: boolean
  case_insensitive?: boolean
  picker?: ValuePicker
  moves_with_time?: boolean
  operators: readonly Operator[]
}

export const describeAttribute = (definition: AttributeDefinition): AttributeDescription => ({
  name: definition.name,
  type: definition.type,
  label: definition.label,
  description: definition.description,
  guest: definition.guest,
  current_cart: definition.facts.length === 0,
  ...(definition.case_insensitive !== undefined && { case_insensitive: definition.case_insensitive }),
  ...(definition.picker !== undefined && { picker: definition.picker }),
  ...(definition.moves_with_time !== undefined && { moves_with_time: definition.moves_with_time }),
  operators: operatorsOf(definition),
})

/** What a condition's explanation shows: the attribute's own choice, else what it read. */
export function explainFact(
  definition: AttributeDefinition,
  facts: CustomerFacts,
  context: EvaluationContext,
  value: ConditionValue | undefined
): unknown {
  if (definition.explain) {
    return definition.explain(facts, context, value, definition.name)
  }
  const read = (definition as AttributeEntry).read(facts, context, definition.name)
  if (definition.type === "string") {
    return (read as Operands["string"]["fact"]).exact
  }
  return read
}

/** Which stored facts the attributes read (what a real-time check must watch for them). */
export const factsRead = (names: readonly string[]): Set<FactName> =>
  new Set(names.flatMap((name) => findAttribute(name)?.facts ?? []))

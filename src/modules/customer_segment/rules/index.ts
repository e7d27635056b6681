export * from "./ast"
export * from "./dates"
export { fold, foldOrNull, emailDomain } from "./fold"
export { sumAmounts } from "./amounts"
export * from "./validate"
export { parse, RuleSyntaxError, type ParseOptions } from "./parse"
export { print, printCondition, OPERATOR_TEXT } from "./print"
export { OPERATOR_SPELLING } from "./spelling"
export * from "./facts"
export { evaluate, evaluateCondition } from "./evaluate"
export { compileSql, type CompiledSql, type CompileOptions } from "./compile-sql"
export { SqlParams } from "./sql-context"
export { summarizeRule, segmentsRead, conditionsOf, type RuleSummary } from "./analyze"
export { explain, factFor, type Explanation } from "./explain"
export { TYPE_OPERATORS, OPERATOR_TABLES, operatorOf, type ValueType } from "./operators"
export {
  ATTRIBUTES,
  REGISTRY,
  OPERATORS_BY_TYPE,
  METADATA_PREFIX,
  findAttribute,
  attributeOf,
  operatorsOf,
  isAttributeName,
  describeAttribute,
  factsRead,
  abandonedCutoff,
  type AttributeDefinition,
  type AttributeDescription,
  type AttributeName,
  type FactName,
  type ValuePicker,
} from "./registry"
export { WINDOWED_MONEY_ATTRIBUTE, describeValue } from "./values"
export { findCycle, dependencyOrder, readersOf, type SegmentReads } from "./dependencies"

/**
 * The admin's view of the registry (plain data: what GET
 * /admin/customer-segments/attributes describes), until it reads these types
 * from src/types/http. The registry itself is registry/.
 */
import type { AttributeDescription } from "./registry"

export type { ValueType as AttributeType } from "./operators"
export type { ValuePicker } from "./registry"
export { OPERATORS_BY_TYPE } from "./registry"
export type AttributeDefinition = Omit<AttributeDescription, "operators">

export * from "./steps"
export * from "./workflows"
export { buildTaxClassContext, customerClassOf, type TaxClassContextInput } from "./utils/tax-line-context"
export { invalidateTaxClassCache } from "./utils/context-cache"

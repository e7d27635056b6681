export * from "./steps"
export * from "./workflows"
export {
  buildTaxClassContext,
  customerClassOf,
  taxClassContextInput,
  type TaxClassContextInput,
  type TaxedHolder,
} from "./utils/tax-line-context"
export { invalidateTaxClassCache } from "./utils/context-cache"

/**
 * The plugin's workflows, for a store's own code:
 *   import { createGroupPriceRuleWorkflow } from "medusa-customer-suite/workflows"
 */
export * from "./customer-groups"
export * from "./customer-segments"
export * from "./customer-suite"
export * from "./group-pricing"
export * from "./tax-classes"
export { buildTaxClassContext, type TaxClassContextInput } from "./tax-classes/tax-line-context"
export { resyncGroupPriceRules } from "./group-pricing/resync"

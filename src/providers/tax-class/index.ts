import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import TaxClassTaxProvider from "./service"

/**
 * Register in medusa-config.ts under the tax module:
 *   { resolve: "@medusajs/medusa/tax", options: { providers: [
 *       { resolve: "medusa-customer-suite/providers/tax-class", id: "default" } ] } }
 * Its id in the tax_provider table is then `tp_tax-class_default`.
 */
export default ModuleProvider(Modules.TAX, { services: [TaxClassTaxProvider] })

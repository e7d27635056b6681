import { Module } from "@medusajs/framework/utils"
import TaxClassModuleService from "./service"

export const TAX_CLASS_MODULE = "tax_class"

export default Module(TAX_CLASS_MODULE, {
  service: TaxClassModuleService,
})

import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import CustomerSuiteModuleService from "./service"

export const CUSTOMER_SUITE_MODULE = "customer_suite"

export default Module(CUSTOMER_SUITE_MODULE, {
  service: CustomerSuiteModuleService,
  loaders: [validateOptionsLoader],
})

export type { CustomerSuiteOptions, ResolvedCustomerSuiteOptions } from "./options"

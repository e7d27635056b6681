import { Module } from "@medusajs/framework/utils"
import GroupPricingModuleService from "./service"

export const GROUP_PRICING_MODULE = "group_pricing"

export default Module(GROUP_PRICING_MODULE, {
  service: GroupPricingModuleService,
})

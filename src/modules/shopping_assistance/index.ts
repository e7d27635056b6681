import { Module } from "@medusajs/framework/utils"
import ShoppingAssistanceModuleService from "./service"

export const SHOPPING_ASSISTANCE_MODULE = "shopping_assistance"

export default Module(SHOPPING_ASSISTANCE_MODULE, {
  service: ShoppingAssistanceModuleService,
})

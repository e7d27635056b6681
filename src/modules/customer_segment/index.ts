import { Module } from "@medusajs/framework/utils"
import CustomerSegmentModuleService from "./service"

export const CUSTOMER_SEGMENT_MODULE = "customer_segment"
export { CustomerSegmentEvents, type MembershipChangedPayload } from "./events"

export default Module(CUSTOMER_SEGMENT_MODULE, {
  service: CustomerSegmentModuleService,
})

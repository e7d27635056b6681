import { z } from "@medusajs/framework/zod"

export type AdminGetSuiteSettingsParamsType = z.infer<typeof AdminGetSuiteSettingsParams>
export const AdminGetSuiteSettingsParams = z.object({}).strict()

export type AdminGetCustomerOverviewParamsType = z.infer<typeof AdminGetCustomerOverviewParams>
export const AdminGetCustomerOverviewParams = z.object({}).strict()

import { z } from "@medusajs/framework/zod"

/** GET /store/customer-suite/config takes no query parameters: an unknown one is a 400 naming it. */
export type StoreGetCustomerSuiteConfigParamsType = z.infer<typeof StoreGetCustomerSuiteConfigParams>
export const StoreGetCustomerSuiteConfigParams = z.object({}).strict()

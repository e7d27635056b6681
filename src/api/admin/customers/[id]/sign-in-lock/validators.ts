import { z } from "@medusajs/framework/zod"

export type AdminGetSignInLockParamsType = z.infer<typeof AdminGetSignInLockParams>
export const AdminGetSignInLockParams = z.object({}).strict()

export type AdminUnlockCustomerType = z.infer<typeof AdminUnlockCustomer>
export const AdminUnlockCustomer = z.object({}).strict()

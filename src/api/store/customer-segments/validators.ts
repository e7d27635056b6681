import { z } from "@medusajs/framework/zod"

export type StoreGetCurrentCustomerSegmentsParamsType = z.infer<typeof StoreGetCurrentCustomerSegmentsParams>
export const StoreGetCurrentCustomerSegmentsParams = z
  .object({
    cart_id: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9_-]+$/, { message: "cart_id: must be a cart id" })
      .optional(),
  })
  .strict()

export type StoreGetMyCustomerSegmentsParamsType = z.infer<typeof StoreGetMyCustomerSegmentsParams>
export const StoreGetMyCustomerSegmentsParams = z.object({}).strict()

import { z } from "@medusajs/framework/zod"

export type StoreExchangeAssistanceCodeType = z.infer<typeof StoreExchangeAssistanceCode>
export const StoreExchangeAssistanceCode = z
  .object({
    code: z.string().refine((v) => v.trim().length >= 4 && v.length <= 64, { message: "code: the code from the assistance link" }),
  })
  .strict()

export type StoreAssistanceConsentType = z.infer<typeof StoreAssistanceConsent>
export const StoreAssistanceConsent = z.object({ allowed: z.boolean({ message: "allowed: true or false" }) }).strict()

export type StoreEmptyParamsType = z.infer<typeof StoreEmptyParams>
export const StoreEmptyParams = z.object({}).strict()

export type StoreEmptyBodyType = z.infer<typeof StoreEmptyBody>
export const StoreEmptyBody = z.object({}).strict()

import { z } from "@medusajs/framework/zod"

/**
 * What the password policy reads from Medusa's register and reset bodies.
 * Not strict: the body goes on to Medusa's auth provider, which decides on
 * its other fields. The password's own rules (type, length …) are the
 * policy's, so they are named as policy rules.
 */
export type PasswordBodyType = z.infer<typeof PasswordBody>
export const PasswordBody = z
  .object({
    password: z.unknown().optional(),
    email: z.string().max(320).optional(),
  })
  .passthrough()

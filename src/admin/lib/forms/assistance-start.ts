import { z } from "zod"

/** Starting a login-as-customer session: the reason the admin gives (the API says when one is required). */
export const assistanceStartFormSchema = z.object({ reason: z.string().max(1000) }).transform(({ reason }) => reason.trim())

export type AssistanceStartForm = z.input<typeof assistanceStartFormSchema>

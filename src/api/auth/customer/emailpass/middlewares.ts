import type { MiddlewareRoute } from "@medusajs/framework/http"
import { signInThrottle } from "../../../utils/sign-in-throttle"

const throttle = signInThrottle()

/**
 * Sign-in protection on Medusa's customer email/password route. GET is
 * covered too: Medusa's route answers GET the same way, from a JSON body.
 */
export const authSignInMiddlewares: MiddlewareRoute[] = [{ method: ["GET", "POST"], matcher: "/auth/customer/emailpass", middlewares: [throttle] }]

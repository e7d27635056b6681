import type { MiddlewareRoute } from "@medusajs/framework/http"
import { signInThrottle } from "../../utils/sign-in-throttle"

const throttle = signInThrottle()

/**
 * Sign-in protection on Medusa's email/password sign-in, for every actor
 * type: Medusa's `/auth/:actor_type/:auth_provider` checks the password of
 * the auth identity found by email alone, whatever the actor type, so
 * `/auth/user/emailpass` with a customer's email tests the customer's
 * password. One registration, so the throttle runs once per request; the
 * static `emailpass` segment sorts it before Medusa's own middlewares and
 * route on `/auth/:actor_type/:auth_provider`. GET is covered too: Medusa's
 * route answers GET the same way, from a JSON body. Percent-encoded paths,
 * which would skip this matcher, are refused earlier (encoded-auth-path.ts).
 */
export const authSignInMiddlewares: MiddlewareRoute[] = [{ method: ["GET", "POST"], matcher: "/auth/:actor_type/emailpass", middlewares: [throttle] }]

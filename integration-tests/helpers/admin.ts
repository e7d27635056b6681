import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  Modules,
  generateJwtToken,
} from "@medusajs/framework/utils"

export type AuthHeaders = { headers: Record<string, string> }

/**
 * Creates an admin user with an auth identity and returns bearer headers.
 * The test runner restores the database before every test: call it in beforeEach.
 */
export async function createAdminUser(
  container: MedusaContainer,
  email = "admin@customer-suite.test"
): Promise<AuthHeaders & { userId: string }> {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const user = await userModule.createUsers({ email, first_name: "Ada", last_name: "Admin" })
  const authIdentity = await authModule.createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: email }],
    app_metadata: { user_id: user.id },
  })
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const { jwtSecret, jwtExpiresIn } = config.projectConfig.http
  const token = generateJwtToken(
    {
      actor_id: user.id,
      actor_type: "user",
      auth_identity_id: authIdentity.id,
      app_metadata: { user_id: user.id },
    },
    { secret: jwtSecret, expiresIn: jwtExpiresIn ?? "1d" }
  )
  return { userId: user.id, headers: { authorization: `Bearer ${token}` } }
}

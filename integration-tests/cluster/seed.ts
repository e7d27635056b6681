import fs from "node:fs"
import { createApiKeysWorkflow, createSalesChannelsWorkflow, linkSalesChannelsToApiKeyWorkflow } from "@medusajs/core-flows"
import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * `medusa exec` script of the cluster harness (harness.ts runs it once per
 * cluster, while the instances boot): an admin user with an auth identity
 * (the harness signs its token) and a publishable key on a sales channel.
 * Writes `{ user_id, auth_identity_id, publishable_key, sales_channel_id }` as
 * JSON to CLUSTER_SEED_OUT.
 */
export default async function seedCluster({ container }: ExecArgs) {
  const out = process.env.CLUSTER_SEED_OUT
  if (!out) {
    throw new Error("CLUSTER_SEED_OUT is not set")
  }
  const email = "cluster-admin@customer-suite.test"
  const user = await container.resolve(Modules.USER).createUsers({ email, first_name: "Ada", last_name: "Admin" })
  const identity = await container.resolve(Modules.AUTH).createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: email }],
    app_metadata: { user_id: user.id },
  })
  const [channel] = (await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: "Web" }] } })).result
  const [key] = (
    await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: "Cluster storefront", type: "publishable", created_by: user.id }] },
    })
  ).result
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [channel.id] } })
  fs.writeFileSync(
    out,
    JSON.stringify({ user_id: user.id, auth_identity_id: identity.id, publishable_key: key.token, sales_channel_id: channel.id })
  )
}

/**
 * Browser steps and independent checks for the Audiences page (Customers →
 * Audiences), used by admin.e2e.spec.ts, which owns the store.
 */
import { createHmac } from "node:crypto"
import type { Store } from "./harness"

/** Sends a batch to the webhook the way a CDP does: signed with the source's secret. */
export async function sendSignedBatch(store: Store, sourceId: string, secret: string, batch: Record<string, unknown>) {
  const body = JSON.stringify(batch)
  const t = Math.floor(Date.now() / 1000)
  const v1 = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")
  const response = await store.page.request.post(`${store.baseUrl}/hooks/customer-suite/audiences`, {
    headers: { "content-type": "application/json", "x-customer-suite-source": sourceId, "x-customer-suite-signature": `t=${t},v1=${v1}` },
    data: body,
  })
  return { status: response.status(), body: (await response.json()) as Record<string, any> }
}

/** Removes sources an earlier, interrupted run may have left (the database is kept between local runs). */
export async function removeSources(store: Store, names: string[]) {
  const api = store.page.request
  const response = await api.get(`${store.baseUrl}/admin/audience-sources?limit=200`)
  if (!response.ok()) {
    throw new Error(`list sources: ${response.status()} ${await response.text()}`)
  }
  const { audience_sources } = (await response.json()) as { audience_sources: { id: string; name: string }[] }
  for (const source of audience_sources.filter((s) => names.includes(s.name))) {
    const deleted = await api.delete(`${store.baseUrl}/admin/audience-sources/${source.id}`)
    if (!deleted.ok()) {
      throw new Error(`delete source ${source.id}: ${deleted.status()} ${await deleted.text()}`)
    }
  }
}

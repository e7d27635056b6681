/** The storefront's runtime settings, read from /config.json (written by whoever serves the build). */
export type StorefrontConfig = {
  /** The Medusa backend, e.g. "http://localhost:9000". */
  backend_url: string
  /** A publishable API key of the backend's sales channel. */
  publishable_key: string
  /** Demo customers the sign-in page offers (optional). */
  demo_accounts?: { email: string; label: string }[]
  /** The demo customers' password, shown on the sign-in page (optional). */
  demo_password?: string
}

export async function loadConfig(): Promise<StorefrontConfig> {
  const response = await fetch("/config.json", { cache: "no-store" })
  if (!response.ok) {
    throw new Error(`/config.json: ${response.status}`)
  }
  const config = (await response.json()) as Partial<StorefrontConfig>
  if (typeof config.backend_url !== "string" || typeof config.publishable_key !== "string") {
    throw new Error("/config.json needs backend_url and publishable_key")
  }
  return config as StorefrontConfig
}

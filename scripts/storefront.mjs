#!/usr/bin/env node
// node scripts/storefront.mjs [--build] --port 8000 --backend http://localhost:9000 --key pk_… [--accounts '[…]' --password …]
// Serves the example storefront's build (examples/storefront/dist) with its
// /config.json; --build runs vite build first. Prints the URL when it listens.
import path from "node:path"
import { fileURLToPath } from "node:url"
import { buildStorefront, serveStorefront, storefrontDist } from "./lib/storefront.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const argv = process.argv.slice(2)
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`)
  return i >= 0 ? argv[i + 1] : fallback
}
const backend = option("backend", process.env.MEDUSA_BACKEND_URL ?? "http://localhost:9000")
const key = option("key", process.env.MEDUSA_PUBLISHABLE_KEY)
if (!key) {
  process.stderr.write("--key (or MEDUSA_PUBLISHABLE_KEY): a publishable API key of the store\n")
  process.exit(2)
}
if (argv.includes("--build")) {
  buildStorefront(root, { quiet: true })
}
const config = {
  backend_url: backend,
  publishable_key: key,
  demo_accounts: JSON.parse(option("accounts", "[]")),
  demo_password: option("password", undefined),
}
const served = await serveStorefront({ dir: storefrontDist(root), port: Number(option("port", "8000")), getConfig: () => config })
process.stdout.write(`Storefront: ${served.url}\n`)
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => void served.close().then(() => process.exit(0)))
}

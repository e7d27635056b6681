#!/usr/bin/env node
// node scripts/admin-build.mjs [--force]
// Builds the root store's dashboard (with the plugin's admin extensions) into
// .medusa/admin when it is older than src/admin, and links it where
// `medusa start` serves it (public/admin). Used by the demo and the e2e tests.
import path from "node:path"
import { fileURLToPath } from "node:url"
import { buildAdminIfStale, linkAdminBuild } from "./lib/medusa.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
buildAdminIfStale(root, (m) => process.stdout.write(`${m}\n`), {
  force: process.argv.includes("--force"),
})
linkAdminBuild(root)

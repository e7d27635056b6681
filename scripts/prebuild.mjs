#!/usr/bin/env node
// Runs before `medusa plugin:build`. The demo and the browser tests link the
// dashboard build into public/admin (where `medusa start` serves it), but Vite
// copies a root public/ folder into the plugin's admin bundle: remove the link
// and the previous output so the published package holds only the plugin.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
fs.rmSync(path.join(root, "public"), { recursive: true, force: true })
fs.rmSync(path.join(root, ".medusa", "server"), { recursive: true, force: true })

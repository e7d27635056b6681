// Helpers shared by the demo and the browser tests: the admin build of the
// root store and waiting for Medusa to answer.
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"

function newestMtime(dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    const mtime = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs
    newest = Math.max(newest, mtime)
  }
  return newest
}

/**
 * Builds the dashboard with the plugin's admin extensions into .medusa/admin,
 * unless a build newer than every file under src/admin is already there.
 * `quiet`: the build's output is shown only when it fails.
 */
export function buildAdminIfStale(root, log = () => undefined, { force = false, quiet = false } = {}) {
  const index = path.join(root, ".medusa", "admin", "index.html")
  const sources = path.join(root, "src", "admin")
  if (!force && fs.existsSync(index) && fs.statSync(index).mtimeMs > newestMtime(sources)) {
    log("Admin build is up to date")
    return
  }
  log("Building the admin dashboard (about a minute)")
  try {
    execFileSync(path.join(root, "node_modules", ".bin", "medusa"), ["build", "--admin-only"], {
      cwd: root,
      stdio: ["ignore", quiet ? "pipe" : "inherit", quiet ? "pipe" : "inherit"],
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" },
    })
  } catch (error) {
    if (quiet) {
      process.stderr.write(`${error.stdout ?? ""}${error.stderr ?? ""}`)
    }
    throw error
  }
}

/**
 * `medusa start` serves the dashboard from <root>/public/admin; point it at the build.
 */
export function linkAdminBuild(root) {
  const publicDir = path.join(root, "public")
  const link = path.join(publicDir, "admin")
  fs.mkdirSync(publicDir, { recursive: true })
  fs.rmSync(link, { recursive: true, force: true })
  fs.symlinkSync(path.join("..", ".medusa", "admin"), link)
}

export async function waitForHealth(baseUrl, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/health`)
      if (response.ok) {
        return
      }
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`Medusa did not answer on ${baseUrl}/health within ${timeoutMs / 1000}s`)
}

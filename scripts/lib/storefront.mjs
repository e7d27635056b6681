// The example storefront (examples/storefront), shared by the demo and the
// browser tests: its Vite build, and a small static server for the build with
// a history fallback (index.html for page URLs) and /config.json, the runtime
// settings (backend URL, publishable key), so one build serves any backend.
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import http from "node:http"
import net from "node:net"
import path from "node:path"

export const storefrontDir = (root) => path.join(root, "examples", "storefront")
export const storefrontDist = (root) => path.join(storefrontDir(root), "dist")

/** `vite build` of the storefront into examples/storefront/dist. `quiet`: output shown only on failure. */
export function buildStorefront(root, { quiet = false } = {}) {
  try {
    execFileSync(path.join(root, "node_modules", ".bin", "vite"), ["build", "--config", path.join(storefrontDir(root), "vite.config.mjs")], {
      cwd: root,
      stdio: ["ignore", quiet ? "pipe" : "inherit", quiet ? "pipe" : "inherit"],
      maxBuffer: 64 * 1024 * 1024,
    })
  } catch (error) {
    if (quiet) {
      process.stderr.write(`${error.stdout ?? ""}${error.stderr ?? ""}`)
    }
    throw new Error("The storefront build failed (vite build)")
  }
  return storefrontDist(root)
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
}

/** Whether something already listens on the port (on any address). */
export function portFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer()
    probe.once("error", () => resolve(false))
    probe.once("listening", () => probe.close(() => resolve(true)))
    probe.listen(port)
  })
}

/** The wanted port, else the next free one up to 20 above it, else any free port. */
export async function choosePort(wanted) {
  for (let port = wanted; port < wanted + 20; port++) {
    if (await portFree(port)) {
      return port
    }
  }
  return 0
}

/**
 * Serves the build in `dir` on `port`. `getConfig()` answers /config.json on
 * every request (so a new publishable key needs no rebuild). Resolves to
 * { url, port, close }.
 */
export function serveStorefront({ dir, port, getConfig }) {
  const index = path.join(dir, "index.html")
  if (!fs.existsSync(index)) {
    throw new Error(`No storefront build in ${dir} (run vite build first)`)
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost")
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end()
      return
    }
    if (url.pathname === "/config.json") {
      res.writeHead(200, { "content-type": TYPES[".json"], "cache-control": "no-store" })
      res.end(JSON.stringify(getConfig()))
      return
    }
    let pathname
    try {
      pathname = decodeURIComponent(url.pathname)
    } catch {
      res.writeHead(400).end()
      return
    }
    const file = path.resolve(dir, `.${pathname}`)
    const inside = file === dir || file.startsWith(dir + path.sep)
    const exists = inside && fs.existsSync(file) && fs.statSync(file).isFile()
    if (!exists && path.extname(pathname)) {
      // A missing asset is a 404; a page URL (no extension) gets the app.
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found")
      return
    }
    const target = exists ? file : index
    const immutable = target.startsWith(path.join(dir, "assets") + path.sep)
    res.writeHead(200, {
      "content-type": TYPES[path.extname(target)] ?? "application/octet-stream",
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    })
    if (req.method === "HEAD") {
      res.end()
      return
    }
    fs.createReadStream(target).pipe(res)
  })
  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, () => {
      const actual = server.address().port
      resolve({
        port: actual,
        url: `http://localhost:${actual}`,
        close: () => new Promise((done) => server.close(() => done())),
      })
    })
  })
}

/**
 * Demo customers for the sign-in page, each with an email/password login: a
 * member of the VIP group, one of the Wholesale group (group price, tax
 * exempt) and one who allows shopping assistance.
 */
export async function demoAccounts(client) {
  const groupMember = async (group) =>
    (
      await client.query(
        `select c.email from customer c
           join customer_group_customer cgc on cgc.customer_id = c.id and cgc.deleted_at is null
           join customer_group g on g.id = cgc.customer_group_id and g.deleted_at is null and g.name = $1
           join provider_identity pi on pi.entity_id = c.email and pi.provider = 'emailpass' and pi.deleted_at is null
          where c.has_account and c.deleted_at is null
          order by c.email limit 1`,
        [group]
      )
    ).rows[0]?.email
  const accounts = []
  const vip = await groupMember("VIP")
  if (vip) accounts.push({ email: vip, label: "VIP customer" })
  const wholesale = await groupMember("Wholesale")
  if (wholesale) accounts.push({ email: wholesale, label: "Wholesale member" })
  return accounts
}

// The storefront's static server: files of the build, index.html for page
// URLs (history routing), /config.json from the current settings, no files
// outside the build, and a free port when the one asked for is taken.
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { choosePort, serveStorefront } from "../lib/storefront.mjs"

let dir
let served
let config

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "mcs-storefront-"))
  fs.mkdirSync(path.join(dir, "assets"))
  fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><div id=root></div>")
  fs.writeFileSync(path.join(dir, "assets", "app-123.js"), "console.log(1)")
  fs.writeFileSync(path.join(path.dirname(dir), `secret-${path.basename(dir)}.txt`), "secret")
  config = { backend_url: "http://localhost:9000", publishable_key: "pk_1" }
  served = await serveStorefront({ dir, port: 0, getConfig: () => config })
})

afterAll(async () => {
  await served?.close()
  fs.rmSync(path.join(path.dirname(dir), `secret-${path.basename(dir)}.txt`), { force: true })
  fs.rmSync(dir, { recursive: true, force: true })
})

const get = (p) => fetch(`${served.url}${p}`)

it("serves the build's files, immutable assets and index.html for page URLs", async () => {
  const asset = await get("/assets/app-123.js")
  expect(asset.status).toBe(200)
  expect(asset.headers.get("content-type")).toMatch(/^text\/javascript/)
  expect(asset.headers.get("cache-control")).toContain("immutable")
  await expect(asset.text()).resolves.toBe("console.log(1)")
  for (const page of ["/", "/account/assist?code=ABC", "/products/some-handle"]) {
    const response = await get(page)
    expect(response.status).toBe(200)
    expect(response.headers.get("cache-control")).toBe("no-cache")
    await expect(response.text()).resolves.toContain('<div id=root>')
  }
  expect((await get("/assets/missing.js")).status).toBe(404)
})

it("answers /config.json with the settings of the moment", async () => {
  const first = await get("/config.json")
  expect(first.headers.get("cache-control")).toBe("no-store")
  await expect(first.json()).resolves.toEqual({ backend_url: "http://localhost:9000", publishable_key: "pk_1" })
  config = { ...config, publishable_key: "pk_2" }
  await expect((await get("/config.json")).json()).resolves.toMatchObject({ publishable_key: "pk_2" })
})

it("never serves a file outside the build", async () => {
  const name = `secret-${path.basename(dir)}.txt`
  for (const p of [`/../${name}`, `/%2e%2e/${name}`, `/assets/..%2f..%2f${name}`]) {
    const response = await get(p)
    expect(await response.text()).not.toBe("secret")
  }
})

it("takes the next free port when the one asked for is taken", async () => {
  const blocker = net.createServer()
  await new Promise((resolve) => blocker.listen(0, resolve))
  const taken = blocker.address().port
  try {
    const chosen = await choosePort(taken)
    expect(chosen).not.toBe(taken)
    expect(chosen === 0 || (chosen > taken && chosen < taken + 20)).toBe(true)
  } finally {
    await new Promise((resolve) => blocker.close(resolve))
  }
})

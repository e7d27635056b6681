import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import { root } from "./cli.mjs"

/**
 * What every benchmark driver needs: commands with captured output, SQL on
 * the bench's PostgreSQL server, `medusa start` servers (NODE_ENV=production,
 * no admin) and timed HTTP calls, medians and a results file under
 * bench/results/. `tag` prefixes the log lines and names the results file.
 */
export function benchKit({ tag, server }) {
  const medusa = path.join(root, "node_modules", ".bin", "medusa")
  const log = (line) => console.log(`[${tag}] ${line}`)

  function run(command, args, { cwd = root, env = {} } = {}) {
    return new Promise((resolve, reject) => {
      log(`$ ${command} ${args.join(" ")}${cwd !== root ? `  (in ${path.relative(root, cwd)})` : ""}`)
      const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] })
      let output = ""
      child.stdout.on("data", (c) => (output += c))
      child.stderr.on("data", (c) => (output += c))
      child.on("close", (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} exited with ${code}\n${output.slice(-3000)}`))))
    })
  }

  async function sql(database, text) {
    const client = new pg.Client({ connectionString: `${server}/${database}` })
    await client.connect()
    try {
      return (await client.query(text)).rows
    } finally {
      await client.end()
    }
  }

  const freePort = () =>
    new Promise((resolve) => {
      const srv = net.createServer()
      srv.listen(0, () => {
        const { port } = srv.address()
        srv.close(() => resolve(port))
      })
    })

  /** `medusa start` in `cwd` on `database`; stopped with the process group. */
  function start({ name = "app", cwd = root, database, port, env = {} }) {
    const child = spawn(medusa, ["start"], {
      cwd,
      env: {
        ...process.env,
        DATABASE_URL: `${server}/${database}`,
        PORT: String(port),
        NODE_ENV: "production",
        DISABLE_MEDUSA_ADMIN: "true",
        MEDUSA_DISABLE_TELEMETRY: "true",
        LOG_LEVEL: "error",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    })
    let output = ""
    child.stdout.on("data", (c) => (output += c))
    child.stderr.on("data", (c) => (output += c))
    return {
      name,
      /** The `medusa start` process (the leader of its process group). */
      pid: child.pid,
      base: `http://localhost:${port}`,
      output: () => output,
      stop: () => {
        try {
          process.kill(-child.pid, "SIGTERM")
        } catch {
          /* already gone */
        }
      },
    }
  }

  async function waitHealthy(app, ms = 180_000) {
    const until = Date.now() + ms
    while (Date.now() < until) {
      try {
        if ((await fetch(`${app.base}/health`)).ok) return
      } catch {
        /* not yet */
      }
      await new Promise((r) => setTimeout(r, 500))
    }
    throw new Error(`${app.name} did not start:\n${app.output().slice(-3000)}`)
  }

  /** One timed request; a non-2xx answer throws (unless `allow` lists its status). */
  async function call(app, method, url, body, headers, { allow = [] } = {}) {
    const started = process.hrtime.bigint()
    const response = await fetch(`${app.base}${url}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    if (!response.ok && !allow.includes(response.status)) throw new Error(`${app.name} ${method} ${url}: ${response.status} ${text.slice(0, 500)}`)
    return { ms, status: response.status, data: text ? JSON.parse(text) : null }
  }

  /**
   * Writes bench/results/<tag>-<time>.json (<tag>-<commit>-<time>.json with
   * `withCommit`) with the commit measured (+dirty when src/ has changes).
   */
  function writeResults(data, { withCommit = false } = {}) {
    const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim()
    const dirty = spawnSync("git", ["status", "--porcelain", "src"], { cwd: root, encoding: "utf8" }).stdout.trim() ? "+dirty" : ""
    fs.mkdirSync(path.join(root, "bench/results"), { recursive: true })
    const name = withCommit ? `${tag}-${commit}${dirty}` : tag
    const file = path.join(root, "bench/results", `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`)
    fs.writeFileSync(file, JSON.stringify({ commit: commit + dirty, node: process.version, cpus: os.cpus().length, ...data }, null, 2))
    log(`results: ${path.relative(root, file)}`)
    return file
  }

  return { medusa, log, run, sql, freePort, start, waitHealthy, call, writeResults }
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
export const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]

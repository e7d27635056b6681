import { Client } from "pg"

/** Connection string for a database on the test server (DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD). */
export function testDatabaseUrl(database: string) {
  const host = process.env.DB_HOST ?? "localhost"
  const port = process.env.DB_PORT ?? "5432"
  const user = process.env.DB_USERNAME ?? "postgres"
  const password = process.env.DB_PASSWORD ?? ""
  const auth = password ? `${user}:${encodeURIComponent(password)}` : user
  return `postgres://${auth}@${host}:${port}/${database}`
}

async function onMaintenanceDatabase<T>(fn: (client: Client) => Promise<T>) {
  const client = new Client({ connectionString: testDatabaseUrl("postgres") })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

export async function recreateDatabase(database: string) {
  await onMaintenanceDatabase(async (client) => {
    await client.query(`drop database if exists ${client.escapeIdentifier(database)} with (force)`)
    await client.query(`create database ${client.escapeIdentifier(database)}`)
  })
}

export async function createDatabaseIfMissing(database: string) {
  await onMaintenanceDatabase(async (client) => {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [
      database,
    ])
    if (!rowCount) {
      await client.query(`create database ${client.escapeIdentifier(database)}`)
    }
  })
}

export async function dropDatabase(database: string) {
  await onMaintenanceDatabase((client) =>
    client.query(`drop database if exists ${client.escapeIdentifier(database)} with (force)`)
  )
}

export type LocaleKind = "c" | "utf8"

/**
 * (Re)creates a database with a chosen locale, whatever the server's default:
 * "c" is the C locale (lower() folds only ASCII there, as on the embedded
 * PostgreSQL); "utf8" is the first UTF-8 locale the server offers: libc's
 * C.UTF-8 or en_US.UTF-8, else ICU. Returns what it used; throws when the
 * server has no UTF-8 locale at all.
 */
export async function createLocaleDatabase(database: string, kind: LocaleKind): Promise<string> {
  const candidates =
    kind === "c"
      ? [["C (libc)", "LC_COLLATE 'C' LC_CTYPE 'C'"]]
      : [
          ["C.UTF-8 (libc)", "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"],
          ["C.utf8 (libc)", "LC_COLLATE 'C.utf8' LC_CTYPE 'C.utf8'"],
          ["en_US.UTF-8 (libc)", "LC_COLLATE 'en_US.UTF-8' LC_CTYPE 'en_US.UTF-8'"],
          ["und (ICU)", "LOCALE_PROVIDER icu ICU_LOCALE 'und' LOCALE 'C'"],
        ]
  return onMaintenanceDatabase(async (client) => {
    await client.query(`drop database if exists ${client.escapeIdentifier(database)} with (force)`)
    const refused: string[] = []
    for (const [name, clause] of candidates) {
      try {
        await client.query(
          `create database ${client.escapeIdentifier(database)} TEMPLATE template0 ENCODING 'UTF8' ${clause}`
        )
        const { rows } = await client.query(
          "select datcollate, datctype from pg_database where datname = $1",
          [database]
        )
        return `${name}: collate ${rows[0].datcollate}, ctype ${rows[0].datctype}`
      } catch (error) {
        refused.push(`${name}: ${(error as Error).message}`)
      }
    }
    throw new Error(`The server offers no ${kind} locale for a test database:\n${refused.join("\n")}`)
  })
}

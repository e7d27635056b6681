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

// The embedded PostgreSQL's port: the one asked for when free, otherwise a
// free one, and a message saying which port was busy and which is used.
import net from "node:net"
import { chooseEmbeddedPort, portAnswers } from "../lib/postgres.mjs"

/** A plain TCP server (not PostgreSQL) on `port` (0: any free port) and `host` (every interface by default). */
function occupy(port = 0, host = undefined) {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => {
      socket.on("error", () => undefined)
      socket.end("not postgres\n")
    })
    server.once("error", reject)
    server.listen({ port, host }, () =>
      resolve({ port: server.address().port, close: () => new Promise((done) => server.close(done)) })
    )
  })
}

/** True when a server can listen on `port` on every interface right now. */
function canListen(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.listen({ port }, () => server.close(() => resolve(true)))
  })
}

describe("chooseEmbeddedPort", () => {
  it("keeps the port asked for when nothing listens there", async () => {
    const probe = await occupy()
    await probe.close()

    const choice = await chooseEmbeddedPort(probe.port)

    expect(choice).toEqual({ port: probe.port, message: null })
  })

  it("takes another, free port when another program listens on the one asked for, and says which", async () => {
    const busy = await occupy()
    try {
      expect(await portAnswers("localhost", busy.port)).toBe(true)

      const choice = await chooseEmbeddedPort(busy.port)

      expect(choice.port).not.toBe(busy.port)
      expect(await canListen(choice.port)).toBe(true)
      expect(choice.message).toBe(
        `Port ${busy.port} is already in use by another program, ` +
          `so the embedded PostgreSQL listens on port ${choice.port} instead.`
      )
    } finally {
      await busy.close()
    }
  })

  it("sees a port taken on the IPv4 loopback only as taken", async () => {
    const busy = await occupy(0, "127.0.0.1")
    try {
      expect((await chooseEmbeddedPort(busy.port)).port).not.toBe(busy.port)
    } finally {
      await busy.close()
    }
  })

  it("names the variable when the port came from one (a busy TEST_PG_PORT)", async () => {
    const busy = await occupy()
    try {
      const choice = await chooseEmbeddedPort(String(busy.port), { variable: "TEST_PG_PORT" })

      expect(choice.port).not.toBe(busy.port)
      expect(choice.message).toBe(
        `TEST_PG_PORT=${busy.port} is already in use by another program, ` +
          `so the embedded PostgreSQL listens on port ${choice.port} instead.`
      )
    } finally {
      await busy.close()
    }
  })

  it.each(["abc", "0", "70000", "54.3", ""])("refuses %p as a port, naming the variable", async (value) => {
    await expect(chooseEmbeddedPort(value, { variable: "DEMO_PG_PORT" })).rejects.toThrow(
      `DEMO_PG_PORT must be a port number from 1 to 65535, got "${value}".`
    )
  })
})

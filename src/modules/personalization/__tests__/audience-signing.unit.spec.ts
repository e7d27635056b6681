import { execFileSync } from "node:child_process"
import {
  decryptSecret,
  deriveSecretKey,
  encryptSecret,
  generateSecret,
  parseSignatureHeader,
  secretHint,
  signatureHeader,
  signPayload,
  verifySignature,
} from "../audience-signing"

/** The README's shell example uses the openssl CLI; without it (rare) that comparison is skipped. */
const hasOpenssl = (() => {
  try {
    execFileSync("openssl", ["version"])
    return true
  } catch {
    return false
  }
})()

describe("audience batch signing", () => {
  const secret = "cssk_test-secret"
  const body = '{"batch_id":"b-1","audience":{"id":"a","name":"A"},"add":[],"remove":[]}'

  ;(hasOpenssl ? it : it.skip)("signs <t>.<raw body> with HMAC-SHA256, as the README's openssl command does", () => {
    const t = 1_764_000_000
    expect(signPayload(secret, t, body)).toMatch(/^[0-9a-f]{64}$/)
    const openssl = execFileSync("openssl", ["dgst", "-sha256", "-hmac", secret, "-hex"], { input: `${t}.${body}` })
      .toString()
      .trim()
      .split(" ")
      .pop()
    expect(signPayload(secret, t, body)).toBe(openssl)
    expect(signatureHeader(secret, t, body)).toBe(`t=${t},v1=${openssl}`)
  })

  it("parses and verifies headers: any v1 of any secret, nothing else", () => {
    const t = 1_764_000_000
    const good = signPayload(secret, t, body)
    const parsed = parseSignatureHeader(`t=${t}, v0=xyz, v1=${"0".repeat(64)}, v1=${good.toUpperCase()}`)!
    expect(parsed).toEqual({ timestamp: t, signatures: ["0".repeat(64), good] })
    expect(verifySignature(parsed, Buffer.from(body), [secret])).toBe(true)
    expect(verifySignature(parsed, Buffer.from(body), ["other", secret])).toBe(true)
    expect(verifySignature(parsed, Buffer.from(body), ["other"])).toBe(false)
    expect(verifySignature(parsed, Buffer.from(body + " "), [secret])).toBe(false)
    expect(verifySignature({ timestamp: t + 1, signatures: [good] }, Buffer.from(body), [secret])).toBe(false)
    for (const bad of [undefined, "", "t=1", `v1=${good}`, `t=abc,v1=${good}`, `t=1,v1=${good.slice(1)}`, "x".repeat(1001)]) {
      expect(parseSignatureHeader(bad)).toBeNull()
    }
  })

  it("stores secrets encrypted (AES-256-GCM, a random IV) and reads them back only with the same key", () => {
    const generated = generateSecret()
    expect(generated).toMatch(/^cssk_[A-Za-z0-9_-]{43}$/)
    expect(secretHint(generated)).toBe(`…${generated.slice(-4)}`)
    const key = deriveSecretKey("jwt-secret")
    const a = encryptSecret(generated, key)
    const b = encryptSecret(generated, key)
    expect(a).not.toBe(b)
    expect(a).not.toContain(generated)
    expect(decryptSecret(a, key)).toBe(generated)
    expect(decryptSecret(a, deriveSecretKey("another-jwt-secret"))).toBeNull()
    const [v, iv, tag, data] = a.split(":")
    const flipped = Buffer.from(data, "base64url")
    flipped[0] ^= 1
    expect(decryptSecret([v, iv, tag, flipped.toString("base64url")].join(":"), key)).toBeNull()
    expect(decryptSecret("garbage", key)).toBeNull()
  })
})

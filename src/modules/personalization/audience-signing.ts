import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto"

/**
 * Signing of audience batches (docs/decisions/0022): the header
 *
 *   X-Customer-Suite-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">
 *
 * with the source's secret, and its id in `X-Customer-Suite-Source`. Secrets
 * are stored encrypted with AES-256-GCM under a key derived (HKDF-SHA256)
 * from the store's JWT secret. Node's crypto only; no Medusa imports.
 */
export const SIGNATURE_HEADER = "x-customer-suite-signature"
export const SOURCE_HEADER = "x-customer-suite-source"
export const SECRET_PREFIX = "cssk_"

/** A new secret: 32 random bytes, base64url, prefixed so it is recognisable in a leak scan. */
export const generateSecret = (): string => `${SECRET_PREFIX}${randomBytes(32).toString("base64url")}`

/** The last 4 characters, to tell secrets apart. */
export const secretHint = (secret: string): string => `…${secret.slice(-4)}`

/** The 32-byte key secrets are encrypted with, derived from the store's JWT secret. */
export function deriveSecretKey(storeSecret: string | Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", storeSecret, "medusa-customer-suite", "audience-source-secret", 32))
}

/** "v1:<iv>:<tag>:<ciphertext>" (base64url), AES-256-GCM with a random 12-byte IV. */
export function encryptSecret(secret: string, key: Buffer): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", key, iv)
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()])
  return ["v1", iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(":")
}

/** The secret, or null when it cannot be decrypted with this key (e.g. the JWT secret changed). */
export function decryptSecret(stored: string, key: Buffer): string | null {
  const [version, iv, tag, ciphertext] = stored.split(":")
  if (version !== "v1" || !iv || !tag || ciphertext === undefined) {
    return null
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"))
    decipher.setAuthTag(Buffer.from(tag, "base64url"))
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8")
  } catch {
    return null
  }
}

/** Hex HMAC-SHA256 of "<t>.<body>". */
export const signPayload = (secret: string, timestamp: number, body: string | Buffer): string =>
  createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex")

/** The header value a sender writes. */
export const signatureHeader = (secret: string, timestamp: number, body: string | Buffer): string =>
  `t=${timestamp},v1=${signPayload(secret, timestamp, body)}`

export type ParsedSignature = { timestamp: number; signatures: string[] }

/** `t=…,v1=…[,v1=…]` (other schemes ignored); null when malformed. */
export function parseSignatureHeader(header: string | undefined): ParsedSignature | null {
  if (!header || header.length > 1000) {
    return null
  }
  let timestamp: number | null = null
  const signatures: string[] = []
  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2)
    if (key === "t" && /^\d{1,12}$/.test(value ?? "")) {
      timestamp = Number(value)
    } else if (key === "v1" && /^[0-9a-f]{64}$/i.test(value ?? "")) {
      signatures.push(value.toLowerCase())
    }
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures }
}

/** Whether one of the header's v1 signatures is the HMAC of the body with one of the secrets (constant-time compare). */
export function verifySignature(parsed: ParsedSignature, body: Buffer, secrets: string[]): boolean {
  let ok = false
  for (const secret of secrets) {
    const expected = Buffer.from(signPayload(secret, parsed.timestamp, body), "hex")
    for (const given of parsed.signatures) {
      // Every pair is compared (no early exit), each in constant time.
      ok = timingSafeEqual(expected, Buffer.from(given, "hex")) || ok
    }
  }
  return ok
}

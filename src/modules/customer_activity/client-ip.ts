import type { IncomingMessage } from "node:http"
import ipaddr from "ipaddr.js"
import proxyaddr from "proxy-addr"

/**
 * The client's address for limits and the security log: the socket address,
 * or the nearest X-Forwarded-For entry added by a proxy named in
 * `trusted_proxies` (addresses, CIDR ranges, or "loopback", "linklocal",
 * "uniquelocal"), exactly as Express's `trust proxy` resolves it.
 */
export type TrustFn = (address: string, hop: number) => boolean

const compiled = new Map<string, TrustFn>()

/** Throws (with proxy-addr's message) when an entry is neither an address, a range nor a known name. */
export function compileTrust(trustedProxies: readonly string[]): TrustFn {
  const signature = trustedProxies.join(",")
  let trust = compiled.get(signature)
  if (!trust) {
    trust = trustedProxies.length ? proxyaddr.compile([...trustedProxies]) : () => false
    compiled.set(signature, trust)
    if (compiled.size > 50) {
      compiled.delete(compiled.keys().next().value as string)
    }
  }
  return trust
}

/** Why one `trusted_proxies` entry cannot be used (proxy-addr's words), or null when it can. */
export function trustedProxyProblem(entry: string): string | null {
  try {
    proxyaddr.compile(entry)
    return null
  } catch (error) {
    return (error as Error).message
  }
}

/** The client address ("" when the socket has none), IPv4-mapped IPv6 shown as IPv4. */
export function clientIp(req: IncomingMessage, trustedProxies: readonly string[]): string {
  const address = req.socket?.remoteAddress ? proxyaddr(req, compileTrust(trustedProxies)) : ""
  return normalizeIp(address)
}

export function normalizeIp(address: string): string {
  if (!address || !ipaddr.isValid(address)) {
    return address
  }
  const parsed = ipaddr.parse(address)
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (parsed as ipaddr.IPv6).toIPv4Address().toString()
  }
  return parsed.toString()
}

/**
 * What limits count per client: an IPv4 address, or the /64 an IPv6 address
 * is in (one subscriber usually holds a whole /64, so counting addresses
 * would let one client rotate through billions).
 */
export function ipLimitKey(address: string): string {
  if (!address || !ipaddr.isValid(address)) {
    return address || "unknown"
  }
  const parsed = ipaddr.parse(normalizeIp(address))
  if (parsed.kind() === "ipv4") {
    return parsed.toString()
  }
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4)
  return `${parts.map((p) => p.toString(16)).join(":")}::/64`
}

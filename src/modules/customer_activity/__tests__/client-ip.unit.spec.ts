import type { IncomingMessage } from "node:http"
import { InvalidCustomerSuiteOptionsError, parseCustomerSuiteOptions } from "../../customer_suite/options"
import { clientIp, compileTrust, ipLimitKey, normalizeIp, trustedProxyProblem } from "../client-ip"

/** A request as proxy-addr reads it: the socket's address and the forwarded header. */
const request = (remoteAddress: string | undefined, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, connection: { remoteAddress }, headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor } }) as unknown as IncomingMessage

describe("clientIp", () => {
  it("is the socket address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientIp(request("203.0.113.9"), [])).toBe("203.0.113.9")
    expect(clientIp(request("203.0.113.9", "198.51.100.1"), [])).toBe("203.0.113.9")
    expect(clientIp(request("127.0.0.1", "198.51.100.1"), [])).toBe("127.0.0.1")
  })

  it("believes X-Forwarded-For only from a trusted proxy", () => {
    expect(clientIp(request("127.0.0.1", "198.51.100.1"), ["loopback"])).toBe("198.51.100.1")
    expect(clientIp(request("10.0.0.5", "198.51.100.1"), ["10.0.0.0/8"])).toBe("198.51.100.1")
    // Another address sent it: not believed.
    expect(clientIp(request("192.0.2.7", "198.51.100.1"), ["10.0.0.0/8"])).toBe("192.0.2.7")
  })

  it("takes the nearest untrusted hop, so a client cannot choose its address by prepending entries", () => {
    // The client wrote "1.1.1.1"; the trusted proxy appended the address it saw.
    expect(clientIp(request("10.0.0.5", "1.1.1.1, 198.51.100.1"), ["10.0.0.0/8"])).toBe("198.51.100.1")
    // Two trusted proxies in a row: the address the outer one saw.
    expect(clientIp(request("10.0.0.5", "1.1.1.1, 198.51.100.1, 10.0.0.6"), ["10.0.0.0/8"])).toBe("198.51.100.1")
  })

  it("shows an IPv4-mapped IPv6 socket address as IPv4, and reads IPv6 hops", () => {
    expect(clientIp(request("::ffff:203.0.113.9"), [])).toBe("203.0.113.9")
    expect(clientIp(request("::1", "2001:db8:1:2::abcd"), ["loopback"])).toBe("2001:db8:1:2::abcd")
  })

  it("is empty when the socket has no address", () => {
    expect(clientIp(request(undefined, "198.51.100.1"), ["loopback"])).toBe("")
  })
})

describe("normalizeIp and ipLimitKey", () => {
  it("normalizes addresses and leaves anything else as it is", () => {
    expect(normalizeIp("2001:0db8:0000:0000:0000:0000:0000:0001")).toBe("2001:db8::1")
    expect(normalizeIp("::ffff:10.1.2.3")).toBe("10.1.2.3")
    expect(normalizeIp("not an ip")).toBe("not an ip")
  })

  it("counts IPv4 per address and IPv6 per /64", () => {
    expect(ipLimitKey("203.0.113.9")).toBe("203.0.113.9")
    expect(ipLimitKey("203.0.113.10")).not.toBe(ipLimitKey("203.0.113.9"))
    expect(ipLimitKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64")
    expect(ipLimitKey("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe(ipLimitKey("2001:db8:1:2::1"))
    expect(ipLimitKey("2001:db8:1:3::1")).not.toBe(ipLimitKey("2001:db8:1:2::1"))
    // An IPv4-mapped address counts as the IPv4 one.
    expect(ipLimitKey("::ffff:203.0.113.9")).toBe("203.0.113.9")
    expect(ipLimitKey("")).toBe("unknown")
  })
})

describe("trusted proxies", () => {
  it("accepts addresses, ranges and proxy-addr's names; names what is wrong otherwise", () => {
    for (const entry of ["loopback", "linklocal", "uniquelocal", "10.0.0.1", "10.0.0.0/8", "10.0.0.0/255.0.0.0", "2001:db8::/32"]) {
      expect(trustedProxyProblem(entry)).toBeNull()
    }
    expect(trustedProxyProblem("proxy.example.com")).toMatch(/invalid IP address/)
    expect(trustedProxyProblem("10.0.0.0/40")).toMatch(/invalid range/)
    expect(() => compileTrust(["10.0.0.0/8", "nope"])).toThrow(/invalid IP address: nope/)
  })

  it("refuses a bad entry when the plugin options are parsed, naming it", () => {
    expect(parseCustomerSuiteOptions({ activity: { trusted_proxies: ["loopback", "10.0.0.0/8"] } }).activity.trusted_proxies).toEqual(["loopback", "10.0.0.0/8"])
    let problems: string[] = []
    try {
      parseCustomerSuiteOptions({ activity: { trusted_proxies: ["loopback", "lb.internal"] } })
    } catch (error) {
      problems = (error as InvalidCustomerSuiteOptionsError).problems
    }
    expect(problems).toEqual([expect.stringMatching(/^"activity\.trusted_proxies\.1": "lb\.internal" is not an IP address, a CIDR range/)])
  })
})

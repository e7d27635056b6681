/**
 * medusa-customer-suite/client: typed functions over `@medusajs/js-sdk` for
 * the plugin's store routes. Each call goes through `sdk.client.fetch`, so the
 * sdk's publishable key, customer token (or session) and base URL apply.
 *
 * Browser-safe: this file imports types only (the plugin's HTTP types and the
 * sdk's), so bundling it pulls in no server code and no Node built-ins.
 *
 * ```ts
 * import Medusa from "@medusajs/js-sdk"
 * import { createCustomerSuiteClient } from "medusa-customer-suite/client"
 *
 * const sdk = new Medusa({ baseUrl: "http://localhost:9000", publishableKey: "pk_…" })
 * const suite = createCustomerSuiteClient(sdk)
 * const { content_blocks } = await suite.contentBlocks.list({ placement: "home-hero", limit: 1 })
 * ```
 */
import type { ClientHeaders } from "@medusajs/js-sdk"
import type {
  StoreAssistanceConsentResponse,
  StoreContentBlockEventsBody,
  StoreContentBlockEventsResponse,
  StoreContentBlockListParams,
  StoreContentBlockListResponse,
  StoreCurrentAssistanceSessionResponse,
  StoreCurrentCustomerSegmentsParams,
  StoreCustomerSegmentListResponse,
  StoreEndAssistanceSessionResponse,
  StoreExchangeAssistanceCodeResponse,
  SessionRevocationResponse,
  StoreCustomerSuiteConfigResponse,
} from "../types/http"

export type {
  AssistanceConsentState,
  ContentBlockFormat,
  StoreAssistanceConsentBody,
  StoreAssistanceConsentResponse,
  StoreContentBlock,
  StoreContentBlockEventsBody,
  StoreContentBlockEventsResponse,
  StoreContentBlockEventType,
  StoreContentBlockListParams,
  StoreContentBlockListResponse,
  StoreCurrentAssistanceSession,
  StoreCurrentAssistanceSessionResponse,
  StoreCurrentCustomerSegmentsParams,
  StoreCustomerSegment,
  StoreCustomerSegmentListResponse,
  StoreEndAssistanceSessionResponse,
  StoreExchangeAssistanceCodeBody,
  StoreExchangeAssistanceCodeResponse,
  SessionRevocation,
  SessionRevocationResponse,
  StoreCustomerSuiteConfig,
  StoreCustomerSuiteConfigResponse,
  StorePasswordPolicy,
} from "../types/http"
export type { ClientHeaders } from "@medusajs/js-sdk"

/** What the client needs of the sdk: `new Medusa(…)` from `@medusajs/js-sdk` has it. */
export type CustomerSuiteSdk = {
  client: {
    fetch<T>(
      input: string,
      init?: { method?: string; query?: Record<string, unknown>; body?: unknown; headers?: ClientHeaders }
    ): Promise<T>
  }
}

/** Drops undefined values, so no `key=undefined` reaches the query string. */
const defined = <T extends Record<string, unknown>>(value: T | undefined): Partial<T> | undefined => {
  if (!value) {
    return undefined
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined)
  return entries.length ? (Object.fromEntries(entries) as Partial<T>) : undefined
}

export function createCustomerSuiteClient(sdk: CustomerSuiteSdk) {
  const get = <T>(path: string, query?: Record<string, unknown>, headers?: ClientHeaders) =>
    sdk.client.fetch<T>(path, { method: "GET", query: defined(query), headers })
  const post = <T>(path: string, body: unknown, headers?: ClientHeaders) =>
    sdk.client.fetch<T>(path, { method: "POST", body, headers })

  return {
    config: {
      /**
       * GET /store/customer-suite/config: the store's settings for the
       * storefront (where to go after sign-in, the assistance consent's words,
       * the password rules to show as hints). Cacheable for a minute.
       */
      get: (headers?: ClientHeaders) => get<StoreCustomerSuiteConfigResponse>("/store/customer-suite/config", undefined, headers),
    },
    sessions: {
      /**
       * POST /store/customers/me/sessions/revoke: signs the customer out
       * everywhere — every token and session issued until now stops working,
       * this one included (sign in again afterwards).
       */
      revokeAll: (headers?: ClientHeaders) => post<SessionRevocationResponse>("/store/customers/me/sessions/revoke", {}, headers),
    },
    contentBlocks: {
      /**
       * GET /store/content-blocks: the blocks of a placement chosen for the
       * current shopper (the customer token, else the guest's cart_id), highest
       * priority first.
       */
      list: (params: StoreContentBlockListParams, headers?: ClientHeaders) =>
        get<StoreContentBlockListResponse>("/store/content-blocks", params, headers),
      /**
       * POST /store/content-blocks/events: a batch of impressions and clicks
       * (1 to 100), counted once per shopper, block and type within an hour.
       */
      track: (body: StoreContentBlockEventsBody, headers?: ClientHeaders) =>
        post<StoreContentBlockEventsResponse>("/store/content-blocks/events", body, headers),
    },
    segments: {
      /**
       * GET /store/customer-segments/current: the segments the current shopper
       * is in now (a guest's from their cart).
       */
      current: (params?: StoreCurrentCustomerSegmentsParams, headers?: ClientHeaders) =>
        get<StoreCustomerSegmentListResponse>("/store/customer-segments/current", params, headers),
      /** GET /store/customers/me/customer-segments: the logged-in customer's segments. */
      mine: (headers?: ClientHeaders) =>
        get<StoreCustomerSegmentListResponse>("/store/customers/me/customer-segments", undefined, headers),
    },
    assistance: {
      /** GET /store/customers/me/assistance-consent: whether the customer allows shopping assistance. */
      consent: (headers?: ClientHeaders) =>
        get<StoreAssistanceConsentResponse>("/store/customers/me/assistance-consent", undefined, headers),
      /** POST /store/customers/me/assistance-consent: allows or withdraws it. */
      setConsent: (allowed: boolean, headers?: ClientHeaders) =>
        post<StoreAssistanceConsentResponse>("/store/customers/me/assistance-consent", { allowed }, headers),
      /**
       * POST /store/assistance-sessions/exchange: the one-time code of an
       * assistance link for a customer token. The caller keeps the token
       * (`await sdk.client.setToken(token)`) to shop as the customer.
       */
      exchange: (code: string, headers?: ClientHeaders) =>
        post<StoreExchangeAssistanceCodeResponse>("/store/assistance-sessions/exchange", { code }, headers),
      /** GET /store/assistance-sessions/current: the session behind the current token, or null. */
      current: (headers?: ClientHeaders) =>
        get<StoreCurrentAssistanceSessionResponse>("/store/assistance-sessions/current", undefined, headers),
      /** POST /store/assistance-sessions/current/end: ends it (the token stops working). */
      end: (headers?: ClientHeaders) =>
        post<StoreEndAssistanceSessionResponse>("/store/assistance-sessions/current/end", {}, headers),
    },
  }
}

export type CustomerSuiteClient = ReturnType<typeof createCustomerSuiteClient>

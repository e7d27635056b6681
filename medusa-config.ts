import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import type { CustomerSuiteOptions } from "./src/modules/customer_suite/options"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The development store: the repository root booted as a Medusa app whose
 * own src/ is the plugin. Its modules are listed explicitly here, with the
 * options a merchant would pass to the plugin.
 */
const customerSuiteOptions: CustomerSuiteOptions = {
  // CUSTOMER_SUITE_ACTIVITY=false: no sign-in limits, revocation check or presence (bench/activity's baseline).
  activity: { enabled: process.env.CUSTOMER_SUITE_ACTIVITY !== "false" },
  assistance: {
    enabled: process.env.CUSTOMER_SUITE_ASSISTANCE === "true",
    storefront_url: process.env.CUSTOMER_SUITE_STOREFRONT_URL
      ? `${process.env.CUSTOMER_SUITE_STOREFRONT_URL.replace(/\/$/, "")}/account/assist?code={code}`
      : null,
  },
}

const databaseUrl =
  process.env.DATABASE_URL ?? "postgres://postgres@localhost:5432/medusa_customer_suite"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl,
    databaseDriverOptions: databaseUrl.includes("localhost")
      ? { connection: { ssl: false } }
      : undefined,
    // The demo and the browser tests serve the built dashboard over plain
    // http://localhost with NODE_ENV=production, where Medusa marks the session
    // cookie Secure (never sent over http). This store is for development only.
    cookieOptions: {
      sameSite: "lax",
      secure: process.env.SESSION_COOKIE_SECURE === "true",
    },
    http: {
      storeCors: process.env.STORE_CORS ?? "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS ?? "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS ?? "http://localhost:8000,http://localhost:9000,http://localhost:5173",
      jwtSecret: process.env.JWT_SECRET ?? "supersecret",
      cookieSecret: process.env.COOKIE_SECRET ?? "supersecret",
    },
  },
  admin: {
    disable: process.env.DISABLE_MEDUSA_ADMIN === "true",
  },
  modules: [
    {
      resolve: "./src/modules/customer_suite",
      options: customerSuiteOptions,
    },
    {
      resolve: "./src/modules/customer_segment",
      options: customerSuiteOptions,
    },
    {
      resolve: "./src/modules/tax_class",
      options: customerSuiteOptions,
    },
    {
      resolve: "./src/modules/shopping_assistance",
      options: customerSuiteOptions,
    },
    {
      resolve: "./src/modules/group_pricing",
      options: customerSuiteOptions,
    },
    {
      resolve: "./src/modules/personalization",
      options: customerSuiteOptions,
    },
    {
      resolve: "./src/modules/customer_activity",
      options: customerSuiteOptions,
    },
    {
      // Medusa's default file storage (files in ./static, served under /static),
      // with URLs on the port this store listens on. The demo seed stores its
      // product pictures here.
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: {
              backend_url:
                process.env.FILE_BACKEND_URL ?? `http://localhost:${process.env.PORT ?? 9000}/static`,
            },
          },
        ],
      },
    },
    {
      // The tax-class provider next to Medusa's system provider; tax regions
      // choose it by id: tp_tax-class_default.
      resolve: "@medusajs/medusa/tax",
      options: { providers: [{ resolve: "./src/providers/tax-class", id: "default" }] },
    },
  ],
})

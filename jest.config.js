const { loadEnv } = require("@medusajs/framework/utils")

loadEnv("test", process.cwd())

const transform = {
  "^.+\\.[jt]sx?$": [
    "@swc/jest",
    {
      jsc: {
        parser: { syntax: "typescript", tsx: true, decorators: true },
        transform: { react: { runtime: "automatic" } },
      },
    },
  ],
}

const base = {
  transform,
  testEnvironment: "node",
  moduleFileExtensions: ["js", "mjs", "ts", "tsx", "json"],
  modulePathIgnorePatterns: [
    "<rootDir>/.medusa/",
    "<rootDir>/.demo/",
    "<rootDir>/integration-tests/consumer/.fixture/",
  ],
  setupFiles: ["<rootDir>/integration-tests/setup.js"],
}

/**
 * One jest run, several projects (select with --selectProjects):
 * - unit:     pure code, no database (and the scripts' helpers)
 * - modules:  one module at a time (moduleIntegrationTestRunner)
 * - http:     the root app booted over HTTP (medusaIntegrationTestRunner)
 * - consumer: the packed plugin installed into a separate store
 * - e2e:      the admin dashboard in Debian's chromium (playwright-core)
 * - cluster:  two servers and a worker (`medusa start`) on Redis and one database
 */
module.exports = {
  projects: [
    {
      ...base,
      displayName: "unit",
      // scripts/ (the demo and test runner's helpers) are ES modules, run as such
      // (NODE_OPTIONS=--experimental-vm-modules, which scripts/test.mjs sets).
      testMatch: [
        "<rootDir>/src/**/__tests__/**/*.unit.spec.[jt]s?(x)",
        "<rootDir>/scripts/**/__tests__/**/*.unit.spec.?(m)[jt]s",
      ],
    },
    {
      ...base,
      displayName: "modules",
      testMatch: ["<rootDir>/src/modules/*/__tests__/**/*.spec.[jt]s"],
      testPathIgnorePatterns: ["\\.unit\\.spec\\."],
    },
    {
      ...base,
      displayName: "http",
      testMatch: ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"],
    },
    {
      ...base,
      displayName: "consumer",
      testMatch: ["<rootDir>/integration-tests/consumer/**/*.spec.[jt]s"],
    },
    {
      ...base,
      displayName: "e2e",
      testMatch: ["<rootDir>/e2e/**/*.e2e.spec.[jt]s"],
    },
    {
      ...base,
      displayName: "cluster",
      testMatch: ["<rootDir>/integration-tests/cluster/**/*.spec.[jt]s"],
    },
  ],
}

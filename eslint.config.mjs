import medusa from "@medusajs/eslint-plugin"

export default [
  {
    ignores: [
      "node_modules/**",
      ".medusa/**",
      ".demo/**",
      ".cache/**",
      "e2e/artifacts/**",
      "integration-tests/consumer/.fixture/**",
    ],
  },
  ...medusa.configs.recommended,
  {
    // Test harnesses and scripts are not served over HTTP: a plain Error is right there.
    files: ["e2e/**", "integration-tests/**", "scripts/**"],
    rules: { "@medusajs/use-medusa-error-not-generic-error": "off" },
  },
  {
    // The rule engine is pure TypeScript with no Medusa imports (ARCHITECTURE §2):
    // it throws its own errors, which the module and routes turn into MedusaError.
    files: ["src/modules/customer_segment/rules/**"],
    rules: { "@medusajs/use-medusa-error-not-generic-error": "off" },
  },
]

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
  {
    // Shipped code has no `any` (`as any` silences the type checker; a real type says what is meant).
    // A syntax rule: it needs no extra plugin beside the parser Medusa's preset brings.
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/**/__tests__/**"],
    rules: {
      "no-restricted-syntax": ["error", { selector: "TSAnyKeyword", message: "No `any` in shipped code: give the value a real type." }],
    },
  },
]

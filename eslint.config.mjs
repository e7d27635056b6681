import medusa from "@medusajs/eslint-plugin"

export default [
  {
    ignores: [
      "node_modules/**",
      ".medusa/**",
      ".demo/**",
      ".cache/**",
      "e2e/artifacts/**",
      "examples/*/dist/**",
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
    // The example storefront runs in the browser, not in Medusa: no MedusaError there, and its
    // store types come from @medusajs/types (HttpTypes), as a storefront's do, not the server's framework.
    files: ["examples/**"],
    rules: {
      "@medusajs/use-medusa-error-not-generic-error": "off",
      "@medusajs/import-from-framework-not-internal": "off",
    },
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
  {
    // Toasts go through components/common/toast (top centre): the dashboard's own placement covers action buttons.
    files: ["src/admin/**/*.ts", "src/admin/**/*.tsx"],
    ignores: ["src/admin/components/common/toast.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@medusajs/ui", importNames: ["toast"], message: "Use toast from components/common/toast (placed where it covers no buttons)." }] },
      ],
    },
  },
]

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
]

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
]

// The example storefront's build: React through esbuild's automatic JSX
// runtime (no React plugin needed for a production build). The runtime
// settings (backend URL, publishable key) come from /config.json, served next
// to the build, never from the build itself.
import path from "node:path"
import { fileURLToPath } from "node:url"
import { defineConfig } from "vite"

const here = path.dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  root: here,
  base: "/",
  logLevel: "warn",
  esbuild: { jsx: "automatic" },
  build: {
    outDir: path.join(here, "dist"),
    emptyOutDir: true,
    target: "es2020",
    chunkSizeWarningLimit: 1000,
  },
  server: { port: 8000, fs: { allow: [path.resolve(here, "../..")] } },
})

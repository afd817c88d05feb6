import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

// Built into web/dist, which the gateway serves at /; in development the API is proxied to it.
export default defineConfig({
  plugins: [preact()],
  build: { outDir: "dist", emptyOutDir: true },
  server: { proxy: { "/api": "http://127.0.0.1:8000", "/healthz": "http://127.0.0.1:8000" } },
  test: { environment: "node", include: ["src/**/*.test.ts"] },
});

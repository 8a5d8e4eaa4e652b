import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.API_URL ?? 'http://localhost:3000';

// GOV.UK Frontend keeps an IE11-only hack (`@media screen and (min-width: 0\0)`) that lightningcss, Vite's CSS
// minifier, cannot parse. No browser we support needs it: drop those rules before minifying.
const dropIeHacks = {
  postcssPlugin: 'drop-ie-hacks',
  AtRule: {
    media(rule: { params: string; remove(): void }) {
      if (/min-width: 0(\\0|\uFFFD)/.test(rule.params)) rule.remove();
    },
  },
};

// The dashboard is a static bundle: `npm run build:client` writes dist/client, which the API server serves at `/`.
// In development (`vite client`), API calls are proxied to a running server (API_URL, default localhost:3000).
export default defineConfig({
  root,
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../dist/client', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
  css: {
    postcss: { plugins: [dropIeHacks] },
    preprocessorOptions: {
      scss: {
        loadPaths: [fileURLToPath(new URL('../node_modules', import.meta.url))],
        quietDeps: true,
      },
    },
  },
  server: {
    proxy: { '/api': apiTarget, '/healthz': apiTarget },
  },
  preview: {
    proxy: { '/api': apiTarget, '/healthz': apiTarget },
  },
});

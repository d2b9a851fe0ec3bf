import { defineConfig } from 'vite';

/** Served by the server under /graphql (the page) and /graphql/assets (its files). */
export default defineConfig({
  base: '/graphql/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 4096 },
});

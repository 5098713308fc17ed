// Builds the browser app into dist/apps/web, which the API serves at / (see docs/web.md).
import react from '@vitejs/plugin-react';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: join(root, '../../dist/apps/web'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    // `npx vite apps/web` during development, with `npm start` running the API on port 3000.
    proxy: { '/api': 'http://localhost:3000' },
  },
});

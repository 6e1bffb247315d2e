import { defineConfig } from 'vite';

// `npm run web:build` (vite build web): web/index.html → web/dist, served at / by the embedded stack.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
});

import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** The API's GET answers the form needs offline, on the page's origin or config.json's apiBaseUrl. */
const OFFLINE_READS: Record<string, 'NetworkFirst' | 'StaleWhileRevalidate'> = {
  // Small and may change with a deploy: the network's answer when there is one, the kept one offline.
  '/v1/reference-data': 'NetworkFirst',
  '/config.json': 'NetworkFirst',
  // Large and rarely changed (it has an ETag): the kept copy at once, refreshed in the background.
  '/v1/sites/index': 'StaleWhileRevalidate',
};

// `npm run web:build` (vite build web): web/index.html → web/dist, served at / by the embedded stack.
// vite-plugin-pwa adds manifest.webmanifest and sw.js (Workbox, generateSW): the app shell precached,
// the reads above cached at run time; nothing else, and never a POST (docs/web-front-end.md).
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  plugins: [
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      // Registered by web/src/offline-app.ts (workbox-window): no inline script, which the CSP forbids.
      injectRegister: false,
      // The icons are in the precache already (globPatterns).
      includeManifestIcons: false,
      manifest: {
        name: 'Newcomer intake',
        short_name: 'Intake',
        description: 'Register anonymous clients of settlement agencies.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1a1a1a',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,woff2,svg,png}'],
        navigateFallback: 'index.html',
        // API paths are never pages: a navigation to one goes to the network.
        navigateFallbackDenylist: [/^\/v1\//, /^\/local\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: Object.entries(OFFLINE_READS).map(([path, handler]) => ({
          // A regular expression, not a function: sw.js gets the pattern's source text, without closures.
          // From the URL's start, as Workbox requires for another origin (the API in AWS).
          urlPattern: new RegExp(`^https?://[^/]+${path.replace(/[.]/g, '\\.')}(?:[?#]|$)`),
          handler,
          method: 'GET',
          options: {
            cacheName: `offline-reads${path.replace(/[^a-z]+/g, '-')}`,
            cacheableResponse: { statuses: [200] },
            expiration: { maxEntries: 4 },
            ...(handler === 'NetworkFirst' ? { networkTimeoutSeconds: 4 } : {}),
          },
        })),
      },
    }),
  ],
});

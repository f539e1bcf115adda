import { defineConfig } from 'vite';

const api = process.env.VAFA_API_URL ?? 'http://localhost:3000';

/** The console is served by the API under /console; `npm run dev:console` proxies the API. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  // React's automatic JSX runtime, compiled by Vite's own transformer (no Babel plugin).
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      onwarn(warning, warn) {
        // Mantine marks its modules "use client" for server components; meaningless in a SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') {
          return;
        }
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/v1': { target: api, changeOrigin: false },
      '/docs': { target: api, changeOrigin: false },
    },
  },
});

import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The dev server injects inline scripts (React refresh preamble) that the strict CSP in
 * renderer/index.html forbids, so the CSP meta is dropped while serving in dev only.
 * Production builds (what both shells load) keep it.
 */
function devWithoutCsp(): Plugin {
  return {
    name: 'frontdesk-dev-without-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/i, '');
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), devWithoutCsp()],
  // No public/ folder; everything the page loads is bundled.
  publicDir: false,
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    // Source maps would double the build time and are not shipped.
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', strictPort: false },
});

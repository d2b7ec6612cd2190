import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// Run from web/: `cd web && vite build` (or `vite dev`).
export default defineConfig({
  plugins: [sveltekit()],
  server: {
    // Allow Vite to serve DSFR fonts/icons from the repository-root node_modules in dev.
    fs: { allow: ['..'] },
  },
});

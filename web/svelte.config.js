// SvelteKit configuration. Build from this folder: `cd web && vite build`
// (SvelteKit reads svelte.config.js, src/ and .svelte-kit/ from the current directory).
import { fileURLToPath } from 'node:url';
import adapterNode from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const webDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * adapter-node reads `package.json` from the current directory to decide which
 * dependencies stay external. The project has a single package.json, at the repository
 * root, so the adapter runs from there; its output goes to web/build (absolute path).
 * @param {import('@sveltejs/adapter-node').AdapterOptions} options
 * @returns {import('@sveltejs/kit').Adapter}
 */
function adapterFromRepoRoot(options) {
  const adapter = adapterNode(options);
  return {
    ...adapter,
    async adapt(builder) {
      const previous = process.cwd();
      process.chdir(repoRoot);
      try {
        await adapter.adapt(builder);
      } finally {
        process.chdir(previous);
      }
    },
  };
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // The Express server mounts web/build/handler.js after its /api/v1 routes.
    adapter: adapterFromRepoRoot({ out: `${webDir}build`, precompress: false }),
    // Strict CSP (docs/rules.md §11): scripts and styles from the app itself only, SvelteKit's
    // own inline script allowed by a nonce (rendered pages) or a hash (prerendered ones).
    // DSFR is bundled and served from the app; it styles through the CSSOM, which style-src
    // does not restrict, so no 'unsafe-inline' is needed for scripts nor for styles (the
    // browser tests fail on any CSP violation reported on the console).
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['none'],
        'script-src': ['self'],
        'style-src': ['self'],
        // The one style attribute: SvelteKit's route announcer (a visually hidden live region),
        // allowed by the hash of its exact value; recompute it if a SvelteKit upgrade changes it.
        'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
        'img-src': ['self', 'data:'],
        'font-src': ['self', 'data:'],
        'connect-src': ['self'],
        'manifest-src': ['self'],
        'form-action': ['self'],
        'base-uri': ['self'],
        'object-src': ['none'],
        'frame-ancestors': ['none'],
      },
    },
    // CSRF: SvelteKit's origin check on form actions stays on (the default).
    // The pure rules and their French wording live once, in domain/: pages import them. The
    // API's response contracts live once, in contracts/: the web parses answers with them.
    alias: { $domain: '../domain', $contracts: '../contracts' },
  },
};

export default config;

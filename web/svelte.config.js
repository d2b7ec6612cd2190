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
    // CSRF: SvelteKit's origin check on form actions stays on (the default).
    // The pure rules and their French wording live once, in domain/: pages import them. The
    // API's response contracts live once, in contracts/: the web parses answers with them.
    alias: { $domain: '../domain', $contracts: '../contracts' },
  },
};

export default config;

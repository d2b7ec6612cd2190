// Limits of the SvelteKit handler (adapter-node), which reads them from the environment when
// web/build/handler.js is imported.

/**
 * Default of adapter-node's BODY_SIZE_LIMIT (512K otherwise): the admin CSV upload
 * (/admin/imports) must carry what the API accepts, 5 MB of CSV, plus the multipart envelope.
 * An operator's own BODY_SIZE_LIMIT wins.
 */
export const WEB_BODY_SIZE_LIMIT = '6M';

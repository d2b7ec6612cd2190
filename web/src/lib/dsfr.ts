// Starts the DSFR JavaScript (header menu, modals, password toggle, colour scheme…).
//
// DSFR is told it runs beside a framework ("react" is its generic framework mode): it
// then never rewrites DOM owned by Svelte (e.g. it does not copy the header tools links
// into the mobile menu, the layout renders them in both places) and waits for start().
// It watches the DOM afterwards, so pages rendered by client-side navigation are covered.
let started = false;

export async function startDsfr(): Promise<void> {
  if (started) return;
  started = true;
  window.dsfr = { mode: 'react', production: true };
  await import('@gouvfr/dsfr/dist/dsfr.module.min.js');
  window.dsfr?.start?.();
}

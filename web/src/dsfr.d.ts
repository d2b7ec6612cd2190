// The DSFR package ships its ES module without type declarations; it is only
// imported for its side effects (it starts the DSFR behaviours on the page).
declare module '@gouvfr/dsfr/dist/dsfr.module.min.js';

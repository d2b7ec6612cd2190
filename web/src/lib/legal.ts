// What the footer and the legal pages state about the service (DSFR footer, RGAA).

/**
 * RGAA compliance status, as the law asks it to be stated: no audit of the whole service
 * against the RGAA has been made yet, so the service may only claim « non conforme ».
 */
export const ACCESSIBILITY_STATUS = 'non conforme';

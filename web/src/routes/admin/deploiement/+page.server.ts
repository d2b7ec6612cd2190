import { pageErrorFrom, requireRole } from '$lib/server/access';
import { ADMIN_ONLY, adminApi } from '$lib/server/admin-api';
import { callerOf } from '$lib/server/api';
import { confirmationNeeded } from '$lib/server/confirmation';
import { apiFailure, textField } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event, ['ADMIN'], ADMIN_ONLY);
  try {
    return { departements: await adminApi.departementSettings(callerOf(event)) };
  } catch (err) {
    pageErrorFrom(err, event);
  }
};

/** One form per département: `code` and the wanted state `enabled` ("oui" / "non"). */
export const actions = {
  default: async (event) => {
    requireRole(event, ['ADMIN'], ADMIN_ONLY);
    const form = await event.request.formData();
    const code = textField(form, 'code');
    const enabled = textField(form, 'enabled') === 'oui';
    // A switch changes what every SIAE of the département may do: confirmed first (docs/rules.md §10).
    const step = confirmationNeeded(form, 'basculer');
    if (step) return step;
    try {
      const setting = await adminApi.setSelfPrescription(callerOf(event), code, enabled);
      return {
        code,
        success: `Auto-prescription ${setting.selfPrescriptionEnabled ? 'ouverte' : 'fermée'} : ${setting.name} (${setting.code}).`,
      };
    } catch (err) {
      return apiFailure(err, event, { code });
    }
  },
} satisfies Actions;

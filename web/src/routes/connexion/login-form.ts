// Validation of the sign-in form, with French messages for each field.
import { z } from 'zod';

const loginSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Saisissez votre adresse électronique.')
    .pipe(z.email('Saisissez une adresse électronique valide, par exemple nom@domaine.fr.')),
  password: z.string().min(1, 'Saisissez votre mot de passe.'),
});

export interface LoginFieldErrors {
  email: string | null;
  password: string | null;
}

export const NO_FIELD_ERRORS: LoginFieldErrors = { email: null, password: null };

export type LoginFormResult =
  | { ok: true; credentials: z.infer<typeof loginSchema> }
  | { ok: false; email: string; message: string; fieldErrors: LoginFieldErrors };

export function parseLoginForm(form: FormData): LoginFormResult {
  const rawEmail = form.get('email');
  const rawPassword = form.get('password');
  const email = typeof rawEmail === 'string' ? rawEmail.trim() : '';
  const result = loginSchema.safeParse({
    email,
    password: typeof rawPassword === 'string' ? rawPassword : '',
  });
  if (result.success) return { ok: true, credentials: result.data };

  const fieldErrors: LoginFieldErrors = { ...NO_FIELD_ERRORS };
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if ((field === 'email' || field === 'password') && !fieldErrors[field]) fieldErrors[field] = issue.message;
  }
  return { ok: false, email, message: 'Le formulaire contient des erreurs.', fieldErrors };
}

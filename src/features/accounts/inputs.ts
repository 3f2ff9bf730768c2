import { z } from 'zod';
import { locales } from '../../platform/i18n/locales.ts';
import { roles } from '../../platform/policy/levels.ts';

/*
 * The inputs of accounts, one schema each: a new account (the secretariat's form, the command
 * line, the demonstration accounts), a password, a personal API token. Whether a State or an
 * organization exists, or an e-mail is taken, is checked by the write core.
 */

export const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const password = z.string().min(12, 'must be at least 12 characters').max(256, 'must be at most 256 characters');

const code = z.string().trim().toUpperCase().nullish();

export const newUserInput = z
  .strictObject({
    email: z.string().transform(normaliseEmail).pipe(z.string().regex(emailPattern, 'is not an e-mail address')),
    displayName: z.string().trim().min(1, 'is required'),
    role: z.enum(roles, `must be one of ${roles.join(', ')}`),
    password,
    stateIso3: code,
    organizationCode: code,
    locale: z.enum(locales, `is not one of ${locales.join(', ')}`).default('en'),
  })
  .superRefine((u, ctx) => {
    if (u.role === 'state-contact' && !u.stateIso3)
      ctx.addIssue({ code: 'custom', path: ['state'], message: 'is required for a State point of contact' });
    if (u.role === 'provider' && !u.stateIso3 && !u.organizationCode)
      ctx.addIssue({ code: 'custom', path: ['organization'], message: 'a provider speaks for a State or an organization' });
  });

/** A new account as a form, the command line or the demonstration data give it, before any check. */
export interface NewUser {
  email: string;
  displayName: string;
  role: string;
  password: string;
  stateIso3?: string | null;
  organizationCode?: string | null;
  locale?: string;
}

export const tokenInput = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  expiresInDays: z
    .number()
    .refine((d) => Number.isInteger(d) && d >= 1 && d <= 3650, 'must be a whole number of days from 1 to 3650')
    .optional(),
});

import { z } from 'zod';

export const ZEmail = z.email().max(254);
export const ZPassword = z.string().min(10, 'password_too_weak').max(200);

export const ZLogin = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) });
export const ZMfa = z.object({ code: z.string().trim().min(6).max(20) });
export const ZResetRequest = z.object({ email: z.string().trim().min(1).max(254) });
export const ZResetConfirm = z.object({ token: z.string().min(10).max(200), password: ZPassword });
export const ZSetup = z.object({ email: ZEmail, displayName: z.string().trim().min(1).max(120), password: ZPassword });

export const ZLoginResult = z.object({ mfaRequired: z.boolean(), csrfToken: z.string(), home: z.string() });
export const ZMfaResult = z.object({ csrfToken: z.string(), home: z.string() });

export const ZMeUpdate = z.object({
  displayName: z.string().trim().min(1).max(120).optional(),
  locale: z.enum(['fr', 'en']).optional(),
});
export const ZPasswordChange = z.object({ currentPassword: z.string().min(1).max(200), newPassword: ZPassword });
export const ZSwitchOrg = z.object({ organizationId: z.string().min(1).max(64) });
export const ZTotpEnable = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
export const ZTotpDisable = z.object({ password: z.string().min(1).max(200) });
export const ZTokenCreate = z.object({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(z.enum(['read', 'write'])).min(1),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from './client.ts';
import { keys } from './keys.ts';
import type { ApiToken, ItemList, Locale, Me, Session, TokenScope, TotpSetup } from './types.ts';

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}

/** `GET /api/me`; `null` when nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: fetchMe, staleTime: 30_000, retry: false });
}

function useSetMe() {
  const qc = useQueryClient();
  return (me: Me) => {
    setCsrfToken(me.csrfToken);
    qc.setQueryData(keys.me, me);
  };
}

/** `PATCH /api/me {displayName?, locale?}`. */
export function useUpdateMe() {
  const setMe = useSetMe();
  return useMutation({
    mutationFn: (body: { displayName?: string; locale?: Locale }) => api<Me>('/me', { method: 'PATCH', body }),
    onSuccess: setMe,
  });
}

/** `POST /api/me/password`. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api<void>('/me/password', { method: 'POST', body }),
  });
}

/** `POST /api/me/organization`: switches the current organisation, then refetches everything. */
export function useSwitchOrganization() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (organizationId: string) => api<Me>('/me/organization', { method: 'POST', body: { organizationId } }),
    onSuccess: async (me) => {
      setCsrfToken(me.csrfToken);
      qc.setQueryData(keys.me, me);
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' || q.queryKey.length > 1 });
    },
  });
}

/** `GET /api/me/sessions`. */
export function useSessions() {
  return useQuery({ queryKey: keys.sessions, queryFn: () => api<ItemList<Session>>('/me/sessions') });
}

/** `DELETE /api/me/sessions/:id`. */
export function useRevokeSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/me/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.sessions }),
  });
}

/** `POST /api/me/totp/setup`: a new secret and its QR code. */
export function useTotpSetup() {
  return useMutation({ mutationFn: () => api<TotpSetup>('/me/totp/setup', { method: 'POST' }) });
}

/** `POST /api/me/totp/enable {code}` → recovery codes, shown once. */
export function useTotpEnable() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<{ recoveryCodes: string[] }>('/me/totp/enable', { method: 'POST', body: { code } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.me }),
  });
}

/** `POST /api/me/totp/disable {password}`. */
export function useTotpDisable() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api<void>('/me/totp/disable', { method: 'POST', body: { password } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.me }),
  });
}

/** `GET /api/me/tokens`. */
export function useTokens() {
  return useQuery({ queryKey: keys.tokens, queryFn: () => api<ItemList<ApiToken>>('/me/tokens') });
}

/** `POST /api/me/tokens` → the secret token, shown once. */
export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scopes: TokenScope[]; expiresInDays?: number }) =>
      api<ApiToken & { token: string }>('/me/tokens', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens }),
  });
}

/** `DELETE /api/me/tokens/:id`. */
export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/me/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens }),
  });
}

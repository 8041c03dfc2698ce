import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './client.ts';
import { keys } from './keys.ts';
import type { LoginResponse } from './types.ts';

/** `GET /api/setup`: does the installation still need its first operator? */
export function useSetupStatus() {
  return useQuery({ queryKey: keys.setup, queryFn: () => api<{ needsSetup: boolean }>('/setup'), staleTime: 60_000 });
}

function useSignedIn() {
  const qc = useQueryClient();
  return (res: LoginResponse) => {
    setCsrfToken(res.csrfToken);
    if (!res.mfaRequired) void qc.invalidateQueries();
  };
}

/** `POST /api/setup`: creates the first operator, who is then signed in. */
export function useSetup() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: { email: string; displayName: string; password: string }) =>
      api<LoginResponse>('/setup', { method: 'POST', body }),
    onSuccess: (res) => signedIn({ ...res, mfaRequired: false }),
  });
}

/** `POST /api/auth/login`. */
export function useLogin() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api<LoginResponse>('/auth/login', { method: 'POST', body }),
    onSuccess: signedIn,
  });
}

/** `POST /api/auth/mfa` with a TOTP or recovery code. */
export function useMfa() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (code: string) => api<Omit<LoginResponse, 'mfaRequired'>>('/auth/mfa', { method: 'POST', body: { code } }),
    onSuccess: (res) => signedIn({ ...res, mfaRequired: false }),
  });
}

/** `POST /api/auth/logout`, then forgets every cached query. */
export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(keys.me, null);
    },
  });
}

/** `POST /api/auth/password-reset` (always 202). */
export function usePasswordReset() {
  return useMutation({
    mutationFn: (email: string) => api<void>('/auth/password-reset', { method: 'POST', body: { email } }),
  });
}

/** `POST /api/auth/password-reset/confirm`. */
export function usePasswordResetConfirm() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      api<void>('/auth/password-reset/confirm', { method: 'POST', body }),
  });
}

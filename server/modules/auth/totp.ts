import { authenticator } from 'otplib';
import { newSecret, sha256 } from '../../platform/ids.ts';

authenticator.options = { window: 1 };

export const generateTotpSecret = (): string => authenticator.generateSecret();
export const totpUri = (email: string, secret: string): string => authenticator.keyuri(email, 'Relais', secret);

/**
 * The 30-second time step a valid code belongs to (null when invalid). Storing the last accepted step
 * lets the caller refuse a code that was already used (no replay within its validity window).
 */
export function totpStep(code: string, secret: string): number | null {
  if (!/^\d{6}$/.test(code) || !secret) return null;
  const delta = authenticator.checkDelta(code, secret);
  return delta === null ? null : Math.floor(Date.now() / 30_000) + delta;
}

/** Ten single-use recovery codes, shown once; only their hashes are kept. */
export function newRecoveryCodes(): { plain: string[]; hashed: string[] } {
  const plain = Array.from({ length: 10 }, () => {
    const s = newSecret(6).replace(/[-_]/g, 'x').toLowerCase().slice(0, 8);
    return `${s.slice(0, 4)}-${s.slice(4, 8)}`;
  });
  return { plain, hashed: plain.map(normalizedHash) };
}

export function normalizedHash(code: string): string {
  return sha256(code.trim().toLowerCase());
}

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from './ids.ts';
import { findThreadToken, signThreadToken, verifyThreadToken } from './thread-token.ts';

const SECRET = 'un-secret-de-test-assez-long-pour-hmac-0123456789';

test('a signed token is found in a reply address or a subject and names the request and the recipient', () => {
  const ref = { organizationId: newId(), requestId: newId(), recipientId: newId() };
  const token = signThreadToken(SECRET, ref);
  assert.equal(findThreadToken(`Support <reply+${token}@rh.horizon.test>`), token);
  assert.equal(findThreadToken(`Re: [#${token.toUpperCase()}] Votre demande`), token);
  assert.deepEqual(verifyThreadToken(SECRET, ref.organizationId, token), ref);
});

test('a token fails on another organisation, another secret, or any altered character', () => {
  const ref = { organizationId: newId(), requestId: newId(), recipientId: newId() };
  const token = signThreadToken(SECRET, ref);
  assert.equal(verifyThreadToken(SECRET, newId(), token), null);
  assert.equal(verifyThreadToken(`${SECRET}x`, ref.organizationId, token), null);
  const other = signThreadToken(SECRET, { ...ref, recipientId: newId() });
  const forged = `${other.split('.')[0]}.${other.split('.')[1]}.${token.split('.')[2]}`;
  assert.equal(verifyThreadToken(SECRET, ref.organizationId, forged), null);
  for (const i of [0, 40, token.length - 1]) {
    const c = token[i] === '0' ? '1' : '0';
    assert.equal(verifyThreadToken(SECRET, ref.organizationId, token.slice(0, i) + c + token.slice(i + 1)), null);
  }
  assert.equal(verifyThreadToken(SECRET, ref.organizationId, 'pas-un-jeton'), null);
  assert.equal(findThreadToken('Re: votre demande'), null);
});

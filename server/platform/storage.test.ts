import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { after, test } from 'node:test';
import { LocalDiskStorage, TooLargeError } from './storage.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'relais-storage-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('stores bytes under a generated key with their size and SHA-256, and reads them back', async () => {
  const storage = new LocalDiskStorage(dir);
  const content = 'Attestation employeur — Lyon\n'.repeat(1000);
  const stored = await storage.put(Readable.from([Buffer.from(content)]));
  assert.match(stored.key, /^[0-9a-f-]{36}$/);
  assert.equal(stored.size, Buffer.byteLength(content));
  assert.equal(stored.sha256, createHash('sha256').update(content).digest('hex'));
  assert.equal(await text(storage.get(stored.key)), content);
  await storage.remove(stored.key);
  assert.equal(await storage.exists(stored.key), false);
});

test('an oversized upload fails and leaves no file, not even a temp part', async () => {
  const storage = new LocalDiskStorage(dir);
  const chunks = Array.from({ length: 10 }, () => Buffer.alloc(1024, 1));
  await assert.rejects(storage.put(Readable.from(chunks), { maxBytes: 4096 }), TooLargeError);
  assert.deepEqual(readdirSync(path.join(dir, 'files', 'tmp')), []);
});

test('keys that are not generated ids are refused (names are never paths)', () => {
  const storage = new LocalDiskStorage(dir);
  assert.throws(() => storage.get('../../etc/passwd'));
});

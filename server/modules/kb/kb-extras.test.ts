/**
 * Drafts from resolved requests (readable, not confidential, resolved or closed) and Markdown safety:
 * the XSS corpus is stored verbatim and rendered harmless.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { executableMarkup as executable, XSS_CORPUS } from '../../../common/xss-corpus.ts';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';

type Api = ReturnType<typeof as>;
interface Req {
  id: string;
  title: string;
  status: string;
  confidentiality: string;
}
let t: TestApp;
let requester: Api;
let assistant: Api;
let dpo: Api;
let requests: Req[];

before(async () => {
  t = await testApp({ demo: true });
  requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  assistant = as(t.app, await login(t.app, 'assistante@horizon.test'));
  dpo = as(t.app, await login(t.app, 'dpo@horizon.test'));
  requests = (await as(t.app, await login(t.app, 'referent@horizon.test'))('GET', '/api/requests?limit=100')).json().items;
});
after(() => t.close());

const byTitle = (title: string) => requests.find((r) => r.title === title) as Req;

test('a resolved request becomes a draft FAQ: title, question, last public answer, service, source', async () => {
  const source = byTitle('Devis climatisation de la salle de pause');
  assert.equal(source.status, 'resolved');
  assert.equal((await requester('POST', '/api/kb/articles/from-request', { requestId: source.id })).statusCode, 403);
  assert.equal((await dpo('POST', '/api/kb/articles/from-request', { requestId: source.id })).statusCode, 403);
  const res = await assistant('POST', '/api/kb/articles/from-request', { requestId: source.id });
  assert.equal(res.statusCode, 201, res.body);
  const a = res.json();
  assert.deepEqual(
    [a.title, a.type, a.status, a.sourceRequestId, a.audience],
    [source.title, 'faq', 'draft', source.id, { kind: 'staff' }],
  );
  assert.match(a.body, /^## Question\n\n[\s\S]+\n\n## Réponse\n\nTrois devis reçus, je vous les transmets en pièce jointe\.\n$/);
  assert.equal(a.serviceIds.length, 1);
  const revisions = (await assistant('GET', `/api/kb/articles/${a.id}/revisions`)).json().items;
  assert.match(revisions[0].note, /^Créé depuis la demande /);
});

test('open, confidential or unreadable requests are refused', async () => {
  const open = requests.find((r) => !['resolved', 'closed'].includes(r.status) && r.confidentiality === 'normal') as Req;
  const refused = await assistant('POST', '/api/kb/articles/from-request', { requestId: open.id });
  assert.equal(refused.statusCode, 422);
  assert.equal(refused.json().message, 'Seule une demande résolue ou clôturée peut devenir un article.');
  // A confidential request (attestation employeur) the assistant was cleared for: readable, still refused.
  const services = (await requester('GET', '/api/catalog/services')).json().items as { id: string; name: string }[];
  const serviceId = services.find((x) => x.name === 'Attestation employeur')?.id;
  const answers = { type: 'Attestation de travail', date_souhaitee: '2026-12-15' };
  const created = await requester('POST', '/api/requests', { serviceId, title: 'Attestation pour mon bailleur', answers });
  assert.equal(created.statusCode, 201, created.body);
  const secret = created.json() as Req;
  assert.equal(secret.confidentiality, 'confidential');
  const lea = as(t.app, await login(t.app, 'lea.moreau@horizon.test'));
  assert.equal((await lea('POST', '/api/kb/articles/from-request', { requestId: secret.id })).statusCode, 404, 'not cleared');
  const sophie = (await assistant('GET', '/api/me')).json().user.id;
  const keyUser = as(t.app, await login(t.app, 'referent@horizon.test'));
  const cleared = await keyUser('POST', `/api/requests/${secret.id}/cleared`, { userId: sophie });
  assert.ok(cleared.statusCode < 300, cleared.body);
  const confidential = await assistant('POST', '/api/kb/articles/from-request', { requestId: secret.id });
  assert.equal(confidential.statusCode, 422, confidential.body);
  assert.match(confidential.json().message, /confidentielle/);
  const unknown = await assistant('POST', '/api/kb/articles/from-request', { requestId: '00000000-0000-7000-8000-000000000000' });
  assert.equal(unknown.statusCode, 404);
});

test('XSS corpus: stored verbatim in body and title, rendered harmless, found by search', async () => {
  const spaces = (await assistant('GET', '/api/kb/spaces')).json().items as { id: string; name: string }[];
  const spaceId = spaces.find((s) => s.name === 'Procédures du pôle')?.id;
  for (const [i, input] of XSS_CORPUS.entries()) {
    const body = `Essai ${i}\n\n${input}`;
    const res = await assistant('POST', '/api/kb/articles', {
      spaceId,
      title: input,
      body,
      type: 'faq',
      audience: { kind: 'staff' },
    });
    assert.equal(res.statusCode, 201, res.body);
    const a = (await assistant('GET', `/api/kb/articles/${res.json().id}`)).json();
    assert.equal(a.body, body);
    assert.equal(a.title, input.trim());
    assert.equal(executable(a.html), null, `${input} → ${a.html}`);
  }
  const found = (await assistant('GET', '/api/kb/articles?q=alert')).json();
  assert.ok(found.total >= XSS_CORPUS.length - 4, `${found.total}`);
  // Snippets are plain text with marks: the hostile text is kept, for the web to show as text.
  assert.ok(found.items.some((i: { excerpt: string }) => i.excerpt.includes('<script>⟦alert⟧(1)</script')));
});

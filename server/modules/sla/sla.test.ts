import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';

let t: TestApp;
let sites: Record<string, string>;
let bellevueSite: string;
let assistant: ReturnType<typeof as>;
let referent: ReturnType<typeof as>;

before(async () => {
  t = await testApp({ demo: true });
  assistant = as(t.app, await login(t.app, 'assistante@horizon.test'));
  referent = as(t.app, await login(t.app, 'referent@horizon.test'));
  const list = (await assistant('GET', '/api/sites')).json().items as { id: string; name: string }[];
  sites = Object.fromEntries(list.map((s) => [s.name.split(' — ')[0], s.id]));
  const bellevue = as(t.app, await login(t.app, 'referent@bellevue.test'));
  bellevueSite = (await bellevue('GET', '/api/sites')).json().items[0].id;
});
after(() => t.close());

const simulate = (call: ReturnType<typeof as>, siteId: string, start: string, minutes: number) =>
  call('GET', `/api/sla/simulate?siteId=${siteId}&start=${encodeURIComponent(start)}&minutes=${minutes}`);

test('simulate follows each demo site’s own calendar', async () => {
  const strasbourg = await simulate(assistant, sites.Strasbourg, '2026-04-02T17:00:00+02:00', 60);
  assert.equal(strasbourg.statusCode, 200, strasbourg.body);
  assert.deepEqual(strasbourg.json(), {
    siteId: sites.Strasbourg,
    timezone: 'Europe/Paris',
    start: '2026-04-02T15:00:00.000Z',
    minutes: 60,
    end: '2026-04-07T07:00:00.000Z',
    endLocal: '2026-04-07T09:00:00+02:00',
  });
  assert.equal((await simulate(assistant, sites.Lyon, '2026-04-02T17:00:00+02:00', 60)).json().end, '2026-04-03T07:00:00.000Z');
  const reunion = (await simulate(assistant, sites['Saint-Denis'], '2027-12-17T17:00:00+04:00', 60)).json();
  assert.equal(reunion.endLocal, '2027-12-21T09:00:00+04:00');
  assert.equal((await simulate(assistant, sites.Lille, '2026-03-23T14:00:00+01:00', 120)).json().end, '2026-03-24T07:00:00.000Z');
});

test('half-day closures shift the clock; inconsistent times are refused in French', async () => {
  const half = { startsOn: '2026-03-24', endsOn: '2026-03-24', label: 'Formation', startTime: '08:30', endTime: '12:30' };
  const created = await referent('POST', `/api/sites/${sites.Marseille}/closures`, half);
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json().startTime, '08:30');
  const end = (await simulate(assistant, sites.Marseille, '2026-03-23T17:00:00+01:00', 60)).json().end;
  assert.equal(end, '2026-03-24T13:00:00.000Z');
  const listed = (await referent('GET', `/api/sites/${sites.Marseille}/closures`)).json().items;
  assert.deepEqual(
    listed.map((c: { startTime: string | null; endTime: string | null }) => [c.startTime, c.endTime]),
    [['08:30', '12:30']],
  );
  const onlyStart = await referent('POST', `/api/sites/${sites.Marseille}/closures`, { ...half, endTime: undefined });
  assert.equal(onlyStart.statusCode, 400);
  assert.deepEqual(onlyStart.json().details.fields, [
    {
      path: 'endTime',
      code: 'custom',
      message: 'Indiquez l’heure de début et l’heure de fin, ou aucune pour une journée entière.',
    },
  ]);
  const reversed = await referent('POST', `/api/sites/${sites.Marseille}/closures`, {
    ...half,
    startTime: '14:00',
    endTime: '13:00',
  });
  assert.equal(reversed.json().details.fields[0].message, 'L’heure de fin doit suivre l’heure de début.');
});

test('bad input: another organisation’s site 404, malformed start 400, a site with no hours 422, requesters 403', async () => {
  assert.equal((await simulate(assistant, bellevueSite, '2026-03-23T10:00:00Z', 10)).statusCode, 404);
  const bad = await simulate(assistant, sites.Lyon, 'lundi matin', 10);
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().details.fields[0].path, 'querystring.start');
  const empty = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  const closed = await referent('POST', '/api/sites', {
    name: 'Dépôt fermé',
    address: '1 rue du Port, 13002 Marseille',
    timezone: 'Europe/Paris',
    holidayRegion: 'metropole',
    businessHours: empty,
  });
  assert.equal(closed.statusCode, 201);
  const none = await simulate(assistant, closed.json().id, '2026-03-23T10:00:00Z', 10);
  assert.equal(none.statusCode, 422);
  assert.equal(none.json().message, 'Ce site n’a aucune heure ouvrée\u00a0: renseignez ses horaires d’ouverture.');
  const requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  assert.equal((await simulate(requester, sites.Lyon, '2026-03-23T10:00:00Z', 10)).statusCode, 403);
});

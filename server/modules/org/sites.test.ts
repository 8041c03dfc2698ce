/**
 * Sites through the API as the key user of Groupe Horizon: presentation, French field errors, optimistic
 * concurrency, closures and the regional holiday calendar. (Clock arithmetic: platform/calendar.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';

type Api = ReturnType<typeof as>;
let t: TestApp;
let referent: Api;
let bellevue: Api;
const WEEK = {
  mon: [
    ['09:00', '12:00'],
    ['14:00', '18:00'],
  ],
  tue: [['09:00', '18:00']],
  wed: [],
  thu: [],
  fri: [],
  sat: [],
  sun: [],
};

before(async () => {
  t = await testApp({ demo: true });
  referent = as(t.app, await login(t.app, 'referent@horizon.test'));
  bellevue = as(t.app, await login(t.app, 'referent@bellevue.test'));
});
after(() => t.close());

async function siteId(api: Api, name: string): Promise<string> {
  const items = (await api('GET', '/api/sites')).json().items as { id: string; name: string }[];
  const site = items.find((s) => s.name === name);
  assert.ok(site, name);
  return site.id;
}

async function created(res: ReturnType<Api>) {
  const r = await res;
  assert.equal(r.statusCode, 201, r.body);
  return r.json() as { id: string; version: number } & Record<string, unknown>;
}

test('a new site is presented with its live clock and the caller’s allowed actions', async () => {
  const site = await created(
    referent('POST', '/api/sites', {
      name: 'Grenoble',
      address: '1 place Victor-Hugo, 38000 Grenoble',
      timezone: 'Europe/Paris',
      holidayRegion: 'metropole',
      businessHours: WEEK,
    }),
  );
  assert.deepEqual(Object.keys(site).sort(), [
    'address',
    'allowedActions',
    'businessHours',
    'createdAt',
    'holidayRegion',
    'id',
    'localTime',
    'name',
    'nextHoliday',
    'openNow',
    'timezone',
    'updatedAt',
    'version',
  ]);
  assert.equal(site.version, 1);
  assert.deepEqual(site.businessHours, WEEK);
  assert.equal(typeof site.openNow, 'boolean');
  assert.match(String(site.localTime), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+0[12]:00$/);
  assert.deepEqual(site.allowedActions, ['site.update', 'site.delete', 'site.closures.write']);
  const got = (await referent('GET', `/api/sites/${site.id}`)).json();
  assert.deepEqual({ ...got, localTime: 0 }, { ...site, localTime: 0 });
  const asRequester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  assert.deepEqual((await asRequester('GET', `/api/sites/${site.id}`)).json().allowedActions, []);
});

test('invalid sites answer 400 with one French message per field', async () => {
  const res = await referent('POST', '/api/sites', {
    name: ' ',
    address: 'quelque part',
    timezone: 'Europe/Lutece',
    holidayRegion: '99',
    businessHours: {
      ...WEEK,
      mon: [
        ['08:00', '12:00'],
        ['11:30', '14:00'],
      ],
      tue: [['18:00', '09:00']],
      wed: [['07h30', '12:00']],
    },
  });
  assert.equal(res.statusCode, 400);
  assert.deepEqual(res.json(), {
    code: 'validation_failed',
    message: 'Certaines valeurs sont invalides.',
    details: {
      fields: [
        { path: 'name', code: 'too_small', message: 'Champ obligatoire.' },
        { path: 'timezone', code: 'custom', message: 'Fuseau horaire IANA inconnu.' },
        { path: 'holidayRegion', code: 'invalid_value', message: 'Valeur non autorisée.' },
        { path: 'businessHours.mon', code: 'custom', message: 'Les plages horaires se chevauchent.' },
        { path: 'businessHours.tue.0', code: 'custom', message: 'L’heure de fin doit suivre l’heure de début.' },
        { path: 'businessHours.wed.0.0', code: 'invalid_format', message: 'Format HH:MM attendu.' },
      ],
    },
  });
  const en = await referent('POST', '/api/sites', {
    name: 'X',
    address: 'Y',
    timezone: 'UTC',
    holidayRegion: 'RE',
    businessHours: { ...WEEK, sun: [['10:00', '10:00']] },
  });
  assert.deepEqual(en.json().details.fields, [
    { path: 'businessHours.sun.0', code: 'custom', message: 'L’heure de fin doit suivre l’heure de début.' },
  ]);
  assert.equal((await referent('GET', '/api/sites')).json().items.length, 6, 'nothing was created');
});

test('a stale version answers 409 with the current site; names are unique per organisation', async () => {
  const id = await siteId(referent, 'Grenoble');
  const first = await referent('PATCH', `/api/sites/${id}`, { name: 'Grenoble — Agence', version: 1 });
  assert.equal(first.statusCode, 200);
  assert.equal(first.json().version, 2);
  const stale = await referent('PATCH', `/api/sites/${id}`, { name: 'Grenoble bis', version: 1 });
  assert.equal(stale.statusCode, 409);
  const body = stale.json();
  assert.equal(body.code, 'version_conflict');
  assert.equal(body.message, 'Cet élément a été modifié entre-temps. Voici sa version actuelle.');
  assert.equal(body.details.current.id, id);
  assert.equal(body.details.current.name, 'Grenoble — Agence');
  assert.equal(body.details.current.version, 2);
  assert.deepEqual(body.details.current.businessHours, WEEK);
  const dup = await referent('PATCH', `/api/sites/${id}`, { name: 'Lyon — Siège', version: 2 });
  assert.equal(dup.statusCode, 409);
  assert.equal(dup.json().code, 'already_exists');
  assert.equal((await referent('GET', `/api/sites/${id}`)).json().name, 'Grenoble — Agence');
  // The same name is free in another organisation.
  assert.equal(
    (
      await bellevue('POST', '/api/sites', {
        name: 'Grenoble — Agence',
        address: 'Grenoble',
        timezone: 'Europe/Paris',
        holidayRegion: 'metropole',
        businessHours: WEEK,
      })
    ).statusCode,
    201,
  );
});

test('closures: end before start refused; added, listed in the calendar, removed', async () => {
  const id = await siteId(referent, 'Grenoble — Agence');
  const bad = await referent('POST', `/api/sites/${id}/closures`, { startsOn: '2026-08-14', endsOn: '2026-08-03', label: 'Été' });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().details.fields, [
    { path: 'endsOn', code: 'custom', message: 'La date de fin doit suivre la date de début.' },
  ]);
  const closure = await created(
    referent('POST', `/api/sites/${id}/closures`, { startsOn: '2026-08-03', endsOn: '2026-08-14', label: 'Fermeture estivale' }),
  );
  assert.deepEqual((await referent('GET', `/api/sites/${id}/closures`)).json(), {
    items: [
      {
        id: closure.id,
        startsOn: '2026-08-03',
        endsOn: '2026-08-14',
        startTime: null,
        endTime: null,
        label: 'Fermeture estivale',
      },
    ],
  });
  assert.deepEqual((await referent('GET', `/api/sites/${id}/calendar?year=2026`)).json().closures, [
    { id: closure.id, startsOn: '2026-08-03', endsOn: '2026-08-14', startTime: null, endTime: null, label: 'Fermeture estivale' },
  ]);
  assert.equal((await referent('DELETE', `/api/sites/${id}/closures/${closure.id}`)).statusCode, 204);
  assert.equal((await referent('DELETE', `/api/sites/${id}/closures/${closure.id}`)).statusCode, 404);
  assert.deepEqual((await referent('GET', `/api/sites/${id}/closures`)).json(), { items: [] });
});

test('calendar 2026: Strasbourg (67) has Good Friday and 26 December, Réunion 20 December, Lyon neither', async () => {
  const calendar = async (name: string) => {
    const res = await referent('GET', `/api/sites/${await siteId(referent, name)}/calendar?year=2026`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().year, 2026);
    return res.json() as { holidays: { date: string; name: string }[]; closures: { startsOn: string; label: string }[] };
  };
  const dates = (c: { holidays: { date: string }[] }) => c.holidays.map((h) => h.date);
  const strasbourg = await calendar('Strasbourg — Usine');
  assert.ok(strasbourg.holidays.some((h) => h.date === '2026-04-03' && h.name === 'Vendredi saint'));
  assert.ok(strasbourg.holidays.some((h) => h.date === '2026-12-26' && h.name === 'Lendemain de Noël'));
  assert.equal(strasbourg.holidays.length, 13);
  const reunion = await calendar('Saint-Denis — Agence La Réunion');
  assert.ok(reunion.holidays.some((h) => h.date === '2026-12-20' && h.name === 'Abolition de l’esclavage'));
  assert.ok(!dates(reunion).includes('2026-04-03'));
  const lyon = await calendar('Lyon — Siège');
  for (const d of ['2026-04-03', '2026-12-26', '2026-12-20']) assert.ok(!dates(lyon).includes(d), d);
  assert.equal(lyon.holidays.length, 11);
  assert.deepEqual(lyon.holidays.slice(0, 2), [
    { date: '2026-01-01', name: 'Nouvel An' },
    { date: '2026-04-06', name: 'Lundi de Pâques' },
  ]);
  const lille = await calendar('Lille — Entrepôt');
  assert.deepEqual(
    lille.closures.map((c) => [c.startsOn, c.label]),
    [['2026-12-28', 'Inventaire annuel de l’entrepôt']],
  );
  assert.equal(
    (await referent('GET', `/api/sites/${await siteId(referent, 'Lyon — Siège')}/calendar?year=1999`)).statusCode,
    400,
  );
});

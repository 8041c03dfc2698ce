import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ZForm } from '../../../common/catalog.ts';
import { translate } from '../../../common/messages.ts';
import { AppError } from '../../platform/errors.ts';
import { newMember, newOrganization, newSite } from '../../test/factories.ts';
import { type TestApp, testApp } from '../../test/harness.ts';
import { validateAnswers } from './answers.ts';

let t: TestApp;
let org: string;
let other: string;
let site: string;
let person: string;

const FORM = ZForm.parse([
  { key: 'voyageur', label: 'Voyageur', type: 'person', required: true },
  { key: 'site', label: 'Site', type: 'site' },
  { key: 'aller', label: 'Date aller', type: 'date', required: true },
  { key: 'transport', label: 'Transport', type: 'choice', required: true, options: ['Train', 'Avion'] },
  { key: 'besoins', label: 'Besoins', type: 'multi_choice', options: ['Hôtel', 'Voiture'] },
  { key: 'nuits', label: 'Nuits', type: 'number', min: 0, max: 30 },
  { key: 'hotel', label: 'Hôtel', type: 'yes_no' },
  { key: 'motif', label: 'Motif', type: 'text', maxLength: 10 },
  { key: 'pieces', label: 'Pièces', type: 'file' },
]);

before(async () => {
  t = await testApp();
  org = await newOrganization(t.deps);
  other = await newOrganization(t.deps);
  site = await newSite(t.deps, org);
  person = await newMember(t.deps, org, 'requester', site);
});
after(() => t.close());

async function errorsOf(answers: Record<string, unknown>, scope = { organizationId: org }) {
  try {
    await validateAnswers(t.db.database.db, scope, FORM, answers);
    return [];
  } catch (err) {
    assert.ok(err instanceof AppError);
    const fields = (err.details as { fields: { path: string; message: string; vars?: Record<string, number> }[] }).fields;
    return fields.map((f) => `${f.path}: ${translate('fr', f.message, f.vars)}`);
  }
}

test('valid answers pass and come back without empty values', async () => {
  const clean = await validateAnswers(t.db.database.db, { organizationId: org }, FORM, {
    voyageur: person,
    site,
    aller: '2026-12-01',
    transport: 'Train',
    besoins: ['Hôtel'],
    nuits: 2,
    hotel: true,
    motif: '',
    pieces: [],
  });
  assert.deepEqual(clean, {
    voyageur: person,
    site,
    aller: '2026-12-01',
    transport: 'Train',
    besoins: ['Hôtel'],
    nuits: 2,
    hotel: true,
  });
});

test('every failing field is named with its reason in French', async () => {
  assert.deepEqual(
    await errorsOf({
      aller: '2026-02-30',
      transport: 'Vélo',
      besoins: ['Hôtel', 'Jet'],
      nuits: 31,
      hotel: 'oui',
      motif: 'beaucoup trop long',
      inconnu: 1,
    }),
    [
      'answers.inconnu: Ce champ n’existe pas dans le formulaire du service.',
      'answers.voyageur: Réponse obligatoire.',
      'answers.aller: Date invalide (format AAAA-MM-JJ attendu).',
      'answers.transport: Choisissez parmi les options proposées.',
      'answers.besoins: Choisissez parmi les options proposées.',
      'answers.nuits: Doit être inférieur ou égal à 30.',
      'answers.hotel: Réponse d’un type inattendu.',
      'answers.motif: Réponse trop longue.',
    ],
  );
  assert.deepEqual(await errorsOf({ voyageur: person, aller: '2026-12-01', transport: 'Avion', nuits: -1 }), [
    'answers.nuits: Doit être supérieur ou égal à 0.',
  ]);
});

test('people and sites must belong to the organisation', async () => {
  const stranger = await newMember(t.deps, other, 'requester');
  const foreignSite = await newSite(t.deps, other);
  assert.deepEqual(await errorsOf({ voyageur: stranger, site: foreignSite, aller: '2026-12-01', transport: 'Train' }), [
    'answers.voyageur: Introuvable dans cette organisation.',
    'answers.site: Introuvable dans cette organisation.',
  ]);
});

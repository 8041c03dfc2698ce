import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explainAssignment } from './assignment.ts';

const NB = '\u00a0';

test('the explanation of each rule, in French and English', () => {
  const skills = { rule: 'skills' as const, candidates: 3, skill: ['paie'], load: 2 };
  assert.equal(
    explainAssignment(skills, 'Claire Martin'),
    `Attribuée à Claire Martin${NB}: la moins chargée parmi 3${NB}personnes ayant la compétence «${NB}paie${NB}».`,
  );
  assert.equal(
    explainAssignment(skills, 'Claire Martin', 'en'),
    'Assigned to Claire Martin: least loaded of 3 people with the skill “paie”.',
  );
  assert.equal(
    explainAssignment({ rule: 'skills', candidates: 1, skill: ['rh', 'paie'] }, 'Paul'),
    `Attribuée à Paul${NB}: la seule personne ayant les compétences «${NB}rh${NB}», «${NB}paie${NB}».`,
  );
  assert.equal(
    explainAssignment({ rule: 'skills', candidates: 4, skill: ['juridique'], fallback: true }, 'Nina', 'fr'),
    `Attribuée à Nina${NB}: la moins chargée parmi 4${NB}personnes disponibles (personne n’a la compétence «${NB}juridique${NB}»).`,
  );
  assert.equal(
    explainAssignment({ rule: 'least_loaded', candidates: 2, unavailable: ['Léa Moreau'] }, 'Sophie'),
    `Attribuée à Sophie${NB}: la moins chargée parmi 2${NB}personnes disponibles. Indisponibles, écartées${NB}: Léa Moreau.`,
  );
  assert.equal(
    explainAssignment({ rule: 'round_robin', candidates: 4 }, 'Thomas', 'en'),
    'Assigned to Thomas: round robin among 4 people.',
  );
  assert.equal(explainAssignment({ rule: 'manual' }, 'Inès'), 'Attribuée à Inès manuellement.');
  assert.equal(explainAssignment({ rule: 'template' }, 'Inès', 'en'), 'Assigned to Inès: named by the recurring request.');
  assert.equal(
    explainAssignment({ rule: 'least_loaded', candidates: 0 }, null),
    `Non attribuée${NB}: aucune personne disponible dans l’équipe.`,
  );
  assert.equal(explainAssignment(null, 'x'), '');
});

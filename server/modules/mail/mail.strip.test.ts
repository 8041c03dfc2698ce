import assert from 'node:assert/strict';
import { test } from 'node:test';
import { automatedReason, stripQuoted } from './mail.strip.ts';

test('stripQuoted keeps the new part: French and English attributions, quotes, signatures, Outlook blocks', () => {
  assert.equal(stripQuoted('Merci !\n\nLe lun. 30 nov. 2026 à 09:12, Relais <r@relais.test> a écrit :\n> Bonjour'), 'Merci !');
  assert.equal(stripQuoted('Thanks\r\n\r\nOn Mon, Nov 30, 2026 at 9:12 AM Relais <r@relais.test> wrote:\r\n> Hello'), 'Thanks');
  assert.equal(stripQuoted('Oui.\nLe 30/11/2026 à 09:12, Marie Dupont <m@x.test>\na écrit :\n> question'), 'Oui.');
  assert.equal(stripQuoted('Voici.\n-- \nJulien Petit\nSiège de Lyon'), 'Voici.');
  assert.equal(stripQuoted('Vu.\n\nEnvoyé de mon iPhone'), 'Vu.');
  assert.equal(
    stripQuoted('Ok pour moi.\n\nDe : Relais <r@relais.test>\nEnvoyé : lundi 30 novembre 2026 09:12\nÀ : moi\nObjet : RE'),
    'Ok pour moi.',
  );
  assert.equal(stripQuoted('Ligne 1\n> cité\nLigne 2'), 'Ligne 1\nLigne 2');
  // « De : » inside a sentence or without a sent-date line is the writer's own text.
  assert.equal(
    stripQuoted('De : Paris à Lyon, le train est en retard.\nMerci'),
    'De : Paris à Lyon, le train est en retard.\nMerci',
  );
});

const headers = (h: Record<string, unknown>) => {
  const m = new Map(Object.entries(h));
  return { get: (k: string) => m.get(k), has: (k: string) => m.has(k) };
};

test('automatedReason spots auto-replies, bulk mail, lists, reports and bounces; a person’s mail passes', () => {
  const ok = 'personne@horizon.test';
  assert.equal(automatedReason(headers({}), 'text/plain', ok, ok), null);
  assert.equal(automatedReason(headers({ 'auto-submitted': 'no' }), 'text/plain', ok, ok), null);
  assert.equal(automatedReason(headers({ 'auto-submitted': 'auto-generated' }), 'text/plain', ok, ok), 'auto_submitted');
  assert.equal(automatedReason(headers({ precedence: 'junk' }), 'text/plain', ok, ok), 'precedence');
  assert.equal(automatedReason(headers({ 'x-autorespond': 'x' }), 'text/plain', ok, ok), 'auto_reply');
  assert.equal(automatedReason(headers({}), 'multipart/report', ok, ok), 'delivery_report');
  assert.equal(automatedReason(headers({}), 'text/plain', '', ok), 'empty_return_path');
  assert.equal(automatedReason(headers({}), 'text/plain', 'MAILER-DAEMON@mx.test', ok), 'mailer_daemon');
});

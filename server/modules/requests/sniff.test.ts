import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentDisposition, displayName, NotTextError, servedType, sniff, TextChecker } from './sniff.ts';

const bytes = (...b: number[]) => Buffer.from(b);
const pad = (head: Buffer) => Buffer.concat([head, Buffer.alloc(64, 0)]);
const typeOf = (head: Buffer, name: string) => {
  const r = sniff(head, name);
  return typeof r === 'string' ? r : r.contentType;
};

test('known formats are recognised by their bytes, whatever the name says', () => {
  assert.equal(typeOf(pad(Buffer.from('%PDF-1.7\n')), 'facture.txt'), 'application/pdf');
  assert.equal(typeOf(pad(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)), 'x'), 'image/png');
  assert.equal(typeOf(pad(bytes(0xff, 0xd8, 0xff, 0xe0)), 'photo.png'), 'image/jpeg');
  assert.equal(typeOf(pad(Buffer.from('GIF89a')), 'a.gif'), 'image/gif');
  assert.equal(typeOf(pad(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ')), 'a.webp'), 'image/webp');
  assert.equal(typeOf(pad(Buffer.from('\x00\x00\x00\x18ftypheic')), 'IMG_0001.HEIC'), 'image/heic');
});

test('ZIP and OLE containers need an office extension; other archives are refused', () => {
  const zip = pad(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00));
  assert.match(typeOf(zip, 'Contrat.docx'), /wordprocessingml/);
  assert.match(typeOf(zip, 'budget.XLSX'), /spreadsheetml/);
  assert.equal(typeOf(zip, 'note.odt'), 'application/vnd.oasis.opendocument.text');
  assert.equal(typeOf(zip, 'archive.zip'), 'type');
  const ole = pad(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1));
  assert.equal(typeOf(ole, 'vieux.doc'), 'application/msword');
  assert.equal(typeOf(ole, 'courriel.msg'), 'application/vnd.ms-outlook');
  assert.equal(typeOf(ole, 'base.mdb'), 'type');
});

test('executables and unknown binaries are refused; HTML and SVG are refused even as text', () => {
  assert.equal(typeOf(pad(Buffer.from('MZ\x90\x00')), 'setup.txt'), 'type');
  assert.equal(typeOf(Buffer.from('\x7fELF\x02\x01\x01\x00'), 'a.pdf'), 'type');
  assert.equal(typeOf(Buffer.from('  <!DOCTYPE html><p>x'), 'note.txt'), 'markup');
  assert.equal(typeOf(Buffer.from('\ufeff<html><body>'), 'note.txt'), 'markup');
  assert.equal(typeOf(Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.txt'), 'markup');
  assert.equal(typeOf(Buffer.from('<svg onload="alert(1)">'), 'a.csv'), 'markup');
  assert.equal(typeOf(Buffer.from('Bonjour\n<script>alert(1)</script>'), 'a.txt'), 'markup');
  assert.equal(typeOf(Buffer.from('simple texte'), 'page.html'), 'markup');
  assert.equal(typeOf(Buffer.from('%PDF-1.4'), 'image.svg'), 'markup');
  assert.equal(typeOf(Buffer.alloc(0), 'vide.txt'), 'empty');
});

test('text, CSV and e-mails are text formats checked to the last byte', () => {
  assert.deepEqual(sniff(Buffer.from('nom;montant\nDupont;12,50\n'), 'notes.CSV'), { contentType: 'text/csv', text: 'utf8' });
  assert.deepEqual(sniff(Buffer.from('Réunion à 14 h < 15 h'), 'compte-rendu.txt'), { contentType: 'text/plain', text: 'utf8' });
  const eml = Buffer.from('Received: from mx\r\nFrom: a@b.fr\r\nSubject: Facture\r\n\r\n<html><script>x</script>');
  assert.deepEqual(sniff(eml, 'message.eml'), { contentType: 'message/rfc822', text: 'bytes' });
  assert.equal(typeOf(Buffer.from('From: a@b.fr\n'), 'message.txt'), 'text/plain');
});

test('the text checker accepts UTF-8 split across chunks and refuses NUL bytes and invalid sequences', () => {
  const text = Buffer.from('Été à Besançon');
  const ok = new TextChecker('utf8');
  ok.push(text.subarray(0, 1));
  ok.push(text.subarray(1));
  ok.end();
  assert.throws(() => new TextChecker('utf8').push(Buffer.from([0x61, 0x00])), NotTextError);
  assert.throws(() => new TextChecker('utf8').push(Buffer.from([0xff, 0xfe, 0x41])), NotTextError);
  const cut = new TextChecker('utf8');
  cut.push(Buffer.from([0x41, 0xc3]));
  assert.throws(() => cut.end(), NotTextError);
  const latin1Mail = new TextChecker('bytes');
  latin1Mail.push(Buffer.from([0x45, 0xe9, 0x0a]));
  latin1Mail.end();
});

test('display names drop paths and control characters; downloads keep the exact UTF-8 name', () => {
  assert.equal(displayName('C:\\Users\\paul\\Fiche de paie.pdf'), 'Fiche de paie.pdf');
  assert.equal(displayName('../../etc/passwd'), 'passwd');
  assert.equal(displayName('facture\u202Efdp.exe'), 'facturefdp.exe');
  assert.equal(displayName('a\r\nb\u0000.txt'), 'ab.txt');
  assert.equal(displayName('   '), 'fichier');
  const long = displayName(`${'é'.repeat(300)}.pdf`);
  assert.equal([...long].length, 200);
  assert.ok(long.endsWith('.pdf'));
  assert.equal(
    contentDisposition('Relevé "août" 2026;.pdf'),
    `attachment; filename="Releve _aout_ 2026_.pdf"; filename*=UTF-8''Relev%C3%A9%20%22ao%C3%BBt%22%202026%3B.pdf`,
  );
  assert.equal(servedType('text/csv'), 'text/csv; charset=utf-8');
  assert.equal(servedType('application/pdf'), 'application/pdf');
});

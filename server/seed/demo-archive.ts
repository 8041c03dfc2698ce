import { Readable } from 'node:stream';
import type { DocumentType, FolderPermissions, RetentionClass } from '../../common/archive.ts';
import { createDocument } from '../modules/archive/documents.service.ts';
import { createFolder } from '../modules/archive/folders.service.ts';
import { sniff } from '../modules/requests/sniff.ts';
import type { Scope } from '../platform/actor.ts';
import type { Ctx } from '../platform/context.ts';
import type { Deps } from '../platform/deps.ts';

/** A one-page PDF showing `lines` (Helvetica, WinAnsi): small, valid, opens in any reader. */
export function tinyPdf(lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = lines.map((l, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 22} Td (${esc(l)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A 1×1 PNG (a plan's placeholder image). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const STAFF = ['assistant', 'coordinator', 'org_admin', 'external_agent', 'executive'];
const WRITERS = ['assistant', 'coordinator', 'org_admin'];
const perms = (p: Partial<FolderPermissions>): FolderPermissions => ({
  readRoles: [],
  writeRoles: [],
  readTeams: [],
  writeTeams: [],
  ...p,
});

interface DemoDoc {
  folder: string;
  name: string;
  file: string;
  bytes: Buffer;
  type: DocumentType;
  retention: RetentionClass;
  tags?: string[];
  description?: string;
}

const DOCS: DemoDoc[] = [
  {
    folder: 'groupe',
    name: 'Règlement intérieur 2026',
    file: 'reglement-interieur-2026.pdf',
    bytes: tinyPdf(['Reglement interieur 2026', 'Groupe Horizon - version du 1er janvier 2026']),
    type: 'procedure',
    retention: 'permanent',
    tags: ['règlement'],
  },
  {
    folder: 'contrats',
    name: 'Contrat de maintenance des ascenseurs — Élévatech',
    file: 'contrat-maintenance-ascenseurs.pdf',
    bytes: tinyPdf(['Contrat de maintenance', 'Elevatech - siege de Lyon, 2026-2029']),
    type: 'contrat',
    retention: 'standard',
    tags: ['fournisseur', 'siège'],
  },
  {
    folder: 'factures',
    name: 'Facture fournitures de bureau — novembre 2026',
    file: 'facture-fournitures-2026-11.pdf',
    bytes: tinyPdf(['Facture FA-2026-1187', 'Fournitures de bureau - 412,60 EUR TTC']),
    type: 'facture',
    retention: 'comptable',
    tags: ['achats'],
  },
  {
    folder: 'rh',
    name: 'Attestation employeur — modèle signé',
    file: 'attestation-employeur.pdf',
    bytes: tinyPdf(['Attestation employeur', 'Document RH - diffusion restreinte']),
    type: 'attestation',
    retention: 'rh_salarie',
    description: 'Exemple signé par la DRH, à ne pas diffuser.',
  },
  {
    folder: 'site:lyon',
    name: 'Plan d’évacuation du siège',
    file: 'plan-evacuation-lyon.png',
    bytes: PNG,
    type: 'procedure',
    retention: 'standard',
    tags: ['sécurité'],
  },
  {
    folder: 'site:strasbourg',
    name: 'Consignes de sécurité de l’usine',
    file: 'consignes-securite.txt',
    bytes: Buffer.from('Port des EPI obligatoire dans les ateliers.\nPoint de rassemblement : parking nord.\n'),
    type: 'procedure',
    retention: 'standard',
    tags: ['sécurité', 'EPI'],
  },
  {
    folder: 'site:marseille',
    name: 'Horaires d’accueil de l’agence',
    file: 'horaires-accueil.txt',
    bytes: Buffer.from('Accueil du lundi au vendredi, 8 h 30 – 12 h 30 et 13 h 30 – 17 h 30.\n'),
    type: 'courrier',
    retention: 'temporaire',
  },
  {
    folder: 'modeles',
    name: 'Modèle de note de frais',
    file: 'note-de-frais.csv',
    bytes: Buffer.from('date;objet;montant\n2026-11-02;Train Lyon-Paris;89,00\n'),
    type: 'modele',
    retention: 'permanent',
    tags: ['frais'],
  },
  {
    folder: 'modeles',
    name: 'Formulaire de demande de congés',
    file: 'demande-conges.pdf',
    bytes: tinyPdf(['Demande de conges', 'Nom, dates, signature du responsable']),
    type: 'modele',
    retention: 'permanent',
    tags: ['congés'],
  },
];

/**
 * The demo archive of Groupe Horizon: a group folder for all staff (with contracts and invoices), an HR
 * folder for the outsourced HR team only, one folder per site open to that site's requesters, and
 * templates readable by everyone, each with a few small real files.
 */
export async function seedArchive(
  deps: Deps,
  ctx: Ctx,
  scope: Scope,
  ids: { siteIds: Map<string, string>; teamIds: Map<string, string>; fnIds: Map<string, string>; siteNames: Map<string, string> },
) {
  const folders = new Map<string, string>();
  const add = async (key: string, input: Record<string, unknown>) => {
    const full = { parentId: null, siteId: null, functionId: null, permissions: null, ...input } as never;
    folders.set(key, (await createFolder(ctx, scope, full)).id);
  };
  await add('groupe', { name: 'Groupe Horizon', permissions: perms({ readRoles: STAFF, writeRoles: WRITERS }) });
  await add('contrats', { name: 'Contrats fournisseurs', parentId: folders.get('groupe') });
  await add('factures', { name: 'Factures', parentId: folders.get('groupe'), functionId: ids.fnIds.get('FIN') ?? null });
  const rh = ids.teamIds.get('rh') ?? '';
  await add('rh', { name: 'RH — dossiers', functionId: ids.fnIds.get('RH') ?? null, permissions: perms({ writeTeams: [rh] }) });
  for (const [key, siteId] of ids.siteIds) {
    const p = perms({ readRoles: ['requester', ...STAFF], writeRoles: WRITERS });
    await add(`site:${key}`, { name: ids.siteNames.get(key) ?? key, siteId, permissions: p });
  }
  await add('modeles', {
    name: 'Modèles et formulaires',
    permissions: perms({ readRoles: ['requester', ...STAFF, 'dpo'], writeRoles: WRITERS }),
  });
  for (const d of DOCS) {
    const kind = sniff(d.bytes, d.file);
    if (typeof kind === 'string') throw new Error(`fichier de démonstration refusé : ${d.file}`);
    const stored = await deps.storage.put(Readable.from([d.bytes]));
    const file = { ...stored, fileName: d.file, contentType: kind.contentType };
    const meta = { name: d.name, type: d.type, retention: d.retention, description: d.description ?? '', tags: d.tags ?? [] };
    await createDocument(ctx, scope, folders.get(d.folder) ?? '', file, meta);
  }
}

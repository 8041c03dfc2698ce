const NB = '\u00a0';

/** A demo article: services, sites and teams by name, people by e-mail (resolved by demo-kb.ts). */
export interface DemoArticle {
  title: string;
  type: 'faq' | 'howto' | 'process';
  body: string;
  owner: string;
  services?: string[];
  /** Requesters of these sites only (default: the space's audience). */
  sites?: string[];
  teams?: string[];
  reviewAt?: string;
  /** Default: published. */
  status?: 'draft' | 'review' | 'published';
  votes?: [email: string, helpful: boolean][];
  views?: number;
}

const SOPHIE = 'assistante@horizon.test';
const LEA = 'lea.moreau@horizon.test';
const NADIA = 'coordinatrice@horizon.test';

/** « Aide aux salariés »: what requesters of every site ask most (the portal suggests these while they type). */
export const DEMO_KB_HELP: DemoArticle[] = [
  {
    title: `Comment obtenir une attestation employeur${NB}?`,
    type: 'faq',
    owner: SOPHIE,
    services: ['Attestation employeur'],
    reviewAt: '2027-03-31',
    body: `Faites une demande **Attestation employeur** depuis le portail et choisissez le type de document${NB}:\n\n- *attestation de travail*${NB}: prouve que vous êtes salarié du groupe (logement, banque)${NB};\n- *attestation de salaire*${NB}: pour la CPAM, en cas d’arrêt maladie ou de congé maternité${NB};\n- *attestation France Travail*${NB}: remise automatiquement à la fin d’un contrat.\n\nIndiquez la date à laquelle vous en avez besoin. Le service RH externalisé (PaieServices) l’envoie dans votre espace salarié sous **3${NB}jours ouvrés**. Ces demandes sont confidentielles${NB}: seules les personnes habilitées les voient.`,
    votes: [
      ['demandeur@horizon.test', true],
      ['lukas.meyer@horizon.test', true],
      ['amandine.lopez@horizon.test', false],
    ],
    views: 42,
  },
  {
    title: 'Déclarer une note de frais',
    type: 'howto',
    owner: LEA,
    services: ['Note de frais'],
    reviewAt: '2027-01-15',
    body: `## Avant de commencer\n\nGardez vos justificatifs (tickets, factures) lisibles${NB}: une photo nette suffit.\n\n## Étapes\n\n1. Ouvrez **Faire une demande** puis *Note de frais*.\n2. Indiquez le montant total TTC et le motif du déplacement.\n3. Joignez un justificatif par dépense.\n4. Votre manager valide, puis le pôle contrôle et transmet à la comptabilité.\n\nLes frais sont remboursés avec la paie du mois suivant s’ils sont déclarés **avant le 20**.`,
    votes: [['kevin.dumont@horizon.test', true]],
    views: 31,
  },
  {
    title: 'Commander des fournitures de bureau',
    type: 'howto',
    owner: SOPHIE,
    services: ['Commande de fournitures'],
    reviewAt: '2027-02-28',
    body: `Papier, cartouches, carnets, petit matériel${NB}: faites une demande **Commande de fournitures** en listant les articles et les quantités.\n\n- Commandes groupées chaque **mardi midi**, livraison le vendredi.\n- Au-delà de 150${NB}€ HT, un devis est demandé automatiquement.\n- Pour le mobilier (fauteuil, caisson), utilisez plutôt *Demande de devis*.`,
    views: 18,
  },
  {
    title: 'Réserver un déplacement professionnel',
    type: 'howto',
    owner: LEA,
    services: ['Réservation de déplacement'],
    reviewAt: '2027-04-30',
    body: `Faites une demande **Réservation de déplacement** au moins **5${NB}jours ouvrés** avant le départ.\n\n1. Précisez les dates, les horaires souhaités et la ville.\n2. Indiquez si un hôtel est nécessaire (plafond${NB}: 110${NB}€ la nuit en région, 150${NB}€ à Paris).\n3. Le pôle réserve train ou avion selon la politique voyages et vous envoie les billets.\n\nEn cas d’annulation, répondez simplement sur votre demande.`,
    votes: [['demandeur@horizon.test', true]],
    views: 12,
  },
  {
    title: 'Réinitialiser ou remplacer un badge d’accès',
    type: 'faq',
    owner: SOPHIE,
    services: ['Badge d’accès'],
    body: `Badge perdu ou qui ne fonctionne plus${NB}? Faites une demande **Badge d’accès**${NB}: un badge perdu est désactivé dans l’heure, le nouveau est à retirer à l’accueil le lendemain.`,
    views: 9,
  },
  {
    title: 'Envoyer un courrier recommandé',
    type: 'howto',
    owner: SOPHIE,
    services: ['Courrier recommandé'],
    body: `Déposez votre pli **non fermé** à l’accueil avant 15${NB}h avec la demande **Courrier recommandé**. Précisez si vous voulez un avis de réception${NB}: le bordereau scanné est joint à votre demande le jour même.`,
  },
  {
    title: `Agence de La Réunion${NB}: horaires et jours fériés`,
    type: 'faq',
    owner: NADIA,
    sites: ['Saint-Denis — Agence La Réunion'],
    body: `L’agence de Saint-Denis suit le calendrier réunionnais${NB}: le **20${NB}décembre** (fête de l’abolition de l’esclavage) est férié. Les demandes faites ce jour-là sont traitées le lendemain, et les délais sont comptés en heure de La Réunion.`,
    views: 4,
  },
];

/** « Procédures du pôle »: process documentation shown to assistants in the request view. */
export const DEMO_KB_POOL: DemoArticle[] = [
  {
    title: 'Traiter une demande d’attestation employeur',
    type: 'process',
    owner: SOPHIE,
    services: ['Attestation employeur'],
    reviewAt: '2027-03-31',
    body: `## Vérifier\n\n1. Le type d’attestation et la date souhaitée.\n2. Que le demandeur est bien salarié actif (annuaire).\n\n## Transmettre\n\n1. Transférer à **PaieServices** (équipe RH & paie externalisées) avec le type demandé.\n2. Passer la demande en *attente d’un tiers*.\n\n## Clôturer\n\nQuand PaieServices confirme le dépôt, répondre avec la réponse type « Paie — demande traitée ».`,
  },
  {
    title: 'Contrôler et valider une note de frais',
    type: 'process',
    owner: LEA,
    services: ['Note de frais'],
    reviewAt: '2027-01-15',
    body: `1. Un justificatif par ligne, montant lisible, date dans les 3 derniers mois.\n2. Repas${NB}: plafond 25${NB}€${NB}; hôtel${NB}: 110${NB}€ (150${NB}€ à Paris).\n3. Au-delà, demander une explication au demandeur (*attente du demandeur*).\n4. Valider puis transmettre à la comptabilité avant le 20 du mois.`,
  },
  {
    title: `Onboarding${NB}: check-list d’arrivée d’un salarié`,
    type: 'process',
    owner: NADIA,
    services: ['Onboarding d’un salarié'],
    reviewAt: '2027-06-30',
    body: `## J-15\n\n- [ ] Contrat signé reçu de PaieServices\n- [ ] Ordinateur et téléphone commandés\n\n## J-5\n\n- [ ] Comptes et accès logiciels créés\n- [ ] Badge préparé (demande *Badge d’accès*)\n\n## Jour J\n\n- [ ] Accueil par le manager, visite du site\n- [ ] Livret d’accueil remis`,
  },
  {
    title: 'Expédier un courrier recommandé avec avis de réception',
    type: 'process',
    owner: SOPHIE,
    services: ['Courrier recommandé'],
    reviewAt: '2026-10-15',
    body: `1. Vérifier l’adresse complète et le nom du destinataire.\n2. Remplir le formulaire R1 (avec AR si demandé) et affranchir.\n3. Dépôt à La Poste avant 16${NB}h${NB}: scanner le bordereau et le joindre à la demande.\n4. À réception de l’AR, le scanner et résoudre la demande.`,
  },
  {
    title: 'Transmettre les éléments variables de paie à PaieServices',
    type: 'process',
    owner: NADIA,
    teams: ['RH & paie externalisées — PaieServices'],
    reviewAt: '2027-01-31',
    body: `Chaque mois, avant le **18**${NB}: absences, primes et notes de frais validées sont envoyées à PaieServices par l’échange sécurisé. Jamais par e-mail.`,
  },
  {
    title: 'Préparer la salle pour un comité de direction',
    type: 'process',
    owner: LEA,
    services: ['Préparation d’un comité de direction'],
    status: 'draft',
    body: `Brouillon${NB}: réserver la grande salle du siège, tester la visioconférence la veille, imprimer l’ordre du jour en 12 exemplaires.`,
  },
];

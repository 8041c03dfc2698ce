/**
 * Word lists of the data generator: French names, and per demo service the titles and sentences a
 * requester would write, so that full-text search on common words ("facture", "badge", "contrat")
 * meets realistic match counts.
 */

export const FIRST_NAMES = (
  'Camille|Léa|Manon|Chloé|Emma|Inès|Sarah|Julie|Laura|Marie|Pauline|Clara|Anaïs|Océane|Lucie|Mathilde' +
  '|Élise|Margaux|Justine|Audrey|Nathalie|Isabelle|Sandrine|Valérie|Céline|Sophie|Aurélie|Fatima' +
  '|Yasmine|Amina|Lucas|Hugo|Thomas|Nicolas|Julien|Maxime|Antoine|Alexandre|Romain|Kévin|Mathieu' +
  '|Guillaume|Pierre|Benjamin|Florian|Jérôme|Sébastien|Olivier|Stéphane|Laurent|Christophe|Karim|Mehdi' +
  '|Youssef|Bastien|Théo|Quentin|Arnaud|Damien|François'
).split('|');

export const LAST_NAMES = (
  'Martin|Bernard|Thomas|Petit|Robert|Richard|Durand|Dubois|Moreau|Laurent|Simon|Michel|Lefèvre|Leroy' +
  '|Roux|David|Bertrand|Morel|Fournier|Girard|Bonnet|Dupont|Lambert|Fontaine|Rousseau|Vincent|Muller' +
  '|Lefebvre|Faure|André|Mercier|Blanc|Guérin|Boyer|Garnier|Chevalier|François|Legrand|Gauthier|Garcia' +
  '|Perrin|Robin|Clément|Morin|Nicolas|Henry|Roussel|Mathieu|Gautier|Masson|Marchand|Duval|Denis|Dumont' +
  '|Marie|Lemaire|Noël|Meyer|Dufour|Meunier|Brun|Blanchard|Payet|Hoarau|Schmitt|Weber|Benali|Haddad' +
  '|Nguyen|Lopez'
).split('|');

const list = (s: string) => s.split('|');

export const FILLERS: Record<string, string[]> = {
  fournisseur: list(
    'Bureau Vallée|Lyreco|Manutan|Orange Business|EDF Entreprises|Elis|Onet|Dalkia|Sodexo|Adecco|Kiloutou|Würth|Rexel|Cegid|Dell|Ricoh|Chronopost|La Poste',
  ),
  client: list(
    'Transports Giraud|Boulangeries Marie|Clinique du Parc|Mairie de Villeurbanne|Garage Central|Hôtel Bellecour|SCI Les Tilleuls|Agence Horizon Sud|Laboratoire Pasteur Nord|Cabinet Morel',
  ),
  mois: list('janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre'),
  ville: list('Paris|Lyon|Marseille|Lille|Strasbourg|Bordeaux|Nantes|Toulouse|Bruxelles|Genève|Saint-Denis|Montpellier'),
  salle: list('Rhône|Saône|Fourvière|Belledonne|Vieux-Port|Calanques|Kléber|Vauban|Grand-Place|Piton|Lagon|salle du conseil'),
  article: list(
    'ramettes de papier|cartouches d’encre|stylos|classeurs|post-it|enveloppes kraft|agrafeuses|câbles USB-C|casques audio|tableaux blancs|chaises de bureau|capsules de café',
  ),
  objet: list(
    'ménage des bureaux|maintenance des ascenseurs|location de véhicules|téléphonie mobile|licences logicielles|gardiennage|fourniture d’électricité|restauration collective|imprimantes',
  ),
  lieu: list(
    'salle de réunion du 2e étage|accueil|cafétéria|quai de chargement|parking|bureau 214|sanitaires du rez-de-chaussée|open space|salle serveur|vestiaires',
  ),
  panne: list(
    'la climatisation ne fonctionne plus|une fuite d’eau au plafond|la porte automatique est bloquée|plusieurs néons sont grillés|le chauffage est en panne|la serrure est cassée|l’imprimante fait des bourrages',
  ),
};

export interface ServiceWords {
  /** Relative volume of the service in the generated history. */
  weight: number;
  titles: string[];
  sentences: string[];
}

/** Per demo service (matched by name): volume, titles and description sentences. */
export const SERVICE_WORDS: Record<string, ServiceWords> = {
  'Attestation employeur': {
    weight: 4,
    titles: ['Attestation employeur pour {personne}', 'Attestation de salaire — {mois}', 'Attestation France Travail'],
    sentences: [
      'J’ai besoin d’une attestation employeur pour mon dossier de prêt immobilier.',
      'Pouvez-vous préparer une attestation de salaire des trois derniers mois ?',
      'L’attestation doit mentionner la date d’entrée et le type de contrat.',
    ],
  },
  'Onboarding d’un salarié': {
    weight: 2,
    titles: [
      'Arrivée de {personne} le {jour} {mois}',
      'Onboarding {personne} — {ville}',
      'Préparer l’arrivée d’un nouveau collaborateur',
    ],
    sentences: [
      'Le contrat est signé, il faut prévoir le badge, l’ordinateur et les accès.',
      'Merci de préparer le poste de travail et le badge d’accès avant son arrivée.',
      'Prévoir un accueil par le manager et la visite du site.',
    ],
  },
  'Départ d’un salarié': {
    weight: 1,
    titles: ['Départ de {personne}', 'Fin de contrat — {personne}', 'Solde de tout compte {personne}'],
    sentences: [
      'Le salarié quitte l’entreprise fin {mois}, merci de lancer le solde de tout compte.',
      'Il faudra récupérer le badge, l’ordinateur et le téléphone.',
      'Fermeture des accès informatiques le dernier jour du contrat.',
    ],
  },
  'Mise à jour de la mutuelle': {
    weight: 1,
    titles: ['Ajout d’un ayant droit à la mutuelle', 'Mutuelle : changement de situation', 'Résiliation de la mutuelle'],
    sentences: [
      'Je me suis marié en {mois}, merci d’ajouter mon conjoint à la mutuelle.',
      'Vous trouverez le justificatif en pièce jointe.',
      'La mutuelle demande une attestation de l’employeur.',
    ],
  },
  'Demande d’acompte': {
    weight: 1,
    titles: ['Demande d’acompte sur salaire', 'Acompte de {montant} €', 'Avance sur la paie de {mois}'],
    sentences: [
      'Je souhaiterais un acompte de {montant} € sur ma paie de {mois}.',
      'Suite à une dépense imprévue, je sollicite une avance sur salaire.',
      'Merci de le déduire de la paie suivante.',
    ],
  },
  'Note de frais': {
    weight: 12,
    titles: [
      'Note de frais {mois}',
      'Frais de déplacement à {ville}',
      'Note de frais — salon à {ville}',
      'Remboursement de frais de mission',
    ],
    sentences: [
      'Vous trouverez les justificatifs de mes frais de {mois} : train, hôtel et repas.',
      'Le déplacement à {ville} concernait le projet client {client}.',
      'Merci d’imputer la note de frais sur le centre de coût du service.',
      'Une facture d’hôtel manque, je la transmets dès que possible.',
    ],
  },
  'Facture fournisseur à saisir': {
    weight: 14,
    titles: [
      'Facture {fournisseur} n° {num}',
      'Facture {fournisseur} à saisir',
      'Saisie facture {fournisseur} — {mois}',
      'Facture de {fournisseur} en attente de paiement',
    ],
    sentences: [
      'Merci de saisir la facture {fournisseur} de {montant} € HT.',
      'La facture est rattachée au contrat de {objet}.',
      'Le bon de commande correspondant a été validé en {mois}.',
      'Attention, la facture arrive à échéance à la fin du mois.',
      'Le fournisseur relance pour le paiement de cette facture.',
    ],
  },
  'Relance d’un client impayé': {
    weight: 4,
    titles: ['Relance {client} — facture {num}', 'Impayé {client}', 'Mise en demeure {client}'],
    sentences: [
      'La facture {num} de {montant} € est échue depuis 45 jours.',
      'Merci d’envoyer une relance amiable au client {client}.',
      'Le client conteste une ligne de la facture, voir l’échange joint.',
    ],
  },
  'Commande de fournitures': {
    weight: 10,
    titles: ['Commande de {article}', 'Fournitures pour le site de {ville}', 'Réassort {article} et {article2}'],
    sentences: [
      'Il nous faudrait des {article} et des {article2} pour l’équipe.',
      'Livraison souhaitée à l’accueil du site avant la fin de la semaine.',
      'Merci de passer la commande chez {fournisseur} comme d’habitude.',
    ],
  },
  'Contrat fournisseur à relire': {
    weight: 2,
    titles: ['Contrat {fournisseur} à relire', 'Relecture du contrat de {objet}', 'Renouvellement du contrat {fournisseur}'],
    sentences: [
      'Le contrat de {objet} arrive à échéance, merci de relire le projet de renouvellement.',
      'Points d’attention : durée d’engagement, pénalités et clause de résiliation.',
      'La signature du contrat est prévue en {mois}.',
    ],
  },
  'Demande de devis': {
    weight: 4,
    titles: ['Devis pour {objet}', 'Demande de devis {article}', 'Consultation fournisseurs — {objet}'],
    sentences: [
      'Merci de demander trois devis pour {objet}.',
      'Le budget estimé est de {montant} € HT.',
      'Comparer avec le contrat actuel chez {fournisseur}.',
    ],
  },
  'Badge d’accès': {
    weight: 5,
    titles: [
      'Badge d’accès pour {personne}',
      'Badge perdu — {personne}',
      'Badge temporaire pour un prestataire',
      'Prolongation du badge de {personne}',
    ],
    sentences: [
      '{personne} a perdu son badge, merci de le désactiver et d’en commander un nouveau.',
      'Un badge temporaire est nécessaire pour le prestataire du {jour} au {jour2} {mois}.',
      'Le badge doit donner accès au parking et au bâtiment B.',
    ],
  },
  'Courrier recommandé': {
    weight: 6,
    titles: ['Recommandé à envoyer à {fournisseur}', 'Courrier recommandé avec AR — {client}', 'Envoi recommandé urgent'],
    sentences: [
      'Merci d’envoyer ce courrier en recommandé avec accusé de réception.',
      'Le courrier de résiliation du contrat doit partir avant le {jour} {mois}.',
      'Conserver la preuve de dépôt dans le dossier.',
    ],
  },
  'Réservation de salle': {
    weight: 10,
    titles: [
      'Réservation salle {salle} le {jour} {mois}',
      'Salle pour réunion d’équipe',
      'Réunion client {client} — salle {salle}',
    ],
    sentences: [
      'Réunion de {nb} personnes, merci de prévoir le vidéoprojecteur.',
      'Prévoir café et viennoiseries pour la réunion.',
      'La salle {salle} est souvent prise, une autre salle convient aussi.',
    ],
  },
  'Intervention de maintenance': {
    weight: 6,
    titles: ['Maintenance : {panne}', 'Intervention urgente — {lieu}', 'Problème technique au {lieu}'],
    sentences: [
      'Au {lieu}, {panne}.',
      'Merci de faire intervenir le prestataire {fournisseur} rapidement.',
      'Le problème revient régulièrement depuis {mois}.',
    ],
  },
  'Numérisation du courrier entrant': {
    weight: 4,
    titles: ['Numérisation du courrier du {jour} {mois}', 'Courrier entrant à numériser', 'Scan des factures reçues'],
    sentences: [
      'Merci de numériser le courrier reçu ce matin et de le classer.',
      'Plusieurs factures fournisseurs dans le lot, à transmettre à la comptabilité.',
      'Un recommandé est arrivé pour la direction.',
    ],
  },
  'Réservation de déplacement': {
    weight: 8,
    titles: [
      'Déplacement à {ville} le {jour} {mois}',
      'Train {ville} – {ville2}',
      'Billet d’avion pour {ville}',
      'Hôtel à {ville} pour deux nuits',
    ],
    sentences: [
      'Aller le matin et retour en fin de journée si possible.',
      'Merci de réserver un hôtel proche du centre de {ville}.',
      'Le déplacement concerne la réunion avec {client}.',
    ],
  },
  'Véhicule de service': {
    weight: 3,
    titles: ['Véhicule de service du {jour} au {jour2} {mois}', 'Réservation véhicule pour {ville}', 'Besoin d’un utilitaire'],
    sentences: [
      'Trajet aller-retour vers {ville} pour une visite client.',
      'Merci de vérifier que le plein est fait.',
      'Le véhicule sera rendu au parking du site.',
    ],
  },
  'Préparation d’un comité de direction': {
    weight: 1,
    titles: ['Comité de direction du {jour} {mois}', 'Préparation du CODIR de {mois}', 'Dossier du comité de direction'],
    sentences: [
      'Merci de compiler les indicateurs du mois et de préparer l’ordre du jour.',
      'Prévoir la salle {salle} et la visioconférence pour les sites.',
      'Le compte rendu du dernier comité est à diffuser.',
    ],
  },
  'Organisation d’un événement interne': {
    weight: 2,
    titles: [
      'Pot de départ de {personne}',
      'Séminaire d’équipe à {ville}',
      'Fête de fin d’année du site',
      'Petit-déjeuner d’accueil des nouveaux',
    ],
    sentences: [
      'Environ {nb} participants, budget de {montant} €.',
      'Merci de commander le traiteur et de réserver la salle {salle}.',
      'Envoyer l’invitation à toute l’équipe avant le {jour} {mois}.',
    ],
  },
};

export const OPENINGS = ['Bonjour,', 'Bonjour,', 'Bonjour à tous,', 'Bonjour l’équipe,', 'Hello,', ''];
export const CLOSINGS = [
  'Merci d’avance.',
  'Merci beaucoup.',
  'Cordialement.',
  'Bonne journée.',
  'Merci !',
  'Belle journée.',
  '',
];

export const REPLIES = [
  'Bonjour, c’est pris en charge, je reviens vers vous rapidement.',
  'Bonjour, pouvez-vous me transmettre le justificatif manquant ?',
  'C’est fait, vous trouverez la confirmation en pièce jointe.',
  'Le fournisseur a confirmé, la facture sera réglée à échéance.',
  'J’ai relancé le prestataire, intervention prévue demain matin.',
  'La réservation est confirmée, les billets vous ont été envoyés par courriel.',
  'Le badge est prêt, vous pouvez le récupérer à l’accueil.',
  'Le contrat a été relu, mes remarques sont dans le document joint.',
  'Demande traitée, je clos la demande. Bonne journée !',
  'Il manque le bon de commande pour pouvoir saisir la facture.',
];

export const TAGS = ['urgent', 'fin-de-mois', 'direction', 'client', 'relance', 'projet-x', 'audit'];

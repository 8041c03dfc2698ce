/**
 * The mixed workload of the load test (bench/load.ts): demo users signed in once (cookie + CSRF token, the
 * login itself is rate-limited and stays out of the loop), the ids each one works on, and the autocannon
 * request cycle weighted like a day of a helpdesk (requesters read the portal and the help centre and open
 * requests; assistants work their queue, search, reply and chat).
 */
import type { Request } from 'autocannon';
import { type HttpSession, signIn } from '../server/test/node-process.ts';

const ORG = 'Groupe Horizon';
const REQUESTERS = [
  'demandeur@horizon.test',
  'lukas.meyer@horizon.test',
  'amandine.lopez@horizon.test',
  'kevin.dumont@horizon.test',
  'priscilla.payet@horizon.test',
];
const STAFF = ['assistante@horizon.test', 'coordinatrice@horizon.test', 'lea.moreau@horizon.test', 'ines.benali@horizon.test'];
const KB_TERMS = ['note de frais', 'badge', 'congés', 'attestation employeur', 'facture', 'mutuelle'];
const SEARCH_TERMS = ['facture', 'badge', 'contrat', 'réunion', 'commande', 'déplacement'];

interface Staff {
  session: HttpSession;
  email: string;
  /** Open requests this person may reply to. */
  requests: string[];
  /** Non-urgent channels this person may post in. */
  channels: string[];
}

export interface Actors {
  requesters: HttpSession[];
  staff: Staff[];
  serviceId: string;
}

type Item = { id: string; name?: string; member?: boolean; urgent?: boolean; allowedActions?: string[] };

/** What a staff member may work on: open requests (a reply is probed once) and channels to post in. */
async function staffOf(baseUrl: string, email: string): Promise<Staff | null> {
  const session = await signIn(baseUrl, email, ORG);
  const open = await session.call<{ items: Item[] }>('GET', '/api/requests?open=true&sort=due&limit=100');
  const requests = open.body.items.filter((r) => r.allowedActions?.includes('request.comment') ?? true).map((r) => r.id);
  const channels = (await session.call<{ items: Item[] }>('GET', '/api/channels')).body.items
    .filter((c) => c.member && !c.urgent && (c.allowedActions?.includes('channel.post') ?? true))
    .map((c) => c.id);
  if (!requests.length || !channels.length) return null;
  const probe = await session.call('POST', `/api/requests/${requests[0]}/comments`, { body: 'Prise en charge, je regarde.' });
  return probe.status === 201 ? { session, email, requests, channels } : null;
}

/** Signs the demo users in on one node (sessions live in the database: valid on every node). */
export async function signInActors(baseUrl: string): Promise<Actors> {
  const requesters = await Promise.all(REQUESTERS.map((email) => signIn(baseUrl, email, ORG)));
  const staff = (await Promise.all(STAFF.map((email) => staffOf(baseUrl, email)))).filter((s): s is Staff => !!s);
  if (!staff.length) throw new Error('aucun membre de l’équipe ne peut répondre ni écrire dans un canal');
  const services = await requesters[0]?.call<{ items: Item[] }>('GET', '/api/catalog/services');
  const quote = services?.body.items.find((s) => s.name === 'Demande de devis');
  if (!quote) throw new Error('service « Demande de devis » introuvable');
  return { requesters, staff, serviceId: quote.id };
}

let turn = 0;
const pick = <T>(items: T[]): T => items[turn++ % items.length] as T;
const q = encodeURIComponent;

function as(session: HttpSession, body?: unknown): Pick<Request, 'headers' | 'body'> {
  const headers: Record<string, string> = { accept: 'application/json', cookie: session.cookie };
  if (body === undefined) return { headers };
  headers['content-type'] = 'application/json';
  headers['x-csrf-token'] = session.csrfToken;
  return { headers, body: JSON.stringify(body) };
}

/** One step of the cycle: a label (the route in the report) and how to build the request each time. */
type Step = [label: string, weight: number, method: 'GET' | 'POST', build: () => Pick<Request, 'path' | 'headers' | 'body'>];

function steps(a: Actors): Step[] {
  const requester = () => pick(a.requesters);
  const staff = () => pick(a.staff);
  return [
    ['GET /api/portal/home', 4, 'GET', () => ({ path: '/api/portal/home', ...as(requester()) })],
    ['GET /api/kb/articles?q=', 3, 'GET', () => ({ path: `/api/kb/articles?q=${q(pick(KB_TERMS))}`, ...as(requester()) })],
    [
      'POST /api/requests',
      1,
      'POST',
      () => ({
        path: '/api/requests',
        ...as(requester(), {
          serviceId: a.serviceId,
          title: 'Devis pour trois fauteuils ergonomiques',
          description: 'Pour la salle de réunion du 2e étage, livraison avant la fin du mois.',
          answers: { besoin: 'Trois fauteuils ergonomiques', nombre: 3 },
        }),
      }),
    ],
    [
      'GET /api/requests (file)',
      4,
      'GET',
      () => ({
        path: pick(['/api/requests?open=true&sort=due&limit=25', '/api/requests?assigneeId=me&open=true&sort=due&limit=25']),
        ...as(staff().session),
      }),
    ],
    [
      'GET /api/requests?q=',
      2,
      'GET',
      () => ({ path: `/api/requests?q=${q(pick(SEARCH_TERMS))}&limit=25`, ...as(staff().session) }),
    ],
    [
      'POST /api/requests/:id/comments',
      2,
      'POST',
      () => {
        const s = staff();
        return {
          path: `/api/requests/${pick(s.requests)}/comments`,
          ...as(s.session, { body: 'Bien reçu, je m’en occupe aujourd’hui.' }),
        };
      },
    ],
    [
      'GET /api/channels/:id/messages',
      3,
      'GET',
      () => {
        const s = staff();
        return { path: `/api/channels/${pick(s.channels)}/messages?limit=50`, ...as(s.session) };
      },
    ],
    [
      'POST /api/channels/:id/messages',
      1,
      'POST',
      () => {
        const s = staff();
        return {
          path: `/api/channels/${pick(s.channels)}/messages`,
          ...as(s.session, { body: 'Colis reçu à l’accueil, je le dépose en salle B.' }),
        };
      },
    ],
  ];
}

/** A request of the cycle, labelled with its route (read back from the client in the response event). */
export type LabelledRequest = Request & { label: string };

/** The cycle each connection runs through: steps repeated by weight, interleaved (20 requests per turn). */
export function workload(a: Actors): { requests: LabelledRequest[]; weights: Record<string, number> } {
  const all = steps(a);
  const queue = all.map(([label, weight, method, build]) => ({ left: weight, label, method, build }));
  const requests: LabelledRequest[] = [];
  while (queue.some((s) => s.left > 0))
    for (const s of queue) {
      if (s.left-- <= 0) continue;
      const build = s.build;
      requests.push({ label: s.label, method: s.method, path: '/', setupRequest: (req) => ({ ...req, ...build() }) });
    }
  return { requests, weights: Object.fromEntries(all.map(([label, weight]) => [label, weight])) };
}

/** Knowledge-base enumerations and lifecycle, shared by server and web (docs/api-contract.md, « Base de connaissances »). */

export const KB_TYPES = ['faq', 'howto', 'process'] as const;
export type KbType = (typeof KB_TYPES)[number];

export const KB_STATUSES = ['draft', 'review', 'published', 'archived'] as const;
export type KbStatus = (typeof KB_STATUSES)[number];

export const KB_AUDIENCE_KINDS = ['requesters', 'staff', 'teams'] as const;
export type KbAudience = { kind: 'requesters'; siteIds: string[] } | { kind: 'staff' } | { kind: 'teams'; teamIds: string[] };

/**
 * The lifecycle: each allowed move and the action it needs. Writers submit drafts for review; the
 * coordination sends back, publishes (also straight from a draft), unpublishes and archives.
 */
export const KB_TRANSITIONS: Record<KbStatus, Partial<Record<KbStatus, string>>> = {
  draft: { review: 'kb.update', published: 'kb.publish' },
  review: { draft: 'kb.review', published: 'kb.publish' },
  published: { archived: 'kb.archive', draft: 'kb.publish' },
  archived: { draft: 'kb.archive' },
};

/** The urgent alert of a chat message and its mentions, as the API sends them (server and web share these). */
export interface AlertView {
  id: string;
  state: 'open' | 'acknowledged';
  targets: number;
  repeats: number;
  escalatedAt: string | null;
  acknowledgedBy: { id: string; name: string } | null;
  acknowledgedAt: string | null;
  nextRepeatAt: string | null;
}

export type MentionKind = 'user' | 'team' | 'group';

/** A mention in a message (or a composer suggestion): a person, a team, or the coordination group. */
export interface Mentionable {
  kind: MentionKind;
  id: string;
  handle: string;
  name: string;
}

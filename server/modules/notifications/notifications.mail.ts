/**
 * Notification mails in the recipient's language: plain text + HTML (renderMarkdown), a link to the
 * target, `Auto-Submitted: auto-generated` (auto-responders must not answer), and for a request the
 * signed thread token in Reply-To and at the end of the subject so a reply threads into the request, and a
 * recorded Message-ID `<relais.<notification id>@MAIL_REPLY_DOMAIN>` (a reply naming it threads too).
 */
import { renderMarkdown } from '../../../common/markdown.ts';
import { type Locale, MESSAGES, translate } from '../../../common/messages.ts';
import type { Deps } from '../../platform/deps.ts';
import type { OutgoingMail } from '../../platform/mailer.ts';
import { signThreadToken } from '../../platform/thread-token.ts';
import { outboundMessageId } from '../mail/mail.outbound.ts';

export interface MailNotification {
  id: string;
  organization_id: string;
  type: string;
  params: Record<string, string>;
  target_type: string | null;
  target_id: string | null;
  url: string;
  user_id: string;
}
export interface MailUser {
  email: string;
  display_name: string;
  locale: string;
}

const localeOf = (u: MailUser): Locale => (u.locale === 'en' ? 'en' : 'fr');
const AUTO = { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' };

/** The one-line title of a notification (also shown in the app); `params.variant` picks `notif.<type>.<variant>`. */
export function notificationTitle(locale: Locale, n: Pick<MailNotification, 'type' | 'params'>): string {
  const variant = n.params.variant ? `notif.${n.type}.${n.params.variant}` : '';
  return translate(locale, variant && variant in MESSAGES.fr ? variant : `notif.${n.type}`, n.params);
}

function finish(to: string, subject: string, markdown: string, extra: Partial<OutgoingMail> = {}): OutgoingMail {
  return { to, subject, text: markdown, html: renderMarkdown(markdown), headers: AUTO, ...extra };
}

/** One immediate mail. */
export function notificationMail(deps: Deps, n: MailNotification, u: MailUser): OutgoingMail {
  const locale = localeOf(u);
  const link = `${deps.config.baseUrl}${n.url}`;
  const lines = [
    translate(locale, 'mail.notif.hello', { name: u.display_name }),
    notificationTitle(locale, n),
    translate(locale, 'mail.notif.open', { link }),
  ];
  let subject = notificationTitle(locale, n);
  let extra: Partial<OutgoingMail> = {};
  if (n.target_type === 'request' && n.target_id) {
    const token = signThreadToken(deps.config.secretKey, {
      organizationId: n.organization_id,
      requestId: n.target_id,
      recipientId: n.user_id,
    });
    subject = `${subject} [#${token}]`;
    extra = { replyTo: `reply+${token}@${deps.config.smtp.replyDomain}`, messageId: outboundMessageId(deps, n.id) };
    lines.push(translate(locale, 'mail.notif.reply'));
  }
  lines.push(`_${translate(locale, 'mail.notif.footer')}_`);
  return finish(u.email, subject, lines.join('\n\n'), extra);
}

/** The daily digest: one line per notification with its link. */
export function digestMail(deps: Deps, items: MailNotification[], u: MailUser): OutgoingMail {
  const locale = localeOf(u);
  const list = items.map((n) => `- ${notificationTitle(locale, n)} — ${deps.config.baseUrl}${n.url}`);
  const markdown = [
    translate(locale, 'mail.notif.hello', { name: u.display_name }),
    translate(locale, 'mail.digest.intro'),
    list.join('\n'),
    `_${translate(locale, 'mail.notif.footer')}_`,
  ].join('\n\n');
  return finish(u.email, translate(locale, 'mail.digest.subject', { count: items.length }), markdown);
}

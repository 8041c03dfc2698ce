import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { Deps } from '../../platform/deps.ts';
import { isHandledRecipient } from './mail.addresses.ts';
import { processInbound } from './mail.process.ts';

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/** Largest mail accepted: the upload limit plus base64 overhead (4/3) and room for the headers and text. */
export const maxMessageBytes = (maxUploadBytes: number) => Math.ceil((maxUploadBytes * 4) / 3) + 1024 * 1024;

async function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The SMTP listener inside Relais (SMTP_INBOUND_PORT / SMTP_INBOUND_HOST, loopback by default): an MTA
 * in front of it (Postfix, a relay) hands mail over. No authentication and no STARTTLS — it is meant
 * for loopback or a private network; recipients Relais does not handle get 550 at RCPT time, mail over
 * the size limit 552; the message is answered 250 only once it is recorded (request, reply or quarantine).
 */
export async function startInboundSmtp(deps: Deps, opts: { port: number; host: string }) {
  const size = maxMessageBytes(deps.config.maxUploadBytes);
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size,
    logger: false,
    banner: 'Relais',
    async onRcptTo(address, _session, callback) {
      try {
        if (await isHandledRecipient(deps, address.address)) return callback();
        callback(smtpError(550, '5.1.1 Adresse inconnue / unknown recipient'));
      } catch {
        callback(smtpError(451, '4.3.0 Erreur temporaire / try again later'));
      }
    },
    onData(stream, session, callback) {
      readAll(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded) return callback(smtpError(552, '5.3.4 Message trop volumineux / message too big'));
          const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          await processInbound(deps, raw, { mailFrom, rcptTo: session.envelope.rcptTo.map((r) => r.address) });
          callback();
        })
        .catch(() => callback(smtpError(451, '4.3.0 Erreur temporaire / try again later')));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  server.on('error', () => {});
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

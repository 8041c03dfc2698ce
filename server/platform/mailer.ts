import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { newId } from './ids.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  /** Extra headers, e.g. `Auto-Submitted: auto-generated` on notification mail (loop prevention). */
  headers?: Record<string, string>;
  messageId?: string;
  references?: string | string[];
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * Writes each message as an RFC 822 `.eml` file under DATA_DIR/outbox (the embedded default; the
 * mail issue adds an SMTP transport behind the same interface). Temp file then rename: never half-written.
 */
export class OutboxMailer implements Mailer {
  readonly #dir: string;
  readonly #from: string;
  readonly #transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  constructor(dataDir: string, from: string) {
    this.#dir = path.join(dataDir, 'outbox');
    this.#from = from;
    mkdirSync(this.#dir, { recursive: true });
  }
  get directory(): string {
    return this.#dir;
  }
  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.#transport.sendMail({ from: this.#from, ...mail });
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${newId()}.eml`;
    const tmp = path.join(this.#dir, `.${name}.tmp`);
    writeFileSync(tmp, info.message as Buffer);
    renameSync(tmp, path.join(this.#dir, name));
  }
}

/** Sends through an SMTP server (`SMTP_URL`, e.g. smtp://user:pass@host:587); app.ts picks it when SMTP_URL is set. */
export class SmtpMailer implements Mailer {
  readonly #from: string;
  readonly #transport: Transporter;
  constructor(url: string, from: string) {
    this.#from = from;
    this.#transport = nodemailer.createTransport(url);
  }
  async send(mail: OutgoingMail): Promise<void> {
    await this.#transport.sendMail({ from: this.#from, ...mail });
  }
}

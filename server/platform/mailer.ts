import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { newId } from './ids.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
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

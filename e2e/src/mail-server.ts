import { simpleParser } from 'mailparser';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SMTPServer } from 'smtp-server';

/** Where the test run's SMTP server listens; the app's webServer sends there (SMTP_URL). */
export const E2E_SMTP_PORT = Number(process.env['E2E_SMTP_PORT'] ?? 3125);
/** Every message the app sent in this run, one JSON file each (see fixtures/mail.ts). */
export const MAIL_DIR = resolve(__dirname, '../../tmp/e2e-mail');

/** A message as the tests read it. */
export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  /** The message's header fields as sent, by lower-case name (e.g. `list-unsubscribe`); a repeated field's values joined by newlines. */
  headers: Record<string, string>;
  receivedAt: string;
}

/** The header lines as the app wrote them, unfolded, before mailparser turns some into objects. */
function rawHeaders(lines: readonly { key: string; line: string }[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of lines) {
    const value = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    headers[key] = key in headers ? `${headers[key]}\n${value}` : value;
  }
  return headers;
}

/**
 * Playwright's global setup: a real SMTP server for the run (plain SMTP, no TLS, no login), so the
 * e2e tests follow the same path as production mail: outbox → worker → SMTP. Returns the teardown.
 */
export default async function startMailServer(): Promise<() => Promise<void>> {
  rmSync(MAIL_DIR, { recursive: true, force: true });
  mkdirSync(MAIL_DIR, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: ReceivedMail = {
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            headers: rawHeaders(parsed.headerLines),
            receivedAt: new Date().toISOString(),
          };
          count += 1;
          writeFileSync(resolve(MAIL_DIR, `${Date.now()}-${String(count).padStart(4, '0')}.json`), JSON.stringify(mail, null, 2));
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(E2E_SMTP_PORT, '127.0.0.1', () => done());
  });
  return () => new Promise<void>((done) => server.close(() => done()));
}

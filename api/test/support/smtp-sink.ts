import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for a test (npm smtp-server) on a free port of 127.0.0.1, with a user name and
 * password, keeping every message it accepts as mailparser reads it. It can be stopped and started
 * again on the same port, for an outage.
 */
export class SmtpSink {
  readonly messages: ParsedMail[] = [];
  /** The user names the clients authenticated with. */
  readonly logins: string[] = [];
  private server?: SMTPServer;
  port = 0;

  static readonly USER = 'casustafel';
  static readonly PASSWORD = 'smtp-geheim';

  get url(): string {
    return `smtp://${SmtpSink.USER}:${SmtpSink.PASSWORD}@127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (auth.username === SmtpSink.USER && auth.password === SmtpSink.PASSWORD) {
          this.logins.push(auth.username);
          callback(null, { user: auth.username });
        } else callback(new Error('Invalid username or password'));
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.messages.push(mail);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The messages sent to this address. */
  to(address: string): ParsedMail[] {
    return this.messages.filter((m) => addresses(m).includes(address.toLowerCase()));
  }
}

function addresses(mail: ParsedMail): string[] {
  const to = mail.to === undefined ? [] : Array.isArray(mail.to) ? mail.to : [mail.to];
  return to.flatMap((t) => t.value.map((v) => (v.address ?? '').toLowerCase()));
}

import { backoffMs, describeError, MAX_BACKOFF_MS } from './mail-worker';
import { escapeHtml, MAIL_TEMPLATES, renderMail } from './mail-templates';

describe('mail templates', () => {
  const data = {
    activation: { name: 'Anna <script>', link: 'https://casustafel.example.nl/account/activeren?token=abc&x="y"', hours: 72 },
    passwordReset: { name: 'Anna', link: 'https://casustafel.example.nl/account/herstellen?token=abc', minutes: 60 },
    passwordChanged: { name: 'Anna', at: '2026-11-27T14:04:00Z', resetLink: 'https://casustafel.example.nl/account/herstellen' },
  };

  it.each(MAIL_TEMPLATES)('renders %s in Dutch, as text and escaped HTML', (template) => {
    const mail = renderMail(template, data[template] as never);
    expect(mail.subject).toMatch(/Casustafel/);
    expect(mail.text).toMatch(/^Beste Anna/);
    expect(mail.html).toContain('<html lang="nl">');
    expect(mail.html).not.toContain('<script>');
  });

  it('escapes names and links in HTML, and keeps the link whole in the text', () => {
    const mail = renderMail('activation', data.activation);
    expect(mail.html).toContain('Beste Anna &lt;script&gt;,');
    expect(mail.html).toContain('href="https://casustafel.example.nl/account/activeren?token=abc&amp;x=&quot;y&quot;"');
    expect(mail.text).toContain('https://casustafel.example.nl/account/activeren?token=abc&x="y"\n');
    expect(escapeHtml(`<a href='x'>&</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('says when the password was changed in Dutch time', () => {
    expect(renderMail('passwordChanged', data.passwordChanged).text).toContain('27 november 2026 om 15:04');
  });
});

describe('mail worker rules', () => {
  it('waits 30 s after the first failure, doubling up to an hour', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20)).toBe(MAX_BACKOFF_MS);
  });

  it('keeps an error as its code and SMTP status, never its text', () => {
    const error = Object.assign(new Error('550 5.1.1 <jan@example.nl>: Recipient address rejected'), {
      code: 'EENVELOPE',
      responseCode: 550,
      command: 'RCPT TO',
    });
    expect(describeError(error)).toBe('EENVELOPE 550 RCPT TO');
    expect(describeError(new TypeError('x@y.nl'))).toBe('TypeError');
  });
});

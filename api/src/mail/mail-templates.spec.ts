import { backoffMs, describeError, MAX_BACKOFF_MS } from './mail-worker';
import { escapeHtml, MAIL_TEMPLATES, renderMail } from './mail-templates';

describe('mail templates', () => {
  const data = {
    activation: { name: 'Anna <script>', link: 'https://casustafel.example.nl/account/activeren?token=abc&x="y"', hours: 72 },
    passwordReset: { name: 'Anna', link: 'https://casustafel.example.nl/account/herstellen?token=abc', minutes: 60 },
    passwordChanged: { name: 'Anna', at: '2026-11-27T14:04:00Z', resetLink: 'https://casustafel.example.nl/account/herstellen' },
    notification: {
      name: 'Anna',
      title: 'Nieuwe actie voor je organisatie (Casus 2026-001 · Linde)',
      lines: ['In het netwerk <Noord> is een actie aan je organisatie toegewezen.'],
      link: 'https://casustafel.example.nl/acties',
      settingsLink: 'https://casustafel.example.nl/account/meldingen',
    },
    invitation: {
      name: 'Anna',
      title: 'Uitnodiging: overleg Noord op 1 december 2026 om 09:30',
      lines: ['Je bent uitgenodigd.'],
      link: 'https://casustafel.example.nl/overleggen/1',
      settingsLink: 'https://casustafel.example.nl/account/meldingen',
      method: 'REQUEST' as const,
      ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
    },
    digest: {
      name: 'Anna',
      items: [{ title: 'Verslag vastgesteld <b>', link: 'https://casustafel.example.nl/overleggen/1' }],
      settingsLink: 'https://casustafel.example.nl/account/meldingen',
    },
  };

  it.each(MAIL_TEMPLATES)('renders %s in Dutch, as text and escaped HTML', (template) => {
    const mail = renderMail(template, data[template] as never);
    expect(mail.subject.length).toBeGreaterThan(10);
    expect(mail.text).toMatch(/^Beste Anna/);
    expect(mail.text).toContain('Met vriendelijke groet,\nCasustafel');
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

  it('gives notifications, invitations and digests a List-Unsubscribe to the settings, and account mails none', () => {
    for (const t of ['notification', 'invitation', 'digest'] as const) {
      const mail = renderMail(t, data[t] as never);
      expect(mail.listUnsubscribe).toBe('https://casustafel.example.nl/account/meldingen');
      expect(mail.text).toContain('Welke meldingen je per e-mail krijgt, kies je hier: https://casustafel.example.nl/account/meldingen');
    }
    expect(renderMail('activation', data.activation).listUnsubscribe).toBeUndefined();
  });

  it('carries an invitation as a calendar part with its method, and lists a digest with escaped titles', () => {
    expect(renderMail('invitation', data.invitation).calendar).toEqual({ method: 'REQUEST', content: data.invitation.ics });
    expect(renderMail('notification', data.notification).calendar).toBeUndefined();
    const digest = renderMail('digest', data.digest);
    expect(digest.subject).toBe('Je meldingen van Casustafel: 1 nieuwe');
    expect(digest.html).toContain('<a href="https://casustafel.example.nl/overleggen/1">Verslag vastgesteld &lt;b&gt;</a>');
    expect(digest.text).toContain('• Verslag vastgesteld <b>\n  https://casustafel.example.nl/overleggen/1');
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

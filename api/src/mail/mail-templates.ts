import { formatDutch } from '../common/amsterdam-time';

/**
 * The mails Casustafel sends, in Dutch, as plain text and HTML (ADR 0013). A template receives only
 * what it names: the recipient's own name, a link and a moment. Never a client's identity, never free
 * text from a case, question or note: a mail leaves our control, and mail servers keep copies.
 */
export interface MailTemplates {
  /** A new account: choose a password with this link (72 h, once). */
  activation: { name: string; link: string; hours: number };
  /** Forgot password: choose a new one with this link (1 h, once). */
  passwordReset: { name: string; link: string; minutes: number };
  /** The password was changed (by the owner or with a reset link): a notice, with the way back if it was not them. */
  passwordChanged: { name: string; at: string; resetLink: string };
  /** A notification (issue #14): its title and sentences as notification-texts made them, a link into the app. */
  notification: NotificationMail;
  /** A meeting's invitation or cancellation, with the iCalendar object for the recipient's calendar program. */
  invitation: NotificationMail & { method: 'REQUEST' | 'CANCEL'; ics: string };
  /** The daily digest: the titles of the day's notifications, each with its link. */
  digest: { name: string; items: { title: string; link: string }[]; settingsLink: string };
}

export interface NotificationMail {
  name: string;
  title: string;
  lines: string[];
  link: string;
  settingsLink: string;
}
export type MailTemplate = keyof MailTemplates;
export const MAIL_TEMPLATES: readonly MailTemplate[] = [
  'activation',
  'passwordReset',
  'passwordChanged',
  'notification',
  'invitation',
  'digest',
];

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** An iCalendar part (text/calendar; method=…), for an invitation. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
  /** The List-Unsubscribe address: the page where the recipient changes what they get by mail. */
  listUnsubscribe?: string;
}

/** Escapes a value for HTML text and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** "27 november 2026 om 15:04", in Amsterdam time whatever the server's zone. */
function dutchMoment(iso: string): string {
  return formatDutch(new Date(iso), 'moment');
}

/** A paragraph is text; a link is shown as a button in HTML and as the bare address in plain text. */
type Block = { p: string } | { link: string; label: string } | { item: string; href: string };

const FOOTER = 'Deze e-mail is automatisch verstuurd door Casustafel. Je kunt er niet op antwoorden.';
const SETTINGS_FOOTER = (link: string) =>
  `Deze e-mail is automatisch verstuurd door Casustafel. Je kunt er niet op antwoorden. Welke meldingen je per e-mail krijgt, kies je hier: ${link}`;

function compose(subject: string, name: string, blocks: Block[], footer = FOOTER): RenderedMail {
  const all: Block[] = [{ p: `Beste ${name},` }, ...blocks, { p: 'Met vriendelijke groet,\nCasustafel' }];
  const text =
    [...all.map((b) => ('p' in b ? b.p : 'item' in b ? `• ${b.item}\n  ${b.href}` : `${b.label}:\n${b.link}`)), '--', footer].join('\n\n') +
    '\n';
  const body = all
    .map((b) =>
      'p' in b
        ? `<p>${escapeHtml(b.p).replace(/\n/g, '<br>')}</p>`
        : 'item' in b
          ? `<p>• <a href="${escapeHtml(b.href)}">${escapeHtml(b.item)}</a></p>`
          : `<p><a href="${escapeHtml(b.link)}" style="display:inline-block;padding:10px 16px;background:#1d4f91;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(b.label)}</a></p>\n<p style="font-size:13px;color:#555">Werkt de knop niet? Kopieer dan dit adres in je browser:<br>${escapeHtml(b.link)}</p>`,
    )
    .join('\n');
  const html = `<!DOCTYPE html>
<html lang="nl">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a">
${body}
<hr>
<p style="font-size:12px;color:#555">${escapeHtml(footer)}</p>
</body>
</html>
`;
  return { subject, text, html };
}

const RENDER: { [T in MailTemplate]: (data: MailTemplates[T]) => RenderedMail } = {
  activation: ({ name, link, hours }) =>
    compose('Activeer je account voor Casustafel', name, [
      { p: 'De beheerder heeft een account voor je aangemaakt in Casustafel. Kies een wachtwoord om het te activeren.' },
      { link, label: 'Account activeren' },
      { p: `De link werkt ${hours} uur en één keer. Is hij verlopen, vraag de beheerder dan om een nieuwe.` },
      { p: 'Verwachtte je deze e-mail niet? Dan kun je hem negeren.' },
    ]),
  passwordReset: ({ name, link, minutes }) =>
    compose('Nieuw wachtwoord voor Casustafel', name, [
      {
        p: 'Iemand heeft gevraagd om een nieuw wachtwoord voor je account in Casustafel. Was jij dat, kies dan hier een nieuw wachtwoord.',
      },
      { link, label: 'Nieuw wachtwoord kiezen' },
      { p: `De link werkt ${minutes} minuten en één keer. Daarna word je overal uitgelogd.` },
      { p: 'Heb je dit niet gevraagd? Dan hoef je niets te doen: je wachtwoord blijft zoals het is.' },
    ]),
  passwordChanged: ({ name, at, resetLink }) =>
    compose('Je wachtwoord voor Casustafel is gewijzigd', name, [
      { p: `Het wachtwoord van je account in Casustafel is gewijzigd op ${dutchMoment(at)}.` },
      { p: 'Was jij dat niet? Kies dan meteen een nieuw wachtwoord en meld het bij de beheerder.' },
      { link: resetLink, label: 'Nieuw wachtwoord kiezen' },
    ]),
  notification: notificationMail,
  invitation: (data) => ({ ...notificationMail(data), calendar: { method: data.method, content: data.ics } }),
  digest: ({ name, items, settingsLink }) => ({
    ...compose(
      items.length === 1 ? 'Je meldingen van Casustafel: 1 nieuwe' : `Je meldingen van Casustafel: ${items.length} nieuwe`,
      name,
      [
        { p: 'Dit is er sinds het vorige overzicht voor je gebeurd in Casustafel:' },
        ...items.map((i) => ({ item: i.title, href: i.link })),
      ],
      SETTINGS_FOOTER(settingsLink),
    ),
    listUnsubscribe: settingsLink,
  }),
};

/** A notification's mail: its sentences, a button into the app, and where to change the settings. */
function notificationMail(data: NotificationMail): RenderedMail {
  const mail = compose(
    data.title,
    data.name,
    [...data.lines.map((p) => ({ p })), { link: data.link, label: 'Bekijken in Casustafel' }],
    SETTINGS_FOOTER(data.settingsLink),
  );
  return { ...mail, listUnsubscribe: data.settingsLink };
}

export function renderMail<T extends MailTemplate>(template: T, data: MailTemplates[T]): RenderedMail {
  return RENDER[template](data);
}

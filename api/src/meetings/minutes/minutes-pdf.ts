import type { ActionView } from '@casustafel/contract/meetings';
import type { MinutesView } from '@casustafel/contract/minutes';
import { ACTION_STATUS_LABEL, ATTENDANCE_LABEL, labelOf } from '../../common/labels';
import { createPdf, drawTable, finishPdf } from '../../common/pdf';

const when = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
const day = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });

function heading(doc: PDFKit.PDFDocument, text: string, size = 13): void {
  if (doc.y > doc.page.height - 140) doc.addPage();
  doc.moveDown(0.6).font('bold').fontSize(size).fillColor('#1f4e79').text(text, 50).moveDown(0.3);
  doc.font('body').fontSize(10).fillColor('#000');
}

const actionRows = (actions: ActionView[]) =>
  actions.map((a) => [
    a.description + (a.case ? ` (${a.case.label})` : ''),
    a.owner.organisation.name + (a.owner.user ? `, ${a.owner.user.name}` : ''),
    day.format(new Date(`${a.dueDate}T12:00:00Z`)),
    labelOf(ACTION_STATUS_LABEL, a.status),
  ]);

/**
 * The minutes as a PDF for one reader, built from the same MinutesView as the JSON: every client
 * identity is already at the reader's level, so the document cannot show more than the screen.
 */
export async function renderMinutesPdf(view: MinutesView, reader: { name: string; organisation: string }, now: Date): Promise<Buffer> {
  const title = `Verslag ${view.networkName}, ${day.format(new Date(view.meeting.startsAt))}`;
  const { doc, done } = createPdf({ Title: title, Subject: 'Verslag casusoverleg (vertrouwelijk)' });
  doc.font('bold').fontSize(18).fillColor('#000').text('Verslag casusoverleg', 50, 50);
  doc
    .font('body')
    .fontSize(11)
    .fillColor('#333')
    .text(`${view.networkName} · ${when.format(new Date(view.meeting.startsAt))}`);
  const status =
    view.status === 'APPROVED'
      ? `VASTGESTELD op ${when.format(new Date(view.approvedAt!))}`
      : view.status === 'SENT'
        ? 'CONCEPT (verstuurd ter review)'
        : 'CONCEPT';
  doc
    .moveDown(0.5)
    .font('bold')
    .fontSize(12)
    .fillColor(view.status === 'APPROVED' ? '#1b5e20' : '#b3261e')
    .text(status);
  doc
    .font('body')
    .fontSize(9)
    .fillColor('#333')
    .text(`Vertrouwelijk. Namen volgens het privacyconvenant, versie ${view.covenantVersion}.`)
    .moveDown();

  drawTable(
    doc,
    [
      { title: '', width: 130 },
      { title: '', width: 365 },
    ],
    [
      ['Plaats', view.meeting.location ?? '—'],
      ['Voorzitter', view.meeting.chair ?? '—'],
      ['Notulist', view.meeting.minuteTaker ?? '—'],
      ['Volgend overleg', view.meeting.nextMeeting ? when.format(new Date(view.meeting.nextMeeting)) : 'nog niet gepland'],
    ],
    { header: false },
  );

  heading(doc, 'Aanwezigheid');
  drawTable(
    doc,
    [
      { title: 'Organisatie', width: 200 },
      { title: 'Status', width: 85 },
      { title: 'Aanwezigen', width: 210 },
    ],
    view.attendance.map((a) => [a.organisation, a.status ? ATTENDANCE_LABEL[a.status] : '—', a.people.join(', ')]),
  );

  for (const section of view.sections) {
    heading(doc, `${section.number}. ${section.title}`, 12);
    if (section.client) doc.font('bold').text(`Cliënt: ${section.client.displayName}`).font('body');
    doc.text(section.text || '—', { align: 'left' });
    const itemActions = view.actions.filter((a) => a.agendaItemId === section.id);
    if (itemActions.length) {
      doc.moveDown(0.3);
      for (const a of itemActions)
        doc.text(`• Actie: ${a.description} — ${a.owner.organisation.name}, uiterlijk ${day.format(new Date(`${a.dueDate}T12:00:00Z`))}`);
    }
  }

  const columns = [
    { title: 'Wat', width: 215 },
    { title: 'Wie', width: 140 },
    { title: 'Uiterlijk', width: 80 },
    { title: 'Status', width: 60 },
  ];
  heading(doc, 'Afgesproken acties');
  if (view.actions.length) drawTable(doc, columns, actionRows(view.actions));
  else doc.text('Geen.').moveDown();
  heading(doc, 'Openstaande acties uit eerdere overleggen');
  if (view.carriedOver.length) drawTable(doc, columns, actionRows(view.carriedOver));
  else doc.text('Geen.').moveDown();

  if (view.addenda.length) {
    heading(doc, 'Aanvullingen na vaststelling');
    for (const a of view.addenda)
      doc.text(`${when.format(new Date(a.createdAt))}${a.author ? `, ${a.author}` : ''}: ${a.text}`).moveDown(0.3);
  }
  if (view.status === 'APPROVED') doc.moveDown().fontSize(7).fillColor('#555').text(`SHA-256 van de inhoud: ${view.sha256}`);

  finishPdf(
    doc,
    `Opgesteld voor ${reader.name}, ${reader.organisation} op ${when.format(now)}`,
    `${view.networkName} · ${day.format(new Date(view.meeting.startsAt))} · Vertrouwelijk`,
  );
  return done;
}

import type { ActionView } from '@casustafel/contract/meetings';
import type { MinutesSectionView, MinutesView } from '@casustafel/contract/minutes';
import { formatDutch } from '../../common/amsterdam-time';
import { ACTION_STATUS_LABEL, ATTENDANCE_LABEL, labelOf } from '../../common/labels';
import { block, bulletList, createPdf, drawTable, finishPdf, type Pdf } from '../../common/pdf';

/** "23 november 2026 om 10:00" and "23 november 2026", in Amsterdam time; a due date (YYYY-MM-DD) is that day. */
const when = (at: string | Date) => formatDutch(at, 'moment');
const day = (at: string | Date) => formatDutch(at, 'day');

function heading(pdf: Pdf, text: string, size = 13): void {
  const { doc } = pdf;
  if (doc.y > doc.page.height - 140) doc.addPage();
  doc.moveDown(0.6);
  block(pdf, 'H2', () => doc.font('bold').fontSize(size).fillColor('#1f4e79').text(text, 50));
  doc.moveDown(0.3);
  doc.font('body').fontSize(10).fillColor('#000');
}

const actionRows = (actions: ActionView[]) =>
  actions.map((a) => [
    a.description + (a.case ? ` (${a.case.label})` : ''),
    a.owner.organisation.name + (a.owner.user ? `, ${a.owner.user.name}` : ''),
    day(a.dueDate),
    labelOf(ACTION_STATUS_LABEL, a.status),
  ]);

/** What the PDF shows of the minutes: the reader's MinutesView without what only the screen uses (permissions, comments' state). */
export type MinutesPdfInput = Pick<
  MinutesView,
  'networkName' | 'meeting' | 'status' | 'approvedAt' | 'covenantVersion' | 'attendance' | 'actions' | 'carriedOver' | 'addenda' | 'sha256'
> & { sections: Omit<MinutesSectionView, 'comments'>[] };

/** The part of a reader's view the PDF is made of: plain data, already at the reader's level. */
export function minutesPdfInput(view: MinutesView): MinutesPdfInput {
  const { networkName, meeting, status, approvedAt, covenantVersion, attendance, sections, actions, carriedOver, addenda, sha256 } = view;
  return {
    networkName,
    meeting,
    status,
    approvedAt,
    covenantVersion,
    attendance,
    sections: sections.map(({ comments: _comments, ...section }) => section),
    actions,
    carriedOver,
    addenda,
    sha256,
  };
}

/**
 * The minutes as a PDF for one reader, built from the same MinutesView as the JSON: every client
 * identity is already at the reader's level, so the document cannot show more than the screen.
 */
export async function renderMinutesPdf(view: MinutesPdfInput, reader: { name: string; organisation: string }, now: Date): Promise<Buffer> {
  const title = `Verslag ${view.networkName}, ${day(view.meeting.startsAt)}`;
  const pdf = createPdf({ Title: title, Subject: 'Verslag casusoverleg (vertrouwelijk)' });
  const { doc } = pdf;
  block(pdf, 'H1', () => doc.font('bold').fontSize(18).fillColor('#000').text('Verslag casusoverleg', 50, 50));
  block(pdf, 'P', () =>
    doc
      .font('body')
      .fontSize(11)
      .fillColor('#333')
      .text(`${view.networkName} · ${when(view.meeting.startsAt)}`),
  );
  const status =
    view.status === 'APPROVED'
      ? `VASTGESTELD op ${when(view.approvedAt!)}`
      : view.status === 'SENT'
        ? 'CONCEPT (verstuurd ter review)'
        : 'CONCEPT';
  doc.moveDown(0.5);
  block(pdf, 'P', () =>
    doc
      .font('bold')
      .fontSize(12)
      .fillColor(view.status === 'APPROVED' ? '#1b5e20' : '#b3261e')
      .text(status),
  );
  block(pdf, 'P', () =>
    doc
      .font('body')
      .fontSize(9)
      .fillColor('#333')
      .text(`Vertrouwelijk. Namen volgens het privacyconvenant, versie ${view.covenantVersion}.`),
  );
  doc.moveDown();

  drawTable(
    pdf,
    [
      { title: '', width: 130 },
      { title: '', width: 365 },
    ],
    [
      ['Plaats', view.meeting.location ?? '—'],
      ['Voorzitter', view.meeting.chair ?? '—'],
      ['Notulist', view.meeting.minuteTaker ?? '—'],
      ['Volgend overleg', view.meeting.nextMeeting ? when(view.meeting.nextMeeting) : 'nog niet gepland'],
    ],
    { header: false },
  );

  heading(pdf, 'Aanwezigheid');
  drawTable(
    pdf,
    [
      { title: 'Organisatie', width: 200 },
      { title: 'Status', width: 85 },
      { title: 'Aanwezigen', width: 210 },
    ],
    view.attendance.map((a) => [a.organisation, a.status ? ATTENDANCE_LABEL[a.status] : '—', a.people.join(', ')]),
  );

  for (const section of view.sections) {
    heading(pdf, `${section.number}. ${section.title}`, 12);
    if (section.client) block(pdf, 'P', () => doc.font('bold').text(`Cliënt: ${section.client!.displayName}`).font('body'));
    block(pdf, 'P', () => doc.text(section.text || '—', { align: 'left' }));
    const itemActions = view.actions.filter((a) => a.agendaItemId === section.id);
    if (itemActions.length) {
      doc.moveDown(0.3);
      bulletList(
        pdf,
        itemActions.map((a) => `Actie: ${a.description} — ${a.owner.organisation.name}, uiterlijk ${day(a.dueDate)}`),
      );
    }
  }

  const columns = [
    { title: 'Wat', width: 215 },
    { title: 'Wie', width: 140 },
    { title: 'Uiterlijk', width: 80 },
    { title: 'Status', width: 60 },
  ];
  heading(pdf, 'Afgesproken acties');
  if (view.actions.length) drawTable(pdf, columns, actionRows(view.actions));
  else block(pdf, 'P', () => doc.text('Geen.').moveDown());
  heading(pdf, 'Openstaande acties uit eerdere overleggen');
  if (view.carriedOver.length) drawTable(pdf, columns, actionRows(view.carriedOver));
  else block(pdf, 'P', () => doc.text('Geen.').moveDown());

  if (view.addenda.length) {
    heading(pdf, 'Aanvullingen na vaststelling');
    for (const a of view.addenda) {
      block(pdf, 'P', () => doc.text(`${when(a.createdAt)}${a.author ? `, ${a.author}` : ''}: ${a.text}`));
      doc.moveDown(0.3);
    }
  }
  if (view.status === 'APPROVED') {
    doc.moveDown();
    block(pdf, 'P', () => doc.fontSize(7).fillColor('#555').text(`SHA-256 van de inhoud: ${view.sha256}`));
  }

  finishPdf(
    pdf,
    `Opgesteld voor ${reader.name}, ${reader.organisation} op ${when(now)}`,
    `${view.networkName} · ${day(view.meeting.startsAt)} · Vertrouwelijk`,
  );
  return pdf.done;
}

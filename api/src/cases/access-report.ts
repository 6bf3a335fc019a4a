import type { AccessLogEntryView } from '@casustafel/contract/access-log';
import type { CaseView } from '@casustafel/contract/cases';
import { ACCESS_ACTION_LABEL, LEVEL_LABEL, labelOf } from '../common/labels';
import { formatDutch } from '../common/amsterdam-time';
import { block, createPdf, drawTable, finishPdf } from '../common/pdf';

/** "23 nov 2026, 10:00", Amsterdam time. */
const moment = (at: string | Date) => formatDutch(at, 'shortMoment');

/**
 * The access report for one client (AVG art. 15 inzage): who saw what of them, and when. The
 * identity shown is the case view's, already at the coordinator's level; the metadata holds only
 * the case number.
 */
export async function renderAccessReport(input: {
  view: CaseView;
  networkName: string;
  entries: AccessLogEntryView[];
  preparedFor: string;
  now: Date;
}): Promise<Buffer> {
  const { view, networkName, entries } = input;
  const pdf = createPdf({ Title: `Inzageoverzicht casus ${view.number}`, Subject: 'Toegang tot persoonsgegevens (AVG art. 15)' });
  const { doc } = pdf;
  block(pdf, 'H1', () => doc.font('bold').fontSize(16).fillColor('#000').text('Inzageoverzicht persoonsgegevens'));
  block(pdf, 'P', () => doc.font('body').fontSize(10).fillColor('#333').text(`${networkName} · Vertrouwelijk`));
  doc.moveDown();
  doc.fontSize(11).fillColor('#000');
  const denied = entries.filter((e) => e.outcome === 'DENIED').length;
  for (const line of [
    `Casus: ${view.number}`,
    `Cliënt: ${view.client.displayName}`,
    `Aantal keer ingezien of gewijzigd: ${entries.length - denied}`,
    `Geweigerde pogingen: ${denied}`,
  ])
    block(pdf, 'P', () => doc.text(line));
  doc.moveDown();
  block(pdf, 'P', () =>
    doc
      .fontSize(9)
      .fillColor('#333')
      .text(
        'Elke keer dat iemand de gegevens van deze cliënt zag boven het pseudoniem, of de casus inbracht, wijzigde of exporteerde, staat hieronder; ook elke geweigerde poging.',
      ),
  );
  doc.moveDown();

  const columns = [
    { title: 'Wanneer', width: 95 },
    { title: 'Wie', width: 110 },
    { title: 'Organisatie', width: 120 },
    { title: 'Wat', width: 100 },
    { title: 'Niveau', width: 70 },
  ];
  drawTable(
    pdf,
    columns,
    [...entries]
      .sort((a, b) => a.seq - b.seq)
      .map((e) => [
        moment(e.at),
        e.user?.name ?? 'Casustafel (automatisch)',
        e.organisation?.name ?? '',
        labelOf(ACCESS_ACTION_LABEL, e.action) + (e.outcome === 'DENIED' && e.action !== 'TEXT_REFUSED' ? ' (geweigerd)' : ''),
        e.level ? labelOf(LEVEL_LABEL, e.level) : '',
      ]),
  );
  finishPdf(pdf, `Opgesteld voor ${input.preparedFor} op ${moment(input.now)}`);
  return pdf.done;
}

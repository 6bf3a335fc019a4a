import type { AccessLogEntryView } from '@casustafel/contract/access-log';
import type { CaseView } from '@casustafel/contract/cases';
import { ACCESS_ACTION_LABEL, LEVEL_LABEL, labelOf } from '../common/labels';
import { createPdf, drawTable, finishPdf } from '../common/pdf';

const formatter = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

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
  const { doc, done } = createPdf({ Title: `Inzageoverzicht casus ${view.number}`, Subject: 'Toegang tot persoonsgegevens (AVG art. 15)' });
  doc.font('bold').fontSize(16).fillColor('#000').text('Inzageoverzicht persoonsgegevens');
  doc.font('body').fontSize(10).fillColor('#333').text(`${networkName} · Vertrouwelijk`).moveDown();
  doc.fontSize(11).fillColor('#000');
  doc.text(`Casus: ${view.number}`);
  doc.text(`Cliënt: ${view.client.displayName}`);
  const denied = entries.filter((e) => e.outcome === 'DENIED').length;
  doc.text(`Aantal keer ingezien of gewijzigd: ${entries.length - denied}`);
  doc.text(`Geweigerde pogingen: ${denied}`).moveDown();
  doc
    .fontSize(9)
    .fillColor('#333')
    .text(
      'Elke keer dat iemand de gegevens van deze cliënt zag boven het pseudoniem, of de casus inbracht, wijzigde of exporteerde, staat hieronder; ook elke geweigerde poging.',
    )
    .moveDown();

  const columns = [
    { title: 'Wanneer', width: 95 },
    { title: 'Wie', width: 110 },
    { title: 'Organisatie', width: 120 },
    { title: 'Wat', width: 100 },
    { title: 'Niveau', width: 70 },
  ];
  drawTable(
    doc,
    columns,
    [...entries]
      .sort((a, b) => a.seq - b.seq)
      .map((e) => [
        formatter.format(new Date(e.at)),
        e.user?.name ?? 'Casustafel (automatisch)',
        e.organisation?.name ?? '',
        labelOf(ACCESS_ACTION_LABEL, e.action) + (e.outcome === 'DENIED' && e.action !== 'TEXT_REFUSED' ? ' (geweigerd)' : ''),
        e.level ? labelOf(LEVEL_LABEL, e.level) : '',
      ]),
  );
  finishPdf(doc, `Opgesteld voor ${input.preparedFor} op ${formatter.format(input.now)}`);
  return done;
}

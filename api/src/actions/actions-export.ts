import type { ActionView } from '@casustafel/contract/meetings';
import { ACTION_STATUS_LABEL, labelOf } from '../common/labels';
import { formatDutch } from '../common/amsterdam-time';
import { block, createPdf, drawTable, finishPdf } from '../common/pdf';

/** What a spreadsheet reads as the start of a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One quoted CSV cell. A value that a spreadsheet would read as a formula (=HYPERLINK(…), +, -, @,
 * a tab or carriage return first) gets a leading apostrophe, so that it is shown as the text it is.
 */
export function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

/** Semicolon-separated with a BOM, as Dutch spreadsheet programs expect. Cases by pseudonym only; no formulas. */
export function actionsCsv(actions: ActionView[]): string {
  const header = ['Casus', 'Actie', 'Organisatie', 'Persoon', 'Uiterlijk', 'Status', 'Te laat'];
  const rows = actions.map((a) => [
    a.case?.label ?? '',
    a.description,
    a.owner.organisation.name,
    a.owner.user?.name ?? '',
    a.dueDate,
    labelOf(ACTION_STATUS_LABEL, a.status),
    a.overdue ? 'ja' : 'nee',
  ]);
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

export async function actionsPdf(networkName: string, actions: ActionView[], reader: string, now: Date): Promise<Buffer> {
  const pdf = createPdf({ Title: `Open acties ${networkName}` });
  const { doc } = pdf;
  block(pdf, 'H1', () => doc.font('bold').fontSize(16).text('Open acties', 50, 50));
  block(pdf, 'P', () => doc.font('body').fontSize(10).fillColor('#333').text(`${networkName} · Vertrouwelijk`));
  doc.moveDown();
  const columns = [
    { title: 'Casus', width: 115 },
    { title: 'Actie', width: 160 },
    { title: 'Wie', width: 125 },
    { title: 'Uiterlijk', width: 55 },
    { title: 'Te laat', width: 40 },
  ];
  drawTable(
    pdf,
    columns,
    actions.map((a) => [
      a.case?.label ?? '',
      a.description,
      // The owning organisation, and on its own line the owning person if there is one (as in the CSV).
      a.owner.organisation.name + (a.owner.user ? `\n${a.owner.user.name}` : ''),
      a.dueDate,
      a.overdue ? 'ja' : '',
    ]),
  );
  finishPdf(pdf, `Opgesteld voor ${reader} op ${formatDutch(now, 'moment')}`, `${networkName} · Vertrouwelijk`);
  return pdf.done;
}

import type { ActionView } from '@casustafel/contract/meetings';
import { ACTION_STATUS_LABEL, labelOf } from '../common/labels';
import { createPdf, drawTable, finishPdf } from '../common/pdf';

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
  const when = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
  const { doc, done } = createPdf({ Title: `Open acties ${networkName}` });
  doc.font('bold').fontSize(16).text('Open acties', 50, 50);
  doc.font('body').fontSize(10).fillColor('#333').text(`${networkName} · Vertrouwelijk`).moveDown();
  const columns = [
    { title: 'Casus', width: 120 },
    { title: 'Actie', width: 170 },
    { title: 'Organisatie', width: 110 },
    { title: 'Uiterlijk', width: 60 },
    { title: 'Te laat', width: 40 },
  ];
  drawTable(
    doc,
    columns,
    actions.map((a) => [a.case?.label ?? '', a.description, a.owner.organisation.name, a.dueDate, a.overdue ? 'ja' : '']),
  );
  finishPdf(doc, `Opgesteld voor ${reader} op ${when.format(now)}`, `${networkName} · Vertrouwelijk`);
  return done;
}

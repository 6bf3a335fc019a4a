import type { ActionView } from '@casustafel/contract/meetings';
import { createPdf, finishPdf } from '../common/pdf';

const STATUS: Record<string, string> = { OPEN: 'open', IN_PROGRESS: 'mee bezig', DONE: 'gedaan', NOT_DONE: 'niet gedaan', CANCELLED: 'vervallen' };
const cell = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** Semicolon-separated with a BOM, as Dutch spreadsheet programs expect. Cases by pseudonym only. */
export function actionsCsv(actions: ActionView[]): string {
  const header = ['Casus', 'Actie', 'Organisatie', 'Persoon', 'Uiterlijk', 'Status', 'Te laat'];
  const rows = actions.map((a) => [a.case?.label ?? '', a.description, a.owner.organisation.name, a.owner.user?.name ?? '', a.dueDate, STATUS[a.status] ?? a.status, a.overdue ? 'ja' : 'nee']);
  return '\uFEFF' + [header, ...rows].map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}

export async function actionsPdf(networkName: string, actions: ActionView[], reader: string, now: Date): Promise<Buffer> {
  const when = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
  const { doc, done } = createPdf({ Title: `Open acties ${networkName}` });
  doc.font('bold').fontSize(16).text('Open acties', 50, 50);
  doc.font('body').fontSize(10).fillColor('#333').text(`${networkName} · Vertrouwelijk`).moveDown();
  const widths = [120, 170, 110, 60, 40];
  const titles = ['Casus', 'Actie', 'Organisatie', 'Uiterlijk', 'Te laat'];
  const line = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'body').fontSize(9).fillColor('#000');
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i] - 6 }))) + 6;
    if (doc.y + height > doc.page.height - 70) doc.addPage();
    const y = doc.y;
    let x = 50;
    cells.forEach((c, i) => {
      doc.text(c, x + 2, y + 3, { width: widths[i] - 6 });
      x += widths[i];
    });
    doc.moveTo(50, y + height).lineTo(550, y + height).strokeColor('#bbb').stroke();
    doc.x = 50;
    doc.y = y + height;
  };
  line(titles, true);
  for (const a of actions) line([a.case?.label ?? '', a.description, a.owner.organisation.name, a.dueDate, a.overdue ? 'ja' : ''], false);
  finishPdf(doc, `Opgesteld voor ${reader} op ${when.format(now)}`, `${networkName} · Vertrouwelijk`);
  return done;
}

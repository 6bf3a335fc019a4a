import type { FigureCell, FigureSeries, FiguresView } from '@casustafel/contract/figures';
import { csvCell } from '../actions/actions-export';
import { formatDutch } from '../common/amsterdam-time';
import { block, createPdf, drawTable, finishPdf } from '../common/pdf';
import { SECTION_LABEL } from '../common/labels';

/** One cell of the figures in reading order: where it belongs and what it is. */
export interface FigureLine {
  section: string;
  breakdown: string;
  key: string;
  label: string;
  cell: FigureCell;
}

/** A table of the figures: its title and its lines (a breakdown's rows, then its total). */
interface FigureTable {
  section: keyof typeof SECTION_LABEL;
  title: string;
  lines: FigureLine[];
}

const single = (section: keyof typeof SECTION_LABEL, breakdown: string, key: string, label: string, cell: FigureCell): FigureLine => ({
  section: SECTION_LABEL[section],
  breakdown,
  key,
  label,
  cell,
});

function seriesTable(section: keyof typeof SECTION_LABEL, title: string, series: FigureSeries): FigureTable {
  return {
    section,
    title,
    lines: [
      ...series.rows.map((r) => single(section, title, r.key, r.label, r.cell)),
      single(section, title, 'TOTAL', 'Totaal', series.total),
    ],
  };
}

/** Every figure of the view as tables, in the order of the page and the PDF. */
export function figureTables(view: FiguresView): FigureTable[] {
  const { cases, actions, questions, meetings } = view;
  return [
    {
      section: 'cases',
      title: 'Kerncijfers',
      lines: [
        single('cases', 'Kerncijfers', 'BROUGHT_IN', 'Casussen ingebracht', cases.broughtIn),
        single(
          'cases',
          'Kerncijfers',
          'DAYS_TO_FIRST_ACTION_MEDIAN',
          'Dagen tot de eerste actie (mediaan)',
          cases.daysToFirstAction.median,
        ),
        single(
          'cases',
          'Kerncijfers',
          'DAYS_TO_FIRST_ACTION_P90',
          'Dagen tot de eerste actie (90e percentiel)',
          cases.daysToFirstAction.p90,
        ),
        single('cases', 'Kerncijfers', 'DAYS_TO_CLOSE_MEDIAN', 'Dagen tot afsluiten (mediaan)', cases.daysToClose.median),
        single('cases', 'Kerncijfers', 'DAYS_TO_CLOSE_P90', 'Dagen tot afsluiten (90e percentiel)', cases.daysToClose.p90),
        single('questions', 'Kerncijfers', 'QUESTIONS_ASKED', 'Consultatieve vragen gesteld', questions.asked),
        single('questions', 'Kerncijfers', 'QUESTIONS_ANSWERED', 'Consultatieve vragen beantwoord', questions.answered),
        single('questions', 'Kerncijfers', 'QUESTIONS_CONVERTED', 'Vragen omgezet in een casus', questions.converted),
        single('meetings', 'Kerncijfers', 'MEETINGS_HELD', 'Overleggen gehouden', meetings.held),
      ],
    },
    seriesTable('cases', 'Casussen per leefgebied (een casus kan meer leefgebieden hebben)', cases.byProblemArea),
    seriesTable('cases', 'Casussen per urgentie', cases.byUrgency),
    seriesTable('cases', 'Casussen per soort inbrengende organisatie', cases.bySubmitterKind),
    seriesTable('cases', 'Casussen per herkomst', cases.bySource),
    seriesTable('cases', 'Status aan het eind van de periode', cases.statusAtEnd),
    seriesTable('cases', 'Casussen per maand', cases.perMonth),
    seriesTable('actions', 'Acties per soort organisatie en ring', actions.byOwnerKindAndRing),
    seriesTable('actions', 'Afloop van de acties', actions.outcomes),
    seriesTable('actions', 'Acties per maand', actions.perMonth),
    seriesTable('questions', 'Beantwoorde vragen per ernst', questions.bySeverity),
    seriesTable('questions', 'Beantwoorde vragen per advies', questions.byRecommendation),
    seriesTable('questions', 'Gestelde vragen per maand', questions.perMonth),
    seriesTable('meetings', 'Aanwezigheid per organisatie (gehouden overleggen)', meetings.attendanceByOrganisation),
    seriesTable('meetings', 'Gehouden overleggen per maand', meetings.perMonth),
    {
      section: 'actions',
      title: 'Open acties tegenover capaciteit (informele en hybride organisaties, aan het eind van de periode)',
      lines: view.load.flatMap((l) => [
        single('actions', 'Belasting', `LOAD_OPEN_${l.organisation.id}`, `${l.organisation.name}: open acties`, l.open),
        single('actions', 'Belasting', `LOAD_CAPACITY_${l.organisation.id}`, `${l.organisation.name}: capaciteit`, {
          value: l.capacity,
          suppressed: false,
          unit: 'count',
        }),
      ]),
    },
    {
      section: 'cases',
      title: `Vorige periode (${formatDutch(view.previous.from, 'day')} t/m ${formatDutch(view.previous.to, 'day')})`,
      lines: [
        single('cases', 'Vorige periode', 'PREVIOUS_CASES', 'Casussen ingebracht', view.previousTotals.casesBroughtIn),
        single('actions', 'Vorige periode', 'PREVIOUS_ACTIONS_DONE', 'Acties uitgevoerd', view.previousTotals.actionsDone),
        single('questions', 'Vorige periode', 'PREVIOUS_QUESTIONS', 'Consultatieve vragen gesteld', view.previousTotals.questionsAsked),
        single('meetings', 'Vorige periode', 'PREVIOUS_MEETINGS', 'Overleggen gehouden', view.previousTotals.meetingsHeld),
      ],
    },
  ];
}

/** A cell as text: its number (days with a decimal comma), or "< 5" / "onvoldoende gegevens" when it is hidden. */
export function cellText(cell: FigureCell): string {
  if (!cell.suppressed && cell.value === null) return 'niet opgegeven';
  if (cell.suppressed || cell.value === null) return cell.unit === 'count' ? 'afgeschermd' : 'te weinig gegevens';
  return cell.unit === 'count' ? String(cell.value) : cell.value.toLocaleString('nl-NL', { maximumFractionDigits: 1 });
}

/**
 * One row per cell (section, breakdown, key, label, value, suppressed, unit); semicolon-separated with a BOM
 * for Dutch spreadsheets, every cell quoted and guarded against formulas (an organisation's name is typed by people).
 */
export function figuresCsv(view: FiguresView): string {
  const header = ['onderdeel', 'uitsplitsing', 'sleutel', 'omschrijving', 'waarde', 'afgeschermd', 'eenheid'];
  const rows = figureTables(view).flatMap((t) =>
    t.lines.map((l) => [
      l.section,
      l.breakdown,
      l.key,
      l.label,
      l.cell.value === null ? '' : String(l.cell.value),
      l.cell.suppressed ? 'ja' : 'nee',
      l.cell.unit,
    ]),
  );
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

/** A4, the network's name and the period, a table per breakdown; readable by pdftotext and a screen reader. */
export async function figuresPdf(view: FiguresView, reader: string, now: Date): Promise<Buffer> {
  const period = `${formatDutch(view.from, 'day')} t/m ${formatDutch(view.to, 'day')}`;
  const pdf = createPdf({ Title: `Cijfers ${view.networkName}`, Subject: period });
  const { doc } = pdf;
  block(pdf, 'H1', () => doc.font('bold').fontSize(16).text(`Cijfers ${view.networkName}`, 50, 50));
  block(pdf, 'P', () => doc.font('body').fontSize(10).fillColor('#333').text(`Periode: ${period}`));
  block(pdf, 'P', () =>
    doc
      .font('body')
      .fontSize(9)
      .fillColor('#333')
      .text(
        'Aantallen van 1 tot en met 4 zijn afgeschermd, en zo nodig ook een ander aantal zodat een afgeschermd aantal niet uit het totaal is af te leiden. Een mediaan of percentiel staat er alleen bij 5 of meer casussen.',
      ),
  );
  doc.moveDown();
  for (const table of figureTables(view).filter((t) => t.lines.length > 0)) {
    if (doc.y > doc.page.height - 160) doc.addPage();
    block(pdf, 'H2', () => doc.font('bold').fontSize(11).fillColor('#000').text(table.title, 50));
    doc.moveDown(0.3);
    drawTable(
      pdf,
      [
        { title: 'Omschrijving', width: 380 },
        { title: 'Aantal', width: 115 },
      ],
      table.lines.map((l) => [l.label, cellText(l.cell)]),
    );
  }
  finishPdf(pdf, `Opgesteld voor ${reader} op ${formatDutch(now, 'moment')}`, `${view.networkName} · Cijfers`);
  return pdf.done;
}

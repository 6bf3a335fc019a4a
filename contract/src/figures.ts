import { Matches } from 'class-validator';

/**
 * The network's figures for the municipality (issue #13): counts, durations and shares, never a person.
 * Every number is a cell; a count from 1 to 4 is suppressed (value null), and so is any cell from which a
 * suppressed one could be recovered (secondary suppression); a median or percentile needs at least 5 cases.
 */
export const FIGURE_UNITS = ['count', 'days', 'percent'] as const;
export type FigureUnit = (typeof FIGURE_UNITS)[number];

export interface FigureCell {
  value: number | null;
  suppressed: boolean;
  unit: FigureUnit;
}

/** One breakdown: a label per row (a category code, a month "2026-03" or an organisation's name) with its cell, and the total. */
export interface FigureSeries {
  rows: { key: string; label: string; cell: FigureCell }[];
  total: FigureCell;
}

export class FiguresQuery {
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Vul het begin van de periode in als JJJJ-MM-DD.' })
  from!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Vul het einde van de periode in als JJJJ-MM-DD.' })
  to!: string;
}

export interface FiguresView {
  networkId: string;
  networkName: string;
  from: string;
  to: string;
  /** The same figures for the period of equal length just before, for "this period against the previous one". */
  previous: { from: string; to: string };
  cases: {
    /** How many cases were brought in during the period (the total of every breakdown below). */
    broughtIn: FigureCell;
    byProblemArea: FigureSeries;
    byUrgency: FigureSeries;
    bySubmitterKind: FigureSeries;
    bySource: FigureSeries;
    statusAtEnd: FigureSeries;
    daysToFirstAction: { median: FigureCell; p90: FigureCell };
    daysToClose: { median: FigureCell; p90: FigureCell };
    perMonth: FigureSeries;
  };
  actions: {
    byOwnerKindAndRing: FigureSeries;
    outcomes: FigureSeries;
    perMonth: FigureSeries;
  };
  questions: {
    asked: FigureCell;
    answered: FigureCell;
    converted: FigureCell;
    bySeverity: FigureSeries;
    byRecommendation: FigureSeries;
    perMonth: FigureSeries;
  };
  meetings: {
    held: FigureCell;
    attendanceByOrganisation: FigureSeries;
    perMonth: FigureSeries;
  };
  /** Informal and hybrid organisations: open actions against the capacity they recorded. */
  load: { organisation: { id: string; name: string }; open: FigureCell; capacity: number | null }[];
  /** The previous period's headline counts, for comparison. */
  previousTotals: { casesBroughtIn: FigureCell; actionsDone: FigureCell; questionsAsked: FigureCell; meetingsHeld: FigureCell };
}

/** Plain values for consultative questions, shared by api and client (no validation library here). */
export const IDENTIFYING_KINDS = ['NAME', 'ADDRESS', 'POSTCODE', 'PHONE', 'EMAIL', 'BSN', 'IBAN', 'DATE_OF_BIRTH'] as const;
export type IdentifyingKind = (typeof IDENTIFYING_KINDS)[number];

export interface IdentifyingFinding {
  kind: IdentifyingKind;
  /** Offsets in the scanned text: text.slice(start, end) is the finding. */
  start: number;
  end: number;
  /** Which field of the request: "title", "situation", "text", "sections.2.text". */
  field?: string;
  /** Set when the text repeats a value of a client of the network whom the writer may see (rather than identifying data in general). */
  client?: boolean;
}

export const QUESTION_STATUSES = ['SUBMITTED', 'SCHEDULED', 'ANSWERED', 'WITHDRAWN', 'CONVERTED'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'ACUTE'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RECOMMENDATIONS = [
  'NO_ACTION',
  'ADVICE_ONLY',
  'BRING_IN_AS_CASE_WITH_CONSENT',
  'REFER_TO_OGGZ_REPORTING_POINT',
  'REFER_ELSEWHERE',
] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const AGE_BANDS = ['UNDER_18', '18_TO_39', '40_TO_64', '65_TO_79', '80_PLUS'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

import type { CovenantRole, DisclosureContext, DisclosureLevel } from './enums';

export const ACCESS_ACTIONS = ['LIST', 'VIEW', 'SEARCH', 'CREATE', 'UPDATE', 'EXPORT', 'ERASE', 'TEXT_REFUSED'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

export interface AccessLogEntryView {
  seq: number;
  at: string;
  user: { id: string; name: string } | null;
  organisation: { id: string; name: string } | null;
  role: CovenantRole | 'ADMIN' | null;
  caseId: string | null;
  questionId: string | null;
  caseNumber: string | null;
  action: AccessAction;
  level: DisclosureLevel | null;
  context: DisclosureContext | null;
  ip: string | null;
  outcome: 'OK' | 'DENIED';
}

export interface AccessLogVerification {
  ok: boolean;
  entries: number;
  /** The first entry whose hash does not match, when the chain is broken. */
  brokenAt?: number;
}

import type { CaseStatus } from './enums';

/** Which status may follow which; DECLINED and REFERRED need a reason. */
export const CASE_TRANSITIONS: Record<CaseStatus, CaseStatus[]> = {
  SUBMITTED: ['ACCEPTED', 'DECLINED', 'REFERRED'],
  ACCEPTED: ['MONITORING', 'CLOSED', 'REFERRED'],
  MONITORING: ['ACCEPTED', 'CLOSED'],
  CLOSED: [],
  DECLINED: [],
  REFERRED: [],
};
export const STATUSES_NEEDING_REASON: CaseStatus[] = ['DECLINED', 'REFERRED'];

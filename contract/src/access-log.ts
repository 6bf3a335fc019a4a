import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';
import {
  ACCESS_ACTIONS,
  ACCESS_LOG_MAX_PAGE_SIZE,
  ACCESS_OUTCOMES,
  type AccessAction,
  type AccessActorRole,
  type AccessContext,
  type AccessObjectType,
  type AccessOutcome,
} from './access-log-rules';
import type { DisclosureLevel, DisclosureRole } from './enums';

export * from './access-log-rules';

/** GET /api/networks/:id/access-log: every filter is optional and applied in SQL; newest first. */
export class AccessLogQuery {
  @IsUUID('all', { message: 'Kies een bestaande casus om op te filteren.' })
  @IsOptional()
  caseId?: string;

  @IsIn(ACCESS_ACTIONS, { message: 'Kies een bestaande handeling om op te filteren.' })
  @IsOptional()
  action?: AccessAction;

  @IsIn(ACCESS_OUTCOMES, { message: 'Kies als uitkomst SUCCESS (gelukt) of DENIED (geweigerd).' })
  @IsOptional()
  outcome?: AccessOutcome;

  /** First day (YYYY-MM-DD, Dutch time) or moment (ISO 8601) to include. */
  @IsISO8601({ strict: true }, { message: 'Vul de begindatum in als JJJJ-MM-DD (of als ISO 8601-tijdstip).' })
  @IsOptional()
  from?: string;

  /** Last day (YYYY-MM-DD, Dutch time, inclusive) or moment (ISO 8601) to include. */
  @IsISO8601({ strict: true }, { message: 'Vul de einddatum in als JJJJ-MM-DD (of als ISO 8601-tijdstip).' })
  @IsOptional()
  to?: string;

  /** Next page: only entries with a sequence number below this one. */
  @Min(1, { message: 'Het volgnummer moet 1 of hoger zijn.' })
  @IsInt({ message: 'Het volgnummer moet een heel getal zijn.' })
  @Type(() => Number)
  @IsOptional()
  before?: number;

  @Max(ACCESS_LOG_MAX_PAGE_SIZE, { message: `Vraag hoogstens ${ACCESS_LOG_MAX_PAGE_SIZE} regels tegelijk op.` })
  @Min(1, { message: 'Vraag minstens 1 regel op.' })
  @IsInt({ message: 'Het aantal regels moet een heel getal zijn.' })
  @Type(() => Number)
  @IsOptional()
  limit?: number;
}

/** POST /api/networks/:id/admin-changes/seen: the coordinator has seen the administrator's changes up to this entry. */
export class AdminChangesSeenDto {
  @Min(0, { message: 'Het volgnummer moet 0 of hoger zijn.' })
  @IsInt({ message: 'Het volgnummer moet een heel getal zijn.' })
  seq!: number;
}

export interface AccessLogEntryView {
  seq: number;
  /** NEN 7513 event id; null for entries written before it existed. */
  eventId: string | null;
  at: string;
  user: { id: string; name: string } | null;
  organisation: { id: string; name: string } | null;
  role: AccessActorRole | null;
  caseId: string | null;
  questionId: string | null;
  caseNumber: string | null;
  action: AccessAction;
  level: DisclosureLevel | null;
  context: AccessContext | null;
  /** Network access point: the request's address. */
  ip: string | null;
  /** The purpose the user gave, in their words (a referral's reason, a "known elsewhere?" question's purpose); free text passed the identity guard. */
  purpose: string | null;
  outcome: AccessOutcome;
  object: { type: AccessObjectType; id: string | null } | null;
  /** For access changes: whom it concerned. */
  subject: {
    user: { id: string; name: string } | null;
    organisation: { id: string; name: string } | null;
    /** A role granted or taken: a covenant role, or the municipality's (ADR 0019). */
    role: DisclosureRole | null;
  } | null;
}

export interface AccessLogVerification {
  ok: boolean;
  /** Entries found intact, from the first one. */
  entries: number;
  /** The first missing or altered sequence number, when the chain is broken. */
  brokenAt?: number;
  /** In Dutch: what is wrong. */
  reason?: string;
  /** The signed head kept outside the database, when there is a valid one. */
  anchor?: { seq: number; at: string } | null;
}

/** Role and membership changes the administrator made in a network, since the coordinator last looked. */
export interface AdminChangesView {
  items: AccessLogEntryView[];
  /** The sequence number up to which the coordinator has seen them (0: never). */
  seenUntil: number;
}

/** The coordinator has seen the administrator's changes up to this sequence number. */
export interface AdminChangesSeenView {
  seenUntil: number;
}

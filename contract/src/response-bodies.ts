import type { AccessLogEntryView, AccessLogVerification, AdminChangesSeenView, AdminChangesView } from './access-log';
import type { MfaRecoveryCodesView, MfaSetupView, SessionView } from './account';
import type { LoginResponse, MeView } from './auth';
import type { CaseListView, CaseView } from './cases';
import type { ConfidentialityAcceptance, ConfidentialityView, CovenantSignatureView, CovenantView } from './covenant';
import type { ApiError, IdentifyingDataError } from './errors';
import type { ActionView, CalendarLinkView, GuestCandidateView, MeetingSummaryView, MeetingView, PlannedMeetings } from './meetings';
import type { MinutesApproval, MinutesView } from './minutes';
import type { MemberView, NetworkView, RoleReviewView, RoleView } from './networks';
import type { OrganisationView } from './organisations';
import type { NotificationListView, NotificationSettingsView } from './notifications';
import type { NetworkOverviewView } from './overview';
import type { FiguresView } from './figures';
import type { QuestionView, ScanResult } from './questions';
import type { KnownElsewhereView, ReferralTargetView, ReferralView } from './referrals';
import type { CaseTimelineView } from './timeline';
import type { UserView } from './users';

/** The answer of GET /api/health: the database answers; and of GET /api/health/live: the process runs. */
export interface HealthView {
  status: 'ok';
}

/** One check of GET /api/health/ready: up or down, with a fixed reason and counts (never an error text or any record's data). */
export interface HealthIndicatorView {
  status: 'up' | 'down';
  /** Why it is down, in fixed words. */
  message?: string;
  /** migrations: how many migrations the database has not run yet. */
  pending?: number;
  /** mailOutbox: minutes the oldest unsent message has waited (0 when none waits). */
  lagMinutes?: number;
  /** mailOutbox: the threshold (HEALTH_MAIL_LAG_MINUTES). */
  thresholdMinutes?: number;
}

/** The checks of GET /api/health/ready, by name. */
export interface HealthIndicators {
  database?: HealthIndicatorView;
  migrations?: HealthIndicatorView;
  mailOutbox?: HealthIndicatorView;
}

/** The answer of GET /api/health/ready (200 when every check is up, 503 otherwise), as @nestjs/terminus makes it. */
export interface HealthCheckView {
  status: 'ok' | 'error' | 'shutting_down';
  /** The checks that are up. */
  info?: HealthIndicators;
  /** The checks that are down. */
  error?: HealthIndicators;
  /** Every check. */
  details: HealthIndicators;
}

/**
 * Every JSON body the API sends, by its name in the OpenAPI document (each key is the name of its
 * type). The document's response schemas are generated from this interface and the types it names
 * (`npm run openapi:schemas`, ADR 10), and the response decorators in the API
 * (`@ApiOkBody('CaseView')`) only fit a route that returns the type they name.
 *
 * A new response type is added here, then the schemas are regenerated.
 */
export interface ResponseBodies {
  AccessLogEntryView: AccessLogEntryView;
  AccessLogVerification: AccessLogVerification;
  ActionView: ActionView;
  AdminChangesSeenView: AdminChangesSeenView;
  AdminChangesView: AdminChangesView;
  ApiError: ApiError;
  CalendarLinkView: CalendarLinkView;
  CaseListView: CaseListView;
  CaseTimelineView: CaseTimelineView;
  CaseView: CaseView;
  ConfidentialityAcceptance: ConfidentialityAcceptance;
  ConfidentialityView: ConfidentialityView;
  CovenantSignatureView: CovenantSignatureView;
  CovenantView: CovenantView;
  GuestCandidateView: GuestCandidateView;
  HealthCheckView: HealthCheckView;
  HealthView: HealthView;
  IdentifyingDataError: IdentifyingDataError;
  KnownElsewhereView: KnownElsewhereView;
  LoginResponse: LoginResponse;
  MeView: MeView;
  MeetingSummaryView: MeetingSummaryView;
  MeetingView: MeetingView;
  MemberView: MemberView;
  MfaRecoveryCodesView: MfaRecoveryCodesView;
  MfaSetupView: MfaSetupView;
  MinutesApproval: MinutesApproval;
  MinutesView: MinutesView;
  NetworkOverviewView: NetworkOverviewView;
  NotificationListView: NotificationListView;
  NotificationSettingsView: NotificationSettingsView;
  FiguresView: FiguresView;
  NetworkView: NetworkView;
  OrganisationView: OrganisationView;
  PlannedMeetings: PlannedMeetings;
  QuestionView: QuestionView;
  ReferralTargetView: ReferralTargetView;
  ReferralView: ReferralView;
  RoleReviewView: RoleReviewView;
  RoleView: RoleView;
  ScanResult: ScanResult;
  SessionView: SessionView;
  UserView: UserView;
}

export type ResponseBodyName = keyof ResponseBodies;

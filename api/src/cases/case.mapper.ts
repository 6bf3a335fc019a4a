import type { CaseView } from '@casustafel/contract/cases';
import { CASE_TRANSITIONS } from '@casustafel/contract/case-rules';
import type { Viewer } from '../common/viewer';
import { buildClientView } from '../privacy/client-view';
import type { Disclosure } from '../privacy/disclosure-policy';
import type { ClientIdentity } from '../privacy/identity-cipher';
import type { Case } from './case.entity';

/**
 * The one way a case leaves the API. The identity part is built from the disclosure level; the
 * caller passes the decrypted identity only when the level is above PSEUDONYM.
 */
export function toCaseView(
  record: Case,
  disclosure: Disclosure & { level: Exclude<Disclosure['level'], 'HIDDEN'> },
  identity: ClientIdentity | null,
  viewer: Viewer,
  context: { submittingOrganisationName: string; mayUpdateStatus: boolean },
): CaseView {
  return {
    id: record.id,
    networkId: record.networkId,
    number: record.number,
    pseudonym: record.pseudonym,
    status: record.status,
    statusReason: record.statusReason,
    urgency: record.urgency,
    consent: record.consent,
    consentOverrideReason: record.consentOverrideReason,
    problemAreas: record.problemAreas,
    summary: record.summary,
    submittedBy: {
      organisation: { id: record.submittedByOrganisationId, name: context.submittingOrganisationName },
      isYou: record.submittedById === viewer.id,
    },
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    closedAt: record.closedAt?.toISOString() ?? null,
    sourceQuestionId: record.sourceQuestionId,
    client: buildClientView(
      disclosure.level,
      { number: record.number, pseudonym: record.pseudonym, neighbourhood: record.neighbourhood, erased: record.identityErasedAt !== null },
      identity,
    ),
    explanation: disclosure.explanation,
    allowedTransitions: context.mayUpdateStatus ? CASE_TRANSITIONS[record.status] : [],
  };
}

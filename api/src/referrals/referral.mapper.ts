import type { ReferralView } from '@casustafel/contract/referrals';
import type { Case } from '../cases/case.entity';
import type { Referral } from './referral.entity';

/** Whether a case's identity may move to another network: consent given, or an OGGZ override with its reason (issue #14). */
export function identityMayMove(source: Pick<Case, 'consent' | 'consentOverrideReason'>): boolean {
  return source.consent === 'GIVEN' || (source.consent === 'OVERRIDE_OGGZ' && !!source.consentOverrideReason?.trim());
}

/**
 * The one way a referral leaves the API, for the coordinator of one of its two networks. The
 * receiving side learns the source case's pseudonym, problem areas, urgency, consent and the
 * reason — never the source case's id or number, never an identity; the referring side never
 * learns the new case's id.
 */
export function toReferralView(
  referral: Referral,
  source: Pick<Case, 'pseudonym' | 'problemAreas' | 'urgency' | 'consent' | 'consentOverrideReason'>,
  viewerNetworkId: string,
  networkNames: ReadonlyMap<string, string>,
  canDecide: boolean,
): ReferralView {
  const incoming = referral.toNetworkId === viewerNetworkId;
  return {
    id: referral.id,
    direction: incoming ? 'INCOMING' : 'OUTGOING',
    status: referral.status,
    fromNetwork: { id: referral.fromNetworkId, name: networkNames.get(referral.fromNetworkId) ?? '' },
    toNetwork: { id: referral.toNetworkId, name: networkNames.get(referral.toNetworkId) ?? '' },
    caseId: incoming ? null : referral.caseId,
    pseudonym: source.pseudonym,
    problemAreas: source.problemAreas,
    urgency: source.urgency,
    identityMoves: identityMayMove(source),
    consent: source.consent,
    reason: referral.reason,
    createdAt: referral.createdAt.toISOString(),
    decidedAt: referral.decidedAt?.toISOString() ?? null,
    declineReason: referral.declineReason,
    newCaseId: incoming ? referral.newCaseId : null,
    identityMoved: referral.identityMoved,
    canDecide: incoming && canDecide && referral.status === 'PENDING',
  };
}

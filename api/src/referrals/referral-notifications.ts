import { Injectable } from '@nestjs/common';
import type { Case } from '../cases/case.entity';
import type { Viewer } from '../common/viewer';
import { Notifier } from '../notifications/notifier';
import { pseudonymDisplay } from '../privacy/client-view';
import type { Referral } from './referral.entity';

/**
 * Who hears about a referral (issue #14), after its unit of work committed: a new one reaches the
 * receiving network's coordinators (by the pseudonym they may see, never an identity); a decision
 * reaches the referring network's coordinators; and once accepted, the organisation that brought
 * the case in hears that it is now REFERRED, to which network — the feedback loop.
 */
@Injectable()
export class ReferralNotifications {
  constructor(private readonly notifier: Notifier) {}

  async changed(viewer: Viewer, referral: Referral, source: Case, names: Map<string, string>): Promise<void> {
    const from = names.get(referral.fromNetworkId) ?? '';
    const to = names.get(referral.toNetworkId) ?? '';
    if (referral.status === 'PENDING') {
      await this.notifier.emit({
        type: 'REFERRAL_RECEIVED',
        actorId: viewer.id,
        referral: {
          id: referral.id,
          toNetworkId: referral.toNetworkId,
          fromNetworkName: from,
          label: pseudonymDisplay(source.number, source.pseudonym),
        },
      });
      return;
    }
    const accepted = referral.status === 'ACCEPTED';
    await this.notifier.emit({
      type: 'REFERRAL_DECIDED',
      actorId: viewer.id,
      referral: { id: referral.id, fromNetworkId: referral.fromNetworkId, caseId: referral.caseId, toNetworkName: to, accepted },
    });
    if (accepted)
      await this.notifier.emit({
        type: 'CASE_STATUS_CHANGED',
        actorId: viewer.id,
        case: source,
        status: 'REFERRED',
        reason: referral.reason,
        otherNetwork: to,
      });
  }
}

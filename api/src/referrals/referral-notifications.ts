import { Injectable } from '@nestjs/common';
import type { Referral } from './referral.entity';

/**
 * Who hears about a referral (issue #14: "its submitter hears so"). Notifications are part 1 of that
 * issue and are not built yet: this is their one call site, called after a referral is made, accepted
 * or declined (after the unit of work commits). When in-app and e-mail notifications arrive, the
 * submitter of the source case and the coordinators concerned are told here — by pseudonym and
 * network name only, never with an identity or the reason's text in an e-mail.
 */
@Injectable()
export class ReferralNotifications {
  /** A referral was made (the receiving coordinators), accepted or declined (the referring coordinator and the case's submitter). */
  async changed(_referral: Referral): Promise<void> {
    // Deliberately nothing yet: see the class comment.
  }
}

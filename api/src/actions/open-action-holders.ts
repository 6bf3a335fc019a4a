import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { OPEN_ACTION_STATUSES } from '@casustafel/contract/meeting-rules';
import { OpenActionLookup, type HeldCondition } from '../privacy/open-actions';
import { Action } from './action.entity';

/** caseId → organisations holding an open action on it, for the disclosure policy (one query). */
@Injectable()
export class OpenActionHolders extends OpenActionLookup {
  constructor(@InjectRepository(Action) private readonly actions: Repository<Action>) {
    super();
  }

  async holders(caseIds: string[]): Promise<Map<string, Set<string>>> {
    const holders = new Map<string, Set<string>>();
    if (caseIds.length === 0) return holders;
    const open = await this.actions.find({
      where: { caseId: In(caseIds), status: In(OPEN_ACTION_STATUSES) },
      select: { caseId: true, ownerOrganisationId: true },
    });
    for (const a of open) {
      if (!holders.has(a.caseId!)) holders.set(a.caseId!, new Set());
      holders.get(a.caseId!)!.add(a.ownerOrganisationId);
    }
    return holders;
  }

  /** Read through the index on (caseId, ownerOrganisationId, status): a few index entries per case, whatever the network's size. */
  heldBy(organisationId: string): HeldCondition {
    const open = OPEN_ACTION_STATUSES.map((status) => `'${status}'`).join(', ');
    return {
      sql: (caseId) =>
        `EXISTS (SELECT 1 FROM "actions" held WHERE held."caseId" = ${caseId} AND held."ownerOrganisationId" = :heldOrganisationId AND held."status" IN (${open}))`,
      cases: `SELECT held."caseId" FROM "actions" held WHERE held."ownerOrganisationId" = :heldOrganisationId AND held."status" IN (${open})`,
      parameters: { heldOrganisationId: organisationId },
    };
  }
}

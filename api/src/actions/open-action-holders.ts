import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { placeholder } from '../database/raw-entity';
import { OPEN_ACTION_STATUSES } from '@casustafel/contract/meeting-rules';
import { OpenActionLookup, type HeldCondition } from '../privacy/open-actions';
import { Action } from './action.entity';

const OPEN_STATUSES = OPEN_ACTION_STATUSES.map((status) => `'${status}'`).join(', ');

/** caseId → organisations holding an open action on it, for the disclosure policy (one query). */
@Injectable()
export class OpenActionHolders extends OpenActionLookup {
  constructor(@InjectRepository(Action) private readonly actions: Repository<Action>) {
    super();
  }

  async holders(caseIds: string[]): Promise<Map<string, Set<string>>> {
    const holders = new Map<string, Set<string>>();
    if (caseIds.length === 0) return holders;
    // Asked for every page of cases and every meeting view: one plain statement, not a repository find.
    const source = this.actions.manager.connection;
    const ids = [...new Set(caseIds)];
    const open: { caseId: string; ownerOrganisationId: string }[] = await this.actions.manager.query(
      `SELECT "caseId", "ownerOrganisationId" FROM "actions" WHERE "caseId" IN (${ids.map((_, i) => placeholder(source, i)).join(', ')}) AND "status" IN (${OPEN_STATUSES})`,
      ids,
    );
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

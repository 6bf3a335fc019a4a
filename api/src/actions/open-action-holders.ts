import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { OPEN_ACTION_STATUSES } from '@casustafel/contract/meeting-rules';
import { OpenActionLookup } from '../privacy/open-actions';
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

  async heldBy(organisationId: string, networkId: string): Promise<Set<string>> {
    const open = await this.actions.find({
      where: { ownerOrganisationId: organisationId, networkId, status: In(OPEN_ACTION_STATUSES) },
      select: { id: true, caseId: true },
    });
    return new Set(open.map((a) => a.caseId).filter((id): id is string => !!id));
  }
}

import { Injectable } from '@nestjs/common';
import { ActionsService } from '../actions/actions.service';

/** Which organisations hold an open action on which cases (rule 4 of the disclosure policy). */
export abstract class OpenActionLookup {
  /** caseId → ids of organisations with an open action on it. */
  abstract holders(caseIds: string[]): Promise<Map<string, Set<string>>>;
}

@Injectable()
export class OpenActionsFromActions extends OpenActionLookup {
  constructor(private readonly actions: ActionsService) {
    super();
  }

  holders(caseIds: string[]): Promise<Map<string, Set<string>>> {
    return this.actions.openActionHolders(caseIds);
  }
}

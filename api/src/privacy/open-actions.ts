/**
 * Which organisations hold an open action on which cases (rule 4 of the policy). Actions arrive
 * with meetings (issue #5); until then no organisation holds one. The actions module will provide
 * its own implementation under this token.
 */
export abstract class OpenActionLookup {
  /** caseId → ids of organisations with an open action on it. */
  abstract holders(caseIds: string[]): Promise<Map<string, Set<string>>>;
}

export class NoOpenActions extends OpenActionLookup {
  async holders(): Promise<Map<string, Set<string>>> {
    return new Map();
  }
}

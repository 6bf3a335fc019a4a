/**
 * Which organisations hold an open action on which cases (rule 4 of the disclosure policy).
 * Provided by the actions module (OpenActionHolders), which reads only its own table, so that the
 * disclosure policy and the actions that are labelled by it do not depend on each other.
 */
export abstract class OpenActionLookup {
  /** caseId → ids of organisations with an open action on it. */
  abstract holders(caseIds: string[]): Promise<Map<string, Set<string>>>;

  /** Cases of the network on which this organisation holds an open action. */
  abstract heldBy(organisationId: string, networkId: string): Promise<Set<string>>;
}

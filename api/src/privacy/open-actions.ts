/**
 * An SQL condition on a case id column (`caseId`, e.g. `c."id"`): an organisation holds an open
 * action on that case. A subquery, not a list of ids, so that its size does not grow with the
 * network (a list of every case an organisation holds an action on broke SQLite's limit on
 * parameters at 100,000 cases, issue #15).
 */
export interface HeldCondition {
  sql(caseId: string): string;
  /** The ids of the cases the organisation holds an open action on, as a subquery. */
  cases: string;
  parameters: Record<string, string>;
}

/**
 * Which organisations hold an open action on which cases (rule 4 of the disclosure policy).
 * Provided by the actions module (OpenActionHolders), which reads only its own table, so that the
 * disclosure policy and the actions that are labelled by it do not depend on each other.
 */
export abstract class OpenActionLookup {
  /** caseId → ids of organisations with an open action on it. */
  abstract holders(caseIds: string[]): Promise<Map<string, Set<string>>>;

  /** The condition that this organisation holds an open action on a case, for a query over many cases. */
  abstract heldBy(organisationId: string): HeldCondition;
}

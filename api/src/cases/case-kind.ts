import type { DisclosureLevel } from '@casustafel/contract/enums';
import type { Viewer } from '../common/viewer';
import { CONSENT_KINDS } from '../privacy/disclosure-policy';
import type { HeldCondition } from '../privacy/open-actions';

/**
 * The kind of each case row (see caseKinds() in the disclosure policy), computed in SQL for one
 * viewer: whether they or their organisation brought it in, whether their organisation holds an open
 * action on it (`held`, a subquery; null when the viewer's levels do not depend on it), whether its identity was
 * erased, and its consent. A list keeps the kinds the policy shows, so that it can filter, count and
 * page in the database; every row of the page is still decided by the policy itself.
 */
export function caseKindSql(alias: string, viewer: Pick<Viewer, 'id' | 'organisationId'>, held: HeldCondition | null) {
  const c = (column: string) => `${alias}."${column}"`;
  const consent = CONSENT_KINDS.map(({ consent, consentOverrideReason }, index) => {
    const reason = consentOverrideReason ? `${c('consentOverrideReason')} <> ''` : `COALESCE(${c('consentOverrideReason')}, '') = ''`;
    return consent === 'OVERRIDE_OGGZ'
      ? `WHEN ${c('consent')} = '${consent}' AND ${reason} THEN ${index}`
      : `WHEN ${c('consent')} = '${consent}' THEN ${index}`;
  }).join(' ');
  const sql = [
    `(CASE WHEN ${c('submittedById')} = :kindViewerId THEN 1 ELSE 0 END)`,
    `(CASE WHEN ${c('submittedByOrganisationId')} = :kindOrganisationId THEN 2 ELSE 0 END)`,
    held ? `(CASE WHEN ${held.sql(c('id'))} THEN 4 ELSE 0 END)` : '0',
    `(CASE WHEN ${c('identityErasedAt')} IS NOT NULL THEN 8 ELSE 0 END)`,
    `16 * (CASE ${consent} END)`,
  ].join(' + ');
  return {
    sql: `(${sql})`,
    parameters: { kindViewerId: viewer.id, kindOrganisationId: viewer.organisationId, ...held?.parameters },
  };
}

/** The kinds whose level passes `test`. */
export function kindsWhere(levels: Map<number, DisclosureLevel>, test: (level: DisclosureLevel) => boolean): number[] {
  return [...levels].filter(([, level]) => test(level)).map(([kind]) => kind);
}

/** Whether an open action of the viewer's organisation changes which of these kinds a case falls in (rule 4). */
export function dependsOnOpenAction(levels: Map<number, DisclosureLevel>, kinds: number[]): boolean {
  const wanted = new Set(kinds);
  return [...levels.keys()].some((kind) => (kind & 4) === 0 && wanted.has(kind) !== wanted.has(kind | 4));
}

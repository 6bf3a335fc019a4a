import type { CovenantView } from '@casustafel/contract/covenant';
import type { CovenantSignature } from './covenant-signature.entity';
import type { CovenantVersion } from './covenant-version.entity';

/** The one way a covenant version leaves the API: its matrix and text, the network's signatures, and whether the viewer may edit it. */
export function toCovenantView(
  version: CovenantVersion,
  signatures: CovenantSignature[],
  organisationNames: ReadonlyMap<string, string>,
  canEdit: boolean,
): CovenantView {
  return {
    version: version.version,
    levels: version.levels,
    retentionMonths: version.retentionMonths,
    anonymousQuestionSubmitter: version.anonymousQuestionSubmitter,
    knownElsewhereCheck: version.knownElsewhereCheck,
    confidentialityStatement: version.confidentialityStatement,
    signatures: signatures.map((s) => ({
      organisation: { id: s.organisationId, name: organisationNames.get(s.organisationId) ?? '' },
      signatory: s.signatory,
      signedOn: s.signedOn,
      covenantVersion: s.covenantVersion,
    })),
    createdAt: version.createdAt.toISOString(),
    canEdit,
  };
}

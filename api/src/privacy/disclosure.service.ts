import { Injectable } from '@nestjs/common';
import type { Consent, CovenantRole, DisclosureContext } from '@casustafel/contract/enums';
import type { Viewer } from '../common/viewer';
import { CovenantsService } from '../covenants/covenants.service';
import type { CovenantVersion } from '../covenants/covenant-version.entity';
import { NetworksService } from '../networks/networks.service';
import { decideDisclosure, type Disclosure } from './disclosure-policy';
import { OpenActionLookup } from './open-actions';

/** What the policy needs to know about a case (no identity). */
export interface CaseDisclosureFacts {
  id: string;
  submittedById: string;
  submittedByOrganisationId: string;
  consent: Consent;
  consentOverrideReason: string | null;
  identityErasedAt: Date | null;
}

/** The viewer's standing in one network, gathered once, applied to many cases. */
export class NetworkDisclosure {
  constructor(
    readonly viewer: Viewer,
    readonly role: CovenantRole | null,
    readonly covenant: CovenantVersion,
    readonly context: DisclosureContext,
    private readonly confidentialityValid: boolean,
    private readonly actionHolders: Map<string, Set<string>>,
  ) {}

  decide(facts: CaseDisclosureFacts): Disclosure {
    return decideDisclosure({
      context: this.context,
      role: this.role,
      matrix: this.covenant.levels,
      covenantVersion: this.covenant.version,
      isSubmitter: facts.submittedById === this.viewer.id,
      isSubmittingOrganisation: facts.submittedByOrganisationId === this.viewer.organisationId,
      holdsOpenAction: this.actionHolders.get(facts.id)?.has(this.viewer.organisationId) ?? false,
      consent: facts.consent,
      consentOverrideReason: facts.consentOverrideReason,
      confidentialityValid: this.confidentialityValid,
      identityErased: facts.identityErasedAt !== null,
    });
  }
}

/**
 * Gathers the facts for the disclosure policy (role, covenant version, confidentiality acceptance,
 * open actions) and hands out a NetworkDisclosure that applies decideDisclosure to each case.
 * Nothing else in the API decides a level.
 */
@Injectable()
export class DisclosureService {
  constructor(
    private readonly networks: NetworksService,
    private readonly covenants: CovenantsService,
    private readonly openActions: OpenActionLookup,
  ) {}

  async forNetwork(
    viewer: Viewer,
    networkId: string,
    context: DisclosureContext,
    caseIds: string[],
    options: { covenantVersion?: number; role?: CovenantRole | null } = {},
  ): Promise<NetworkDisclosure> {
    const role = options.role !== undefined ? options.role : await this.networks.roleOf(viewer, networkId);
    const [covenant, acceptance, holders] = await Promise.all([
      this.covenants.version(networkId, options.covenantVersion),
      role ? this.covenants.validAcceptance(viewer.id, networkId) : Promise.resolve(null),
      this.openActions.holders(caseIds),
    ]);
    return new NetworkDisclosure(viewer, role, covenant, context, acceptance !== null, holders);
  }
}

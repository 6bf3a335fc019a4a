import { Injectable } from '@nestjs/common';
import type { Consent, DisclosureRole, DisclosureContext, DisclosureLevel } from '@casustafel/contract/enums';
import type { Viewer } from '../common/viewer';
import { CovenantsService } from '../covenants/covenants.service';
import type { CovenantVersion } from '../covenants/covenant-version.entity';
import { NetworksService } from '../networks/networks.service';
import { decideDisclosure, levelsByCaseKind, readerLevel, type Disclosure, type ViewerSide } from './disclosure-policy';
import { OpenActionLookup, type HeldCondition } from './open-actions';

/** What the policy needs to know about a case (no identity). */
export interface CaseDisclosureFacts {
  id: string;
  submittedById: string;
  submittedByOrganisationId: string;
  consent: Consent;
  consentOverrideReason: string | null;
  identityErasedAt: Date | null;
}

/** The viewer's standing in one network and context, before any case: role, covenant version, confidentiality. */
export class DisclosureStanding {
  constructor(
    readonly viewer: Viewer,
    readonly role: DisclosureRole | null,
    readonly covenant: CovenantVersion,
    readonly context: DisclosureContext,
    readonly confidentialityValid: boolean,
  ) {}

  /** The level the policy gives this viewer for every kind of case: what a list query filters on in SQL. */
  levelsByCaseKind(): Map<number, DisclosureLevel> {
    return levelsByCaseKind(this.side());
  }

  /** The viewer's own level in this context before any case (disclosure-policy.ts readerLevel). */
  readerLevel(): Disclosure {
    return readerLevel(this.side());
  }

  private side(): ViewerSide {
    return {
      context: this.context,
      role: this.role,
      matrix: this.covenant.levels,
      covenantVersion: this.covenant.version,
      confidentialityValid: this.confidentialityValid,
    };
  }
}

/** The viewer's standing in one network, gathered once, applied to many cases. */
export class NetworkDisclosure {
  constructor(
    readonly standing: DisclosureStanding,
    private readonly actionHolders: Map<string, Set<string>>,
  ) {}

  get viewer(): Viewer {
    return this.standing.viewer;
  }
  get role(): DisclosureRole | null {
    return this.standing.role;
  }
  get covenant(): CovenantVersion {
    return this.standing.covenant;
  }
  get context(): DisclosureContext {
    return this.standing.context;
  }

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
      confidentialityValid: this.standing.confidentialityValid,
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
    options: { covenantVersion?: number; role?: DisclosureRole | null } = {},
  ): Promise<NetworkDisclosure> {
    const [standing, holders] = await Promise.all([this.standing(viewer, networkId, context, options), this.openActions.holders(caseIds)]);
    return new NetworkDisclosure(standing, holders);
  }

  /** The viewer's standing before any case is known (a list filtered in SQL); forCases() then decides the cases found. */
  async standing(
    viewer: Viewer,
    networkId: string,
    context: DisclosureContext,
    options: { covenantVersion?: number; role?: DisclosureRole | null } = {},
  ): Promise<DisclosureStanding> {
    const role = options.role !== undefined ? options.role : await this.networks.roleOf(viewer, networkId);
    const { covenant, accepted } = await this.covenants.standing(role ? viewer.id : null, networkId, options.covenantVersion);
    return new DisclosureStanding(viewer, role, covenant, context, accepted);
  }

  async forCases(standing: DisclosureStanding, caseIds: string[]): Promise<NetworkDisclosure> {
    return new NetworkDisclosure(standing, await this.openActions.holders(caseIds));
  }

  /** The SQL condition that the viewer's organisation holds an open action on a case (rule 4), for a list filtered in SQL. */
  heldByViewer(standing: DisclosureStanding): HeldCondition {
    return this.openActions.heldBy(standing.viewer.organisationId);
  }
}

import { ConflictException, Injectable } from '@nestjs/common';
import { requireAccess } from '../access/require-access';
import type { AddSignatureDto, CovenantSignatureView, CovenantView, UpdateCovenantDto } from '@casustafel/contract/covenant';
import type { Viewer } from '../common/viewer';
import { NetworksService } from '../networks/networks.service';
import { FreeTextGuard } from '../privacy/free-text-guard';
import { CovenantsService } from './covenants.service';

const NO_CLIENTS = 'Het convenant lezen alle partners: het noemt organisaties en ondertekenaars, nooit een cliënt.';

/**
 * Changes to a network's covenant: a new version of the matrix and statement, a signature. Apart
 * from CovenantsService because their text passes the identity guard, which itself reads the
 * covenant through the disclosure policy.
 */
@Injectable()
export class CovenantChangesService {
  constructor(
    private readonly covenants: CovenantsService,
    private readonly networks: NetworksService,
    private readonly guard: FreeTextGuard,
  ) {}

  async update(viewer: Viewer, networkId: string, dto: UpdateCovenantDto): Promise<CovenantView> {
    const access = await this.networks.accessFor(viewer, networkId);
    requireAccess(access.role, 'covenant.edit');
    await this.guard.check(viewer, networkId, dto, NO_CLIENTS);
    return this.covenants.addVersion(viewer, access.role, networkId, dto);
  }

  async addSignature(viewer: Viewer, networkId: string, dto: AddSignatureDto): Promise<CovenantSignatureView> {
    const access = await this.networks.accessFor(viewer, networkId);
    requireAccess(viewer.isAdmin ? 'ADMIN' : access.role, 'covenant.sign');
    const member = (await this.networks.memberList(networkId)).find((m) => m.organisation.id === dto.organisationId);
    if (!member) throw new ConflictException('Alleen een organisatie die lid is van dit netwerk kan het convenant ondertekenen.');
    await this.guard.check(viewer, networkId, dto, NO_CLIENTS);
    return this.covenants.addSignature(
      viewer,
      viewer.isAdmin ? 'ADMIN' : access.role,
      networkId,
      { id: member.organisation.id, name: member.organisation.name },
      dto,
    );
  }
}

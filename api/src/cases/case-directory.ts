import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import type { CaseFacts } from '../privacy/case-facts';
import { identifierValues } from '../privacy/client-identifiers';
import { IdentityCipher, type ClientIdentity } from '../privacy/identity-cipher';
import { Case } from './case.entity';
import { ClientIdentifier } from './client-identifier.entity';

/**
 * What the privacy machinery needs to know about cases, without an identity: the facts the
 * disclosure policy decides on, and which cases a set of identifier hashes belongs to. Also
 * keeps those hashes in step with the encrypted identity.
 */
@Injectable()
export class CaseDirectory {
  constructor(
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    @InjectRepository(ClientIdentifier) private readonly identifiers: Repository<ClientIdentifier>,
    private readonly cipher: IdentityCipher,
  ) {}

  /** Facts of these cases of the network (others are ignored). */
  async facts(networkId: string, caseIds: string[]): Promise<CaseFacts[]> {
    if (caseIds.length === 0) return [];
    const found = await this.cases.find({
      where: { id: In([...new Set(caseIds)]), networkId },
      select: {
        id: true,
        networkId: true,
        number: true,
        pseudonym: true,
        submittedById: true,
        submittedByOrganisationId: true,
        consent: true,
        consentOverrideReason: true,
        identityErasedAt: true,
      },
    });
    return found;
  }

  /** The cases of the network holding any of these identifier hashes: one indexed query per 900 hashes, whatever the network's size. */
  async holdersOf(networkId: string, hashes: string[]): Promise<{ caseId: string; hash: string }[]> {
    const unique = [...new Set(hashes)];
    const out: { caseId: string; hash: string }[] = [];
    for (let i = 0; i < unique.length; i += 900) {
      const rows = await this.identifiers
        .createQueryBuilder('x')
        .select(['x.caseId', 'x.hash'])
        .where('x.networkId = :networkId AND x.hash IN (:...hashes)', { networkId, hashes: unique.slice(i, i + 900) })
        .getMany();
      out.push(...rows.map((r) => ({ caseId: r.caseId, hash: r.hash })));
    }
    return out;
  }

  /** The identifier hashes of an identity (for a case not stored yet, or to store them). */
  hashesOf(networkId: string, identity: ClientIdentity): string[] {
    return identifierValues(identity).map((v) => this.cipher.identifierHash(networkId, v.kind, v.value));
  }

  /** Writes the hashes of a case's identity, in the caller's transaction. */
  async index(manager: EntityManager, caseId: string, networkId: string, identity: ClientIdentity): Promise<void> {
    const repo = manager.getRepository(ClientIdentifier);
    await repo.delete({ caseId });
    const hashes = [...new Set(this.hashesOf(networkId, identity))];
    await repo.insert(hashes.map((hash) => ({ caseId, networkId, hash })));
  }

  /** Removes them with the identity (retention). */
  async forget(manager: EntityManager, caseId: string): Promise<void> {
    await manager.getRepository(ClientIdentifier).delete({ caseId });
  }
}

import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { CreateOrganisationDto, OrganisationView } from '@casustafel/contract/organisations';
import { Clock } from '../common/clock';
import { newId } from '../database/ids';
import { Organisation } from './organisation.entity';
import { toOrganisationView } from './organisation.mapper';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateOrganisationDto): Promise<OrganisationView> {
    const name = dto.name.trim();
    if (await this.organisations.exists({ where: { name } })) {
      throw new ConflictException(`Er bestaat al een organisatie met de naam "${name}".`);
    }
    const organisation = await this.organisations.save(
      this.organisations.create({
        id: newId(),
        name,
        kind: dto.kind,
        sector: dto.sector?.trim() || null,
        createdAt: this.clock.now(),
      }),
    );
    return toOrganisationView(organisation);
  }

  async list(): Promise<OrganisationView[]> {
    const all = await this.organisations.find({ order: { name: 'ASC' } });
    return all.map(toOrganisationView);
  }

  /** For other modules' services, which decide what a missing organisation means for them. */
  findById(id: string): Promise<Organisation | null> {
    return this.organisations.findOneBy({ id });
  }

  /** id → name of these organisations, in one query (for other modules' views). */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const found = unique.length ? await this.organisations.find({ where: { id: In(unique) }, select: { id: true, name: true } }) : [];
    return new Map(found.map((o) => [o.id, o.name]));
  }
}

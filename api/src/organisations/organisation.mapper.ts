import type { OrganisationView } from '@casustafel/contract/organisations';
import type { Organisation } from './organisation.entity';

export function toOrganisationView(organisation: Organisation): OrganisationView {
  return {
    id: organisation.id,
    name: organisation.name,
    kind: organisation.kind,
    sector: organisation.sector,
    createdAt: organisation.createdAt.toISOString(),
  };
}

import type { KnownElsewhereView } from '@casustafel/contract/referrals';

/** The answer: per network where the client is known, its name and its coordinators to contact — never a case or an identity. */
export function toKnownElsewhereView(
  networkIds: string[],
  names: ReadonlyMap<string, string>,
  contacts: ReadonlyMap<string, { name: string; email: string; organisationId: string }[]>,
  organisations: ReadonlyMap<string, string>,
): KnownElsewhereView {
  const networks = networkIds
    .map((id) => ({
      id,
      name: names.get(id) ?? '',
      coordinators: (contacts.get(id) ?? []).map((c) => ({
        name: c.name,
        email: c.email,
        organisation: organisations.get(c.organisationId) ?? '',
      })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return { known: networks.length > 0, networks };
}

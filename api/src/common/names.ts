/**
 * Names by id for a view: those the caller already knows (from a query it made anyway), and the
 * others loaded in one call, or none when all are known.
 */
export async function namesFor(
  ids: Iterable<string>,
  known: ReadonlyMap<string, string> | undefined,
  load: (missing: string[]) => Promise<Map<string, string>>,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const missing = new Set<string>();
  for (const id of ids) {
    const name = known?.get(id);
    if (name !== undefined) names.set(id, name);
    else missing.add(id);
  }
  if (missing.size) for (const [id, name] of await load([...missing])) names.set(id, name);
  return names;
}

/** What a route's `:id` names, read from the route pattern: the same rule for access checks and for the log of refused attempts. */
export type RouteObjectType = 'CASE' | 'QUESTION' | 'MINUTES' | 'MEETING' | 'ACTION' | 'NETWORK' | 'REFERRAL';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Route pattern (without /api) → the kind of object behind its :id. First match wins. */
const OBJECT_ROUTES: [RegExp, RouteObjectType][] = [
  [/^cases\/:id(\/|$)/, 'CASE'],
  [/^questions\/:id(\/|$)/, 'QUESTION'],
  [/^meetings\/:id\/minutes/, 'MINUTES'],
  [/^meetings\/:id(\/|$)/, 'MEETING'],
  [/^actions\/:id(\/|$)/, 'ACTION'],
  [/^networks\/:id(\/|$)/, 'NETWORK'],
  // A referral belongs to the network that decides on it: the receiving one (issue #14).
  [/^referrals\/:id(\/|$)/, 'REFERRAL'],
];

/** The route pattern without leading slashes and the /api prefix: "cases/:id/access-report.pdf". */
export const routePattern = (routePath: string): string => routePath.replace(/^\/+/, '').replace(/^api\//, '');

/**
 * The object a request is about: its kind and the id in the route (or, for the action list, the
 * `networkId` query parameter). The id is null when it is not a UUID; the result is null for routes
 * about none of these (accounts, organisations, "Mijn acties").
 */
export function routeObject(
  routePath: string,
  params: Record<string, unknown>,
  query: Record<string, unknown>,
): { type: RouteObjectType; id: string | null } | null {
  const path = routePattern(routePath);
  let found: RouteObjectType | null = null;
  let id: unknown = params['id'];
  for (const [pattern, type] of OBJECT_ROUTES) {
    if (pattern.test(path)) {
      found = type;
      break;
    }
  }
  if (!found && path === 'actions' && query['networkId'] !== undefined) {
    found = 'NETWORK';
    id = query['networkId'];
  }
  if (!found) return null;
  return { type: found, id: typeof id === 'string' && UUID.test(id) ? id.toLowerCase() : null };
}

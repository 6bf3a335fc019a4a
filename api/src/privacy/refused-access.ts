import type { AccessAction, AccessContext, AccessObjectType } from '@casustafel/contract/access-log';

/** What a refused request was after, read from its route. */
export interface RefusedTarget {
  type: AccessObjectType;
  /** The id in the route (or the networkId query parameter of the action list); null when it is not a UUID. */
  id: string | null;
  action: AccessAction;
  context: AccessContext;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Route pattern (without /api) → the kind of object behind its :id. First match wins. */
const OBJECT_ROUTES: [RegExp, AccessObjectType][] = [
  [/^cases\/:id(\/|$)/, 'CASE'],
  [/^questions\/:id(\/|$)/, 'QUESTION'],
  [/^meetings\/:id\/minutes/, 'MINUTES'],
  [/^meetings\/:id(\/|$)/, 'MEETING'],
  [/^actions\/:id(\/|$)/, 'ACTION'],
  [/^networks\/:id(\/|$)/, 'NETWORK'],
];

/** Requests that change who may see what. */
const ACCESS_CHANGES: Record<string, AccessAction> = {
  'POST networks/:id/members': 'MEMBER_ADD',
  'DELETE networks/:id/members/:organisationId': 'MEMBER_REMOVE',
  'POST networks/:id/roles': 'ROLE_GRANT',
  'DELETE networks/:id/roles/:userId': 'ROLE_REVOKE',
  'PUT networks/:id/covenant': 'COVENANT_CHANGE',
  'POST networks/:id/covenant/signatures': 'COVENANT_SIGNATURE',
  'POST networks/:id/confidentiality/accept': 'CONFIDENTIALITY_ACCEPT',
  'POST meetings/:id/confidentiality/accept': 'CONFIDENTIALITY_ACCEPT',
};

/**
 * Derives the object of a refused (403/404) request from its route pattern, so that every route
 * on a case, question, meeting, minutes, action or network — including routes added later — is
 * covered without code of its own. Exports (.csv, .pdf, .ics) are EXPORT attempts. Null for routes
 * about none of these (accounts, organisations, login).
 */
export function refusedTarget(
  routePath: string,
  method: string,
  params: Record<string, unknown>,
  query: Record<string, unknown>,
): RefusedTarget | null {
  const path = routePath.replace(/^\/+/, '').replace(/^api\//, '');
  const verb = method.toUpperCase();
  let type: AccessObjectType | null = null;
  let id: unknown = params['id'];
  for (const [pattern, objectType] of OBJECT_ROUTES) {
    if (pattern.test(path)) {
      type = objectType;
      break;
    }
  }
  if (!type && path === 'actions' && query['networkId'] !== undefined) {
    type = 'NETWORK';
    id = query['networkId'];
  }
  if (!type) return null;
  const changes = ACCESS_CHANGES[`${verb} ${path}`];
  const action: AccessAction = /\.(csv|pdf|ics)$/.test(path)
    ? 'EXPORT'
    : (changes ??
      (verb === 'GET' || verb === 'HEAD'
        ? 'VIEW'
        : verb === 'POST' && /^networks\/:id\/(cases|questions|meetings)$/.test(path)
          ? 'CREATE'
          : 'UPDATE'));
  const context: AccessContext = changes ? 'MANAGEMENT' : type === 'MINUTES' ? 'MINUTES' : type === 'MEETING' ? 'MEETING' : 'DOSSIER';
  return { type, id: typeof id === 'string' && UUID.test(id) ? id.toLowerCase() : null, action, context };
}

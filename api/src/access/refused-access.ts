import type { AccessAction, AccessContext } from '@casustafel/contract/access-log';
import { routeObject, routePattern, type RouteObjectType } from '../common/route-object';

/** What a refused request was after, read from its route. */
export interface RefusedTarget {
  type: RouteObjectType;
  /** The id in the route (or the networkId query parameter of the action list); null when it is not a UUID. */
  id: string | null;
  action: AccessAction;
  context: AccessContext;
}

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
  const path = routePattern(routePath);
  const verb = method.toUpperCase();
  const object = routeObject(routePath, params, query);
  if (!object) return null;
  const { type, id } = object;
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
  return { type, id, action, context };
}

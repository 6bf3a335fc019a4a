import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  InternalServerErrorException,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { canGlobally, grantOf, type AccessRole, type Permission } from '@casustafel/contract/permissions';
import { IS_PUBLIC, type RequestWithViewer } from '../common/decorators';
import { rememberResolvedAccess } from '../common/request-context';
import { routeObject, type RouteObjectType } from '../common/route-object';
import { AccessTargets } from './access-targets';
import { FORBIDDEN, ADMIN_KNOWS, NOT_FOUND } from './refusals';
import { REQUIRES } from './requires.decorator';

/** Reading the object: who may not read it, may not learn that it exists (404 rather than 403). */
const READ: Record<RouteObjectType, Permission> = {
  NETWORK: 'network.read',
  CASE: 'case.read',
  QUESTION: 'question.read',
  MEETING: 'meeting.read',
  MINUTES: 'minutes.read',
  ACTION: 'action.list',
  REFERRAL: 'referral.read',
};

export type RequestWithAccess = RequestWithViewer & { access?: { networkId: string | null; role: AccessRole | null } };

/**
 * The one access check every route passes (issue #10), after the AuthGuard and before validation:
 * the route's declared permission (@Requires) against the caller's role in the network the route is
 * about (contract/permissions.ts). A grant under a condition (own organisation, present at the
 * meeting, …) passes here and is checked by the service, which knows the record. Refusals: 404
 * when the caller may not know the object exists, 403 when they may see it but not do this; both
 * are written to the access log. A route that declares no permission is refused with 500.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly targets: AccessTargets,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const handlers = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, handlers)) return true;
    const request = context.switchToHttp().getRequest<RequestWithAccess>();
    const viewer = request.viewer;
    if (!viewer) return false; // the AuthGuard runs first and answers 401
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRES, handlers);
    if (!permission) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no permission`);
      throw new InternalServerErrorException();
    }
    const object = routeObject(String(request.route?.path ?? ''), request.params ?? {}, (request.query ?? {}) as Record<string, unknown>);
    const networkId = object?.id ? await this.targets.networkOf(object.type, object.id) : null;
    const role = await this.targets.roleOf(viewer, networkId, object?.id ? { type: object.type, id: object.id } : null);
    request.access = { networkId, role };
    if (object?.id) rememberResolvedAccess({ type: object.type, id: object.id, networkId, role });
    if (object ? networkId !== null && grantOf(role, permission) !== undefined : canGlobally(viewer.isAdmin, permission)) return true;

    // Refused. A member who may read the object learns why (403); the administrator only about the
    // network's management (its content does not exist for them); anyone else gets 404.
    const knows = !object
      ? true
      : networkId !== null &&
        object.id !== null &&
        (role === 'ADMIN' ? ADMIN_KNOWS.has(permission) : grantOf(role, READ[object.type]) !== undefined);
    await this.targets.recordRefusal(request, { networkId, role });
    if (knows) throw new ForbiddenException(FORBIDDEN[permission] ?? 'Je hebt geen toestemming voor deze handeling.');
    throw new NotFoundException(object?.id ? NOT_FOUND[object.type] : 'Niet gevonden.');
  }
}

import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { AdminChangesView } from '@casustafel/contract/access-log';
import type {
  AddMemberDto,
  AssignRoleDto,
  MemberView,
  NetworkView,
  RoleReviewView,
  RoleView,
  UpdateMemberDto,
} from '@casustafel/contract/networks';
import type { UserView } from '@casustafel/contract/users';
import type { NetworkOverviewView } from '@casustafel/contract/overview';
import { handlesErrors } from '../core/http-context';
import type { RequestOptions } from '../ui/form-submit';

@Injectable({ providedIn: 'root' })
export class NetworksApi {
  private readonly http = inject(HttpClient);

  get(id: string): Promise<NetworkView> {
    return firstValueFrom(this.http.get<NetworkView>(`/api/networks/${id}`));
  }
  members(id: string): Promise<MemberView[]> {
    return firstValueFrom(this.http.get<MemberView[]>(`/api/networks/${id}/members`));
  }
  addMember(id: string, dto: AddMemberDto, options: RequestOptions = handlesErrors()): Promise<MemberView> {
    return firstValueFrom(this.http.post<MemberView>(`/api/networks/${id}/members`, dto, options));
  }
  /** How many open actions an informal or hybrid member can carry (null: not recorded). Errors go to the snackbar. */
  updateMember(id: string, organisationId: string, dto: UpdateMemberDto): Promise<MemberView> {
    return firstValueFrom(this.http.patch<MemberView>(`/api/networks/${id}/members/${organisationId}`, dto));
  }
  removeMember(id: string, organisationId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/networks/${id}/members/${organisationId}`));
  }
  roles(id: string): Promise<RoleView[]> {
    return firstValueFrom(this.http.get<RoleView[]>(`/api/networks/${id}/roles`));
  }
  assignRole(id: string, dto: AssignRoleDto, options: RequestOptions = handlesErrors()): Promise<RoleView> {
    return firstValueFrom(this.http.post<RoleView>(`/api/networks/${id}/roles`, dto, options));
  }
  /** The viewer's work queue in this network (numbers for their role). */
  overview(id: string): Promise<NetworkOverviewView> {
    return firstValueFrom(this.http.get<NetworkOverviewView>(`/api/networks/${id}/overview`, handlesErrors()));
  }
  removeRole(id: string, userId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/networks/${id}/roles/${userId}`));
  }
  candidates(id: string): Promise<UserView[]> {
    return firstValueFrom(this.http.get<UserView[]>(`/api/networks/${id}/candidates`));
  }
  /** For the coordinator: role and membership changes the administrator made since their last visit. */
  adminChanges(id: string): Promise<AdminChangesView> {
    return firstValueFrom(this.http.get<AdminChangesView>(`/api/networks/${id}/admin-changes`));
  }
  markAdminChangesSeen(id: string, seq: number): Promise<{ seenUntil: number }> {
    return firstValueFrom(this.http.post<{ seenUntil: number }>(`/api/networks/${id}/admin-changes/seen`, { seq }));
  }
  /** For the coordinator: the yearly review of roles (who still needs access). */
  roleReview(id: string): Promise<RoleReviewView> {
    return firstValueFrom(this.http.get<RoleReviewView>(`/api/networks/${id}/role-review`));
  }
  confirmRoles(id: string): Promise<RoleReviewView> {
    return firstValueFrom(this.http.post<RoleReviewView>(`/api/networks/${id}/role-review`, {}));
  }
}

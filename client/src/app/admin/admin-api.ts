import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { CreateNetworkDto, NetworkView } from '@casustafel/contract/networks';
import type { CreateOrganisationDto, OrganisationView } from '@casustafel/contract/organisations';
import type { CreateUserDto, UpdateUserDto, UserView } from '@casustafel/contract/users';
import { handlesErrors } from '../core/http-context';
import type { RequestOptions } from '../ui/form-submit';

/** The administrator's endpoints. Creating calls let the form show the error; lists use the global snackbar. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  organisations(): Promise<OrganisationView[]> {
    return firstValueFrom(this.http.get<OrganisationView[]>('/api/organisations'));
  }
  createOrganisation(dto: CreateOrganisationDto, options: RequestOptions = handlesErrors()): Promise<OrganisationView> {
    return firstValueFrom(this.http.post<OrganisationView>('/api/organisations', dto, options));
  }

  users(): Promise<UserView[]> {
    return firstValueFrom(this.http.get<UserView[]>('/api/users'));
  }
  createUser(dto: CreateUserDto, options: RequestOptions = handlesErrors()): Promise<UserView> {
    return firstValueFrom(this.http.post<UserView>('/api/users', dto, options));
  }
  updateUser(id: string, dto: UpdateUserDto): Promise<UserView> {
    return firstValueFrom(this.http.patch<UserView>(`/api/users/${id}`, dto));
  }
  /** A new activation e-mail (the earlier link stops working). */
  resendActivation(id: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(`/api/users/${id}/activation`, {}));
  }
  /** Switches the user's second factor off, for when they lost both their phone and their recovery codes. */
  resetMfa(id: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(`/api/users/${id}/mfa/reset`, {}));
  }

  networks(): Promise<NetworkView[]> {
    return firstValueFrom(this.http.get<NetworkView[]>('/api/networks'));
  }
  createNetwork(dto: CreateNetworkDto, options: RequestOptions = handlesErrors()): Promise<NetworkView> {
    return firstValueFrom(this.http.post<NetworkView>('/api/networks', dto, options));
  }
}

import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type {
  CreateReferralDto,
  DeclineReferralDto,
  KnownElsewhereDto,
  KnownElsewhereView,
  ReferralTargetView,
  ReferralView,
} from '@casustafel/contract/referrals';
import { handlesErrors } from '../core/http-context';
import type { RequestOptions } from '../ui/form-submit';

/** Between networks (issue #14): referrals and "known in another network?". */
@Injectable({ providedIn: 'root' })
export class ReferralsApi {
  private readonly http = inject(HttpClient);

  targets(networkId: string): Promise<ReferralTargetView[]> {
    return firstValueFrom(this.http.get<ReferralTargetView[]>(`/api/networks/${networkId}/referral-targets`));
  }
  list(networkId: string): Promise<ReferralView[]> {
    return firstValueFrom(this.http.get<ReferralView[]>(`/api/networks/${networkId}/referrals`));
  }
  refer(caseId: string, dto: CreateReferralDto, options: RequestOptions = handlesErrors()): Promise<ReferralView> {
    return firstValueFrom(this.http.post<ReferralView>(`/api/cases/${caseId}/referrals`, dto, options));
  }
  accept(referralId: string): Promise<ReferralView> {
    return firstValueFrom(this.http.post<ReferralView>(`/api/referrals/${referralId}/accept`, {}));
  }
  decline(referralId: string, dto: DeclineReferralDto, options: RequestOptions = handlesErrors()): Promise<ReferralView> {
    return firstValueFrom(this.http.post<ReferralView>(`/api/referrals/${referralId}/decline`, dto, options));
  }
  knownElsewhere(caseId: string, dto: KnownElsewhereDto, options: RequestOptions = handlesErrors()): Promise<KnownElsewhereView> {
    return firstValueFrom(this.http.post<KnownElsewhereView>(`/api/cases/${caseId}/known-elsewhere`, dto, options));
  }
}

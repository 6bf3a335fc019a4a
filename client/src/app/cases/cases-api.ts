import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { AccessLogEntryView, AccessLogQuery, AccessLogVerification } from '@casustafel/contract/access-log';
import type { CaseListQuery, CaseListView, CaseView, CreateCaseDto, UpdateCaseStatusDto } from '@casustafel/contract/cases';
import type {
  AddSignatureDto,
  ConfidentialityView,
  CovenantSignatureView,
  CovenantView,
  UpdateCovenantDto,
} from '@casustafel/contract/covenant';
import type { CaseTimelineView } from '@casustafel/contract/timeline';
import { handlesErrors } from '../core/http-context';
import type { RequestOptions } from '../ui/form-submit';

/** Cases, the covenant, confidentiality and the access log of a network. */
@Injectable({ providedIn: 'root' })
export class CasesApi {
  private readonly http = inject(HttpClient);

  list(networkId: string, query: CaseListQuery): Promise<CaseListView> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query))
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    return firstValueFrom(this.http.get<CaseListView>(`/api/networks/${networkId}/cases`, { params }));
  }
  create(networkId: string, dto: CreateCaseDto, options: RequestOptions = handlesErrors()): Promise<CaseView> {
    return firstValueFrom(this.http.post<CaseView>(`/api/networks/${networkId}/cases`, dto, options));
  }
  get(id: string): Promise<CaseView> {
    return firstValueFrom(this.http.get<CaseView>(`/api/cases/${id}`, handlesErrors()));
  }
  updateStatus(id: string, dto: UpdateCaseStatusDto, options: RequestOptions = handlesErrors()): Promise<CaseView> {
    return firstValueFrom(this.http.patch<CaseView>(`/api/cases/${id}`, dto, options));
  }
  /** The case's history, oldest first, as this viewer may see it. */
  timeline(id: string): Promise<CaseTimelineView> {
    return firstValueFrom(this.http.get<CaseTimelineView>(`/api/cases/${id}/timeline`, handlesErrors()));
  }

  covenant(networkId: string): Promise<CovenantView> {
    return firstValueFrom(this.http.get<CovenantView>(`/api/networks/${networkId}/covenant`));
  }
  updateCovenant(networkId: string, dto: UpdateCovenantDto, options: RequestOptions = handlesErrors()): Promise<CovenantView> {
    return firstValueFrom(this.http.put<CovenantView>(`/api/networks/${networkId}/covenant`, dto, options));
  }
  addSignature(networkId: string, dto: AddSignatureDto, options: RequestOptions = handlesErrors()): Promise<CovenantSignatureView> {
    return firstValueFrom(this.http.post<CovenantSignatureView>(`/api/networks/${networkId}/covenant/signatures`, dto, options));
  }

  confidentiality(networkId: string): Promise<ConfidentialityView> {
    return firstValueFrom(this.http.get<ConfidentialityView>(`/api/networks/${networkId}/confidentiality`));
  }
  acceptConfidentiality(networkId: string): Promise<{ acceptedAt: string; validUntil: string }> {
    return firstValueFrom(
      this.http.post<{ acceptedAt: string; validUntil: string }>(`/api/networks/${networkId}/confidentiality/accept`, {}),
    );
  }

  /** The network's access log, newest first, filtered on the server. */
  accessLog(networkId: string, query: AccessLogQuery = {}): Promise<AccessLogEntryView[]> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query))
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    return firstValueFrom(this.http.get<AccessLogEntryView[]>(`/api/networks/${networkId}/access-log`, { params }));
  }
  verifyAccessLog(networkId: string): Promise<AccessLogVerification> {
    return firstValueFrom(this.http.get<AccessLogVerification>(`/api/networks/${networkId}/access-log/verify`));
  }
}

import { HttpClient, HttpContext, HttpHeaders, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { ActionStatus } from '@casustafel/contract/meeting-rules';
import type {
  ActionView,
  AddAgendaItemDto,
  AttendanceDto,
  CancelMeetingDto,
  CreateActionDto,
  CreateMeetingDto,
  MeetingSummaryView,
  MeetingView,
  UpdateActionDto,
  UpdateAgendaItemDto,
  UpdateMeetingDto,
} from '@casustafel/contract/meetings';
import { handlesErrors } from '../core/http-context';
import type { RequestOptions } from '../ui/form-submit';

/** Request options of one form submission (`Submission.options` of ui/form-submit): its Idempotency-Key and error handling. */
export interface SubmissionOptions {
  headers: HttpHeaders;
  context: HttpContext;
}

@Injectable({ providedIn: 'root' })
export class MeetingsApi {
  private readonly http = inject(HttpClient);

  list(networkId: string): Promise<MeetingSummaryView[]> {
    return firstValueFrom(this.http.get<MeetingSummaryView[]>(`/api/networks/${networkId}/meetings`));
  }
  /** One submission: a repeat with the same Idempotency-Key (a double click) plans nothing twice. */
  plan(networkId: string, dto: CreateMeetingDto, options: SubmissionOptions): Promise<MeetingSummaryView | MeetingSummaryView[]> {
    return firstValueFrom(this.http.post<MeetingSummaryView | MeetingSummaryView[]>(`/api/networks/${networkId}/meetings`, dto, options));
  }
  get(id: string): Promise<MeetingView> {
    return firstValueFrom(this.http.get<MeetingView>(`/api/meetings/${id}`, handlesErrors()));
  }
  assemble(id: string): Promise<MeetingView> {
    return firstValueFrom(this.http.post<MeetingView>(`/api/meetings/${id}/agenda/assemble`, {}, handlesErrors()));
  }
  addItem(id: string, dto: AddAgendaItemDto, options: SubmissionOptions): Promise<MeetingView> {
    return firstValueFrom(this.http.post<MeetingView>(`/api/meetings/${id}/agenda`, dto, options));
  }
  updateItem(id: string, itemId: string, dto: UpdateAgendaItemDto): Promise<MeetingView> {
    return firstValueFrom(this.http.patch<MeetingView>(`/api/meetings/${id}/agenda/${itemId}`, dto, handlesErrors()));
  }
  removeItem(id: string, itemId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/meetings/${id}/agenda/${itemId}`, handlesErrors()));
  }
  step(id: string, step: 'start' | 'close' | 'reopen'): Promise<MeetingView> {
    return firstValueFrom(this.http.post<MeetingView>(`/api/meetings/${id}/${step}`, {}, handlesErrors()));
  }
  /** A planned meeting moved or changed (what is left out stays); everyone invited gets the changed invitation. */
  reschedule(id: string, dto: UpdateMeetingDto, options: RequestOptions = handlesErrors()): Promise<MeetingView> {
    return firstValueFrom(this.http.patch<MeetingView>(`/api/meetings/${id}`, dto, options));
  }
  /** A planned meeting does not take place: status CANCELLED, with the reason shown to everyone. */
  cancel(id: string, dto: CancelMeetingDto): Promise<MeetingView> {
    return firstValueFrom(this.http.post<MeetingView>(`/api/meetings/${id}/cancel`, dto, handlesErrors()));
  }
  attendance(id: string, dto: AttendanceDto): Promise<MeetingView> {
    return firstValueFrom(this.http.put<MeetingView>(`/api/meetings/${id}/attendance`, dto, handlesErrors()));
  }
  addAction(id: string, itemId: string, dto: CreateActionDto, options: SubmissionOptions): Promise<ActionView> {
    return firstValueFrom(this.http.post<ActionView>(`/api/meetings/${id}/agenda/${itemId}/actions`, dto, options));
  }

  findGuest(id: string, email: string): Promise<{ id: string; name: string; organisation: string }> {
    return firstValueFrom(
      this.http.get<{ id: string; name: string; organisation: string }>(`/api/meetings/${id}/guest-candidate`, {
        params: { email },
        ...handlesErrors(),
      }),
    );
  }
  inviteGuest(id: string, userId: string, itemIds: string[], options: SubmissionOptions): Promise<MeetingView> {
    return firstValueFrom(this.http.post<MeetingView>(`/api/meetings/${id}/guests`, { userId, itemIds }, options));
  }
  acceptAsGuest(id: string): Promise<unknown> {
    return firstValueFrom(this.http.post(`/api/meetings/${id}/confidentiality/accept`, {}, handlesErrors()));
  }

  myActions(status?: ActionStatus): Promise<ActionView[]> {
    const params = new HttpParams({ fromObject: { scope: 'mine', ...(status ? { status } : {}) } });
    return firstValueFrom(this.http.get<ActionView[]>('/api/actions', { params }));
  }
  updateAction(id: string, dto: UpdateActionDto): Promise<ActionView> {
    return firstValueFrom(this.http.patch<ActionView>(`/api/actions/${id}`, dto, handlesErrors()));
  }
  calendarToken(): Promise<{ token: string; url: string }> {
    return firstValueFrom(this.http.post<{ token: string; url: string }>('/api/calendar/token', {}));
  }
}

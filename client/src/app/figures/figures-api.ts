import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { FiguresView } from '@casustafel/contract/figures';
import type { Period } from './period';

/** The network's figures for a period (issue #13): the view, and the addresses of the same figures as CSV and PDF. */
@Injectable({ providedIn: 'root' })
export class FiguresApi {
  private readonly http = inject(HttpClient);

  get(networkId: string, period: Period): Promise<FiguresView> {
    return firstValueFrom(
      this.http.get<FiguresView>(`/api/networks/${networkId}/figures`, { params: new HttpParams({ fromObject: { ...period } }) }),
    );
  }

  /** A download link for the same period: the browser fetches it with the session cookie. */
  fileUrl(networkId: string, period: Period, format: 'csv' | 'pdf'): string {
    return `/api/networks/${networkId}/figures.${format}?${new HttpParams({ fromObject: { ...period } }).toString()}`;
  }
}

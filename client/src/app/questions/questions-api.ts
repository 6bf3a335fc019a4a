import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { CaseView } from '@casustafel/contract/cases';
import type { AnswerQuestionDto, ConvertQuestionDto, CreateQuestionDto, QuestionView, ScanResult } from '@casustafel/contract/questions';
import { handlesErrors } from '../core/http-context';
import type { RequestOptions } from '../ui/form-submit';

@Injectable({ providedIn: 'root' })
export class QuestionsApi {
  private readonly http = inject(HttpClient);

  scan(networkId: string, text: string): Promise<ScanResult> {
    return firstValueFrom(this.http.post<ScanResult>(`/api/networks/${networkId}/questions/scan`, { text }, handlesErrors()));
  }
  create(networkId: string, dto: CreateQuestionDto, options: RequestOptions = handlesErrors()): Promise<QuestionView> {
    return firstValueFrom(this.http.post<QuestionView>(`/api/networks/${networkId}/questions`, dto, options));
  }
  list(networkId: string): Promise<QuestionView[]> {
    return firstValueFrom(this.http.get<QuestionView[]>(`/api/networks/${networkId}/questions`));
  }
  get(id: string): Promise<QuestionView> {
    return firstValueFrom(this.http.get<QuestionView>(`/api/questions/${id}`, handlesErrors()));
  }
  answer(id: string, dto: AnswerQuestionDto, options: RequestOptions = handlesErrors()): Promise<QuestionView> {
    return firstValueFrom(this.http.post<QuestionView>(`/api/questions/${id}/answer`, dto, options));
  }
  message(id: string, text: string, options: RequestOptions = handlesErrors()): Promise<QuestionView> {
    return firstValueFrom(this.http.post<QuestionView>(`/api/questions/${id}/messages`, { text }, options));
  }
  withdraw(id: string): Promise<QuestionView> {
    return firstValueFrom(this.http.post<QuestionView>(`/api/questions/${id}/withdraw`, {}));
  }
  convert(id: string, dto: ConvertQuestionDto, options: RequestOptions = handlesErrors()): Promise<CaseView> {
    return firstValueFrom(this.http.post<CaseView>(`/api/questions/${id}/convert`, dto, options));
  }
}

import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { MeetingStatus } from '@casustafel/contract/meeting-rules';
import type { MinutesView } from '@casustafel/contract/minutes';
import { errorMessage } from '../core/api-error';
import { handlesErrors } from '../core/http-context';
import { AppDatePipe } from '../ui/app-date.pipe';
import { confirmAction } from '../ui/confirm-dialog';

/** The minutes beside the meeting record: edit, send, comment per section, approve, addenda, and the reader's own PDF. */
@Component({
  selector: 'app-minutes-panel',
  imports: [FormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslocoPipe, AppDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .full { width: 100%; }
    .level { padding: 12px 16px; border-radius: 12px; background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); }
    .comment { padding: 6px 10px; border-left: 3px solid var(--mat-sys-tertiary); margin: 4px 0; }
    .comment.resolved { opacity: 0.6; }
    .pre { white-space: pre-wrap; }
    .buttons { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
    code { word-break: break-all; }
    .notice { padding: 12px 16px; border-radius: 12px; background: var(--mat-sys-surface-container); }
  `,
  template: `
    @if (current(); as v) {
      <section aria-labelledby="minutes-heading" data-testid="minutes">
        <h2 id="minutes-heading">{{ 'minutes.title' | transloco }} — {{ 'enum.minutesStatus.' + v.status | transloco }}</h2>
        <div class="level" role="note">
          <p>{{ 'minutes.pdfLevel' | transloco: { level: ('enum.level.' + v.readerLevel.level | transloco) } }} {{ v.readerLevel.explanation }}</p>
          <a mat-flat-button [href]="'/api/meetings/' + meetingId() + '/minutes.pdf'" download data-testid="minutes-pdf"><mat-icon>picture_as_pdf</mat-icon>{{ 'minutes.download' | transloco }}</a>
        </div>
        @for (section of v.sections; track section.id) {
          <mat-card appearance="outlined">
            <mat-card-content>
              <h3 class="card-title">{{ section.number }}. {{ section.title }}</h3>
              @if (section.client) { <p><strong>{{ 'field.client' | transloco }}:</strong> {{ section.client.displayName }}</p> }
              @if (v.can.edit) {
                <mat-form-field class="full">
                  <mat-label>{{ 'minutes.sectionText' | transloco }}</mat-label>
                  <textarea matInput rows="4" [ngModel]="texts()[section.id]" (ngModelChange)="setText(section.id, $event)" [attr.data-testid]="'minutes-text-' + section.number"></textarea>
                </mat-form-field>
              } @else {
                <p class="pre">{{ section.text || '—' }}</p>
              }
              @for (c of section.comments; track c.id) {
                <div class="comment" [class.resolved]="c.resolved">
                  <small>{{ c.author }} · {{ c.organisation }} · {{ c.createdAt | appDate: 'dateTime' }}@if (c.resolved) { · {{ 'minutes.resolved' | transloco }} }</small>
                  <div>{{ c.text }}</div>
                  @if (v.can.edit && !c.resolved) { <button mat-button type="button" (click)="resolve(c.id)">{{ 'minutes.resolve' | transloco }}</button> }
                </div>
              }
              @if (v.can.comment) {
                <form class="buttons" (ngSubmit)="comment(section.id)">
                  <mat-form-field>
                    <mat-label>{{ 'minutes.comment' | transloco }}</mat-label>
                    <input matInput [name]="'comment-' + section.id" [(ngModel)]="commentTexts[section.id]" [attr.data-testid]="'minutes-comment-' + section.number" />
                  </mat-form-field>
                  <button mat-stroked-button type="submit" [attr.data-testid]="'minutes-comment-submit-' + section.number">{{ 'minutes.addComment' | transloco }}</button>
                </form>
              }
            </mat-card-content>
          </mat-card>
        }
        @if (error()) { <p class="error-text" role="alert" data-testid="minutes-error">{{ error() }} <button mat-button type="button" (click)="minutes.reload()">{{ 'meeting.reload' | transloco }}</button></p> }
        <div class="buttons">
          @if (v.can.edit) { <button mat-flat-button type="button" (click)="save(v)" data-testid="minutes-save">{{ 'minutes.save' | transloco }}</button> }
          @if (v.can.send) { <button mat-stroked-button type="button" (click)="send()" data-testid="minutes-send">{{ 'minutes.send' | transloco }}</button> }
        </div>
        @if (v.can.approve) {
          <form class="buttons" (ngSubmit)="approve()">
            <mat-form-field>
              <mat-label>{{ 'minutes.reason' | transloco }}</mat-label>
              <input matInput name="reason" [(ngModel)]="reason" />
              <mat-hint>{{ 'minutes.reasonHint' | transloco }}</mat-hint>
            </mat-form-field>
            <button mat-flat-button type="submit" data-testid="minutes-approve">{{ 'minutes.approve' | transloco }}</button>
          </form>
        }
        @if (v.status === 'APPROVED') {
          <p>{{ 'minutes.approvedOn' | transloco }} {{ v.approvedAt | appDate: 'dateTime' }}@if (v.approvalReason) { ({{ v.approvalReason }}) }. SHA-256: <code>{{ v.sha256 }}</code></p>
          @for (a of v.addenda; track a.id) { <p class="pre">{{ 'minutes.addendum' | transloco }} {{ a.createdAt | appDate: 'dateTime' }}: {{ a.text }}</p> }
          @if (v.can.addendum) {
            <form class="buttons" (ngSubmit)="addendum()">
              <mat-form-field class="full">
                <mat-label>{{ 'minutes.addendumLabel' | transloco }}</mat-label>
                <input matInput name="addendum" [(ngModel)]="addendumText" />
              </mat-form-field>
              <button mat-stroked-button type="submit">{{ 'minutes.addAddendum' | transloco }}</button>
            </form>
          }
        }
      </section>
    } @else if (notice(); as n) {
      <section aria-labelledby="minutes-heading" data-testid="minutes-notice">
        <h2 id="minutes-heading">{{ 'minutes.title' | transloco }}</h2>
        <p class="notice" role="note">{{ n | transloco }}</p>
      </section>
    }
  `,
})
export class MinutesPanel {
  private readonly http = inject(HttpClient);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(TranslocoService);
  readonly meetingId = input.required<string>();
  /** The meeting's status: closing it drafts the minutes, so the panel loads again when it changes (no reload needed). */
  readonly meetingStatus = input<MeetingStatus | null>(null);
  /** The viewer's organisation was marked absent or excused: they get the minutes once approved, not to comment on. */
  readonly viewerAbsent = input(false);

  /** 404 means: no minutes yet, or not for this reader. The panel then says why, once the meeting is closed. */
  protected readonly minutes = resource({
    params: () => ({ id: this.meetingId(), status: this.meetingStatus() }),
    loader: ({ params }) => firstValueFrom(this.http.get<MinutesView>(`/api/meetings/${params.id}/minutes`, handlesErrors())),
  });
  /** The minutes, or undefined while loading or when there are none for this reader (reading a failed resource's value throws). */
  protected readonly current = computed(() => (this.minutes.hasValue() ? this.minutes.value() : undefined));
  protected readonly texts = linkedSignal<Record<string, string>>(() =>
    Object.fromEntries((this.current()?.sections ?? []).map((s) => [s.id, s.text])),
  );
  protected readonly error = signal<string | null>(null);
  /** Why a reader of a closed meeting sees no minutes (yet). */
  protected readonly notice = computed(() => {
    if (this.meetingStatus() !== 'CLOSED' || !this.minutes.error()) return null;
    return this.viewerAbsent() ? 'minutes.absentNotice' : 'minutes.notYetSentNotice';
  });
  protected commentTexts: Record<string, string> = {};
  protected reason = '';
  protected addendumText = '';

  /** Section texts changed and not saved, or a comment or addendum typed and not placed (the page asks before leaving). */
  hasUnsavedInput(): boolean {
    const saved = this.current()?.sections ?? [];
    return (
      saved.some((section) => (this.texts()[section.id] ?? section.text) !== section.text) ||
      Object.values(this.commentTexts).some((text) => !!text?.trim()) ||
      !!this.addendumText.trim()
    );
  }

  protected setText(id: string, text: string): void {
    this.texts.update((t) => ({ ...t, [id]: text }));
  }

  protected save(v: MinutesView): Promise<void> {
    const sections = Object.entries(this.texts()).map(([id, text]) => ({ id, text }));
    return this.run(this.http.patch(`/api/meetings/${this.meetingId()}/minutes`, { sections, version: v.version }, handlesErrors()));
  }

  protected post(path: string, body: object = {}): Promise<void> {
    return this.run(this.http.post(`/api/meetings/${this.meetingId()}/minutes/${path}`, body, handlesErrors()));
  }

  protected async comment(sectionId: string): Promise<void> {
    const text = this.commentTexts[sectionId]?.trim();
    if (!text) return;
    await this.post('comments', { sectionId, text });
    if (!this.error()) this.commentTexts[sectionId] = '';
  }

  protected resolve(commentId: string): Promise<void> {
    return this.post(`comments/${commentId}/resolve`);
  }

  /** Sending is a step to confirm: the partners who were present receive the minutes to comment on. */
  protected async send(): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: this.i18n.translate('minutes.sendTitle'),
      message: this.i18n.translate('minutes.sendText'),
      confirm: this.i18n.translate('minutes.sendConfirm'),
      cancel: this.i18n.translate('action.cancel'),
    });
    if (ok) await this.post('send');
  }

  /** Approving locks the record for good (attendance included) and fixes its SHA-256 hash: confirmed first. */
  protected async approve(): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: this.i18n.translate('minutes.approveTitle'),
      message: this.i18n.translate('minutes.approveText'),
      confirm: this.i18n.translate('minutes.approveConfirm'),
      cancel: this.i18n.translate('action.cancel'),
    });
    if (ok) await this.post('approve', this.reason.trim() ? { reason: this.reason.trim() } : {});
  }

  protected async addendum(): Promise<void> {
    await this.post('addenda', { text: this.addendumText });
    if (!this.error()) this.addendumText = '';
  }

  private async run(request: ReturnType<HttpClient['post']>): Promise<void> {
    this.error.set(null);
    try {
      await firstValueFrom(request);
      this.minutes.reload();
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}

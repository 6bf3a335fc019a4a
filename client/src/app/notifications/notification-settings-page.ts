import { ChangeDetectionStrategy, Component, computed, HostListener, inject, resource, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { NotificationKind, NotificationMode, NotificationSettingsView } from '@casustafel/contract/notifications';
import { timeInAmsterdam } from '../ui/amsterdam-time';
import { ErrorSummary } from '../ui/error-summary';
import { FormSubmit } from '../ui/form-submit';
import { ResourceState } from '../ui/resource-state';
import { warnBeforeUnload, type HoldsUnsavedInput } from '../ui/unsaved-input';
import { NotificationsApi } from './notifications-api';

type SettingsForm = FormGroup<Record<string, FormControl<NotificationMode>>>;

/**
 * `/account/meldingen` (issue #14): per kind of notification how it reaches the user by e-mail — at once,
 * in the daily digest, or not (the bell in the app shows every notification anyway). Saving sends only the
 * kinds whose choice differs from what the server last said (kinds not named keep their setting); with
 * nothing changed nothing is sent.
 */
@Component({
  selector: 'app-notification-settings-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatIconModule, MatRadioModule, TranslocoPipe, ResourceState, ErrorSummary],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .lead-list { margin: 0 0 24px; padding-left: 20px; color: var(--mat-sys-on-surface-variant); }
    form { max-width: 760px; }
    fieldset { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; margin: 0 0 12px; padding: 8px 16px 12px; }
    legend { font: var(--mat-sys-title-small); padding: 0 4px; }
    mat-radio-group { display: flex; flex-wrap: wrap; gap: 0 16px; }
    .actions { display: flex; align-items: center; gap: 16px; margin-top: 16px; }
    .status { color: var(--mat-sys-on-surface-variant); }
  `,
  template: `
    <div class="page">
      <nav class="crumbs" [attr.aria-label]="'crumbs.label' | transloco">
        <a mat-button routerLink="/account"><mat-icon>arrow_back</mat-icon>{{ 'profile.title' | transloco }}</a>
      </nav>
      <h1>{{ 'notificationSettings.title' | transloco }}</h1>
      <ul class="lead-list">
        <li>{{ 'notificationSettings.leadApp' | transloco }}</li>
        <li>{{ 'notificationSettings.leadMail' | transloco }}</li>
        <li>{{ 'notificationSettings.leadPrivacy' | transloco }}</li>
      </ul>
      <app-resource-state [resource]="settings" [empty]="false" [emptyTitle]="''" [emptyText]="''">
        @if (form(); as settingsForm) {
          <form [formGroup]="settingsForm" (ngSubmit)="save()" novalidate data-testid="notification-settings">
            <app-error-summary [submit]="submit" />
            @for (s of settings.value()?.settings ?? []; track s.kind) {
              <fieldset [attr.data-testid]="'setting-' + s.kind">
                <legend [id]="'kind-' + s.kind">{{ 'notificationSettings.kinds.' + s.kind | transloco }}</legend>
                <mat-radio-group [formControlName]="s.kind" [attr.aria-labelledby]="'kind-' + s.kind" (change)="status.set(null)">
                  @for (m of s.modes; track m) {
                    <mat-radio-button [value]="m" [attr.data-testid]="s.kind + '-' + m">
                      {{ 'notificationSettings.modes.' + m | transloco: { hour: digestHour() } }}
                    </mat-radio-button>
                  }
                </mat-radio-group>
              </fieldset>
            }
            <div class="actions">
              <button mat-flat-button type="submit" [disabled]="submit.busy()" data-testid="save">{{ 'notificationSettings.save' | transloco }}</button>
              <span class="status" role="status" data-testid="save-status">
                @if (status(); as s) {
                  {{ 'notificationSettings.' + s.key | transloco: { time: s.time } }}
                }
              </span>
            </div>
          </form>
        }
      </app-resource-state>
    </div>
  `,
})
export class NotificationSettingsPage implements HoldsUnsavedInput {
  private readonly api = inject(NotificationsApi);

  protected readonly settings = resource({ loader: () => this.api.settings() });
  protected readonly submit = new FormSubmit();
  /** After saving: "Opgeslagen 14:02", or that nothing had changed. */
  protected readonly status = signal<{ key: 'saved' | 'unchanged'; time: string } | null>(null);
  /** "07" for the digest's "om 07:00". */
  protected readonly digestHour = computed(() => String(this.settings.value()?.digestHour ?? 7).padStart(2, '0'));

  /** One radio group per kind, holding what the server last said (a fresh, untouched form after every load and save). */
  protected readonly form = computed<SettingsForm | null>(() => {
    const view = this.settings.value();
    if (!view) return null;
    return new FormGroup(
      Object.fromEntries(view.settings.map((s) => [s.kind, new FormControl<NotificationMode>(s.mode, { nonNullable: true })])),
    );
  });

  protected async save(): Promise<void> {
    const view = this.settings.value();
    const form = this.form();
    if (!view || !form) return;
    const changed = view.settings
      .map((s) => ({ kind: s.kind, mode: form.controls[s.kind].value }))
      .filter((choice, i) => choice.mode !== view.settings[i].mode) satisfies { kind: NotificationKind; mode: NotificationMode }[];
    const time = timeInAmsterdam(new Date());
    if (changed.length === 0) {
      form.markAsPristine();
      this.status.set({ key: 'unchanged', time });
      return;
    }
    let saved = null as NotificationSettingsView | null;
    const ok = await this.submit.run(form, async (submission) => {
      saved = await this.api.saveSettings(changed, submission.options);
    });
    if (!ok || !saved) return;
    this.settings.set(saved);
    this.status.set({ key: 'saved', time });
  }

  /** A choice made and not yet saved. */
  hasUnsavedInput(): boolean {
    return !!this.form()?.dirty && !this.submit.busy();
  }

  @HostListener('window:beforeunload', ['$event'])
  protected beforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(this, event);
  }
}

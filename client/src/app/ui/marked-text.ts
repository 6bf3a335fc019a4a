import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { IdentifyingFinding } from '@casustafel/contract/question-rules';

interface Segment {
  text: string;
  kind: IdentifyingFinding['kind'] | null;
}

/** The text with its identifying data marked in place, each mark saying what was found. */
@Component({
  selector: 'app-marked-text',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: block; white-space: pre-wrap; padding: 8px 12px; border-radius: 8px; background: var(--mat-sys-surface-container); }
    mark { background: #ffd8d6; color: #5c0000; border-bottom: 2px solid #b3261e; padding: 0 2px; }
    .kind { font-size: 11px; font-weight: 500; margin-left: 2px; }
  `,
  template: `@for (s of segments(); track $index) {@if (s.kind) {<mark [attr.data-kind]="s.kind">{{ s.text }}<span class="kind">[{{ 'identifying.' + s.kind | transloco }}]</span></mark>} @else {{{ s.text }}}}`,
})
export class MarkedText {
  readonly text = input.required<string>();
  readonly findings = input.required<IdentifyingFinding[]>();

  protected readonly segments = computed<Segment[]>(() => {
    const text = this.text();
    const out: Segment[] = [];
    let at = 0;
    for (const f of [...this.findings()].sort((a, b) => a.start - b.start)) {
      if (f.start < at || f.end > text.length) continue;
      if (f.start > at) out.push({ text: text.slice(at, f.start), kind: null });
      out.push({ text: text.slice(f.start, f.end), kind: f.kind });
      at = f.end;
    }
    if (at < text.length) out.push({ text: text.slice(at), kind: null });
    return out;
  });
}

import { inject, Injectable } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslocoService } from '@jsverse/transloco';

/** The paginator speaks the user's language ("Items per pagina", "1 – 20 van 45"), and switches with it. */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly i18n = inject(TranslocoService);

  constructor() {
    super();
    this.i18n.selectTranslation().subscribe(() => {
      this.itemsPerPageLabel = this.i18n.translate('paginator.itemsPerPage');
      this.nextPageLabel = this.i18n.translate('paginator.next');
      this.previousPageLabel = this.i18n.translate('paginator.previous');
      this.firstPageLabel = this.i18n.translate('paginator.first');
      this.lastPageLabel = this.i18n.translate('paginator.last');
      this.changes.next();
    });
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0 || pageSize === 0) return this.i18n.translate('paginator.rangeEmpty', { length });
    const start = page * pageSize;
    const end = Math.min(start + pageSize, Math.max(length, 0));
    return this.i18n.translate('paginator.range', { start: start + 1, end, length });
  };
}

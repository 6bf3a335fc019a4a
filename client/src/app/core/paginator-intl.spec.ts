import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatPaginatorIntl, MatPaginatorModule } from '@angular/material/paginator';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { componentTestProviders, settle } from '../testing/component-testing';
import { TranslatedPaginatorIntl } from './paginator-intl';

@Component({
  selector: 'app-test-paginator',
  imports: [MatPaginatorModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<mat-paginator [length]="45" [pageSize]="20" [pageSizeOptions]="[20, 50]" [showFirstLastButtons]="true" />`,
})
class TestPaginator {}

describe(TranslatedPaginatorIntl.name, () => {
  it('speaks Dutch: the range, the page size label and the buttons', async () => {
    TestBed.configureTestingModule({
      providers: [...componentTestProviders(), { provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
    });
    const fixture = TestBed.createComponent(TestPaginator);
    await settle(fixture);
    const paginator = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatPaginatorHarness);
    expect(await paginator.getRangeLabel()).toBe('1 – 20 van 45');
    await paginator.goToNextPage();
    expect(await paginator.getRangeLabel()).toBe('21 – 40 van 45');
    const element = fixture.nativeElement as HTMLElement;
    expect(element.textContent).toContain('Items per pagina');
    expect(element.querySelector('[aria-label="Volgende pagina"]')).not.toBeNull();
    expect(element.querySelector('[aria-label="Eerste pagina"]')).not.toBeNull();
  });
});

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { IDEMPOTENCY_HEADER } from '@casustafel/contract/meeting-rules';
import { componentTestProviders, settle, turn } from '../testing/component-testing';
import { MeetingListPage } from './meeting-list-page';

describe(MeetingListPage.name, () => {
  it('plans one meeting on a double click, with an Idempotency-Key, the time sent as typed (Amsterdam time)', async () => {
    TestBed.configureTestingModule({ providers: componentTestProviders() });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(MeetingListPage);
    fixture.componentRef.setInput('id', 'n1');
    await turn(fixture);
    for (const r of http.match((req) => req.url === '/api/networks/n1'))
      r.flush({ id: 'n1', name: 'Buurtnetwerk', kind: 'NEIGHBOURHOOD', myRole: 'COORDINATOR', canManage: true });
    for (const r of http.match((req) => req.url === '/api/networks/n1/meetings')) r.flush([]);
    await turn(fixture);
    // The network header asks whether the confidentiality statement is accepted.
    for (const r of http.match((req) => req.url === '/api/networks/n1/confidentiality')) r.flush({ valid: true, statement: '' });
    await settle(fixture);

    const loader = TestbedHarnessEnvironment.loader(fixture);
    await (await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="meeting-startsAt"]' }))).setValue('2027-03-30T14:00');
    const plan = await loader.getHarness(MatButtonHarness.with({ text: 'Plannen' }));
    const button = (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="meeting-plan"]')!;
    button.click();
    button.click();
    await turn(fixture);

    const requests = http.match({ method: 'POST', url: '/api/networks/n1/meetings' });
    expect(requests).toHaveLength(1);
    expect(requests[0].request.body).toEqual({ startsAt: '2027-03-30T14:00', durationMinutes: 90 });
    expect(requests[0].request.headers.get(IDEMPOTENCY_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
    expect(await plan.isDisabled()).toBe(true);

    requests[0].flush({ id: 'm1' });
    await turn(fixture);
    http.expectOne({ method: 'GET', url: '/api/networks/n1/meetings' }).flush([]);
    await settle(fixture);
    expect(await plan.isDisabled()).toBe(false);
    // Planned: the date is cleared and leaving asks nothing; typing a new date makes leaving ask again.
    const startsAt = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="meeting-startsAt"]' }));
    expect(await startsAt.getValue()).toBe('');
    expect((fixture.nativeElement as HTMLElement).querySelector('mat-error')).toBeNull();
    expect(fixture.componentInstance.hasUnsavedInput()).toBe(false);
    await startsAt.setValue('2027-04-27T14:00');
    expect(fixture.componentInstance.hasUnsavedInput()).toBe(true);
    http.verify();
  });
});

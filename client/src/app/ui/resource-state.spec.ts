import { HttpErrorResponse } from '@angular/common/http';
import { signal, type Resource } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { componentTestProviders, settle } from '../testing/component-testing';
import { ResourceState } from './resource-state';

/** A resource that failed with the given error, as the pages' loaders leave it. */
function failed(error: unknown): Resource<unknown> {
  return {
    value: signal(undefined),
    status: signal('error'),
    error: signal(error),
    isLoading: signal(false),
    hasValue: () => false,
  } as unknown as Resource<unknown>;
}

describe(ResourceState.name, () => {
  async function render(error: unknown): Promise<string> {
    TestBed.configureTestingModule({ providers: componentTestProviders() });
    const fixture = TestBed.createComponent(ResourceState);
    fixture.componentRef.setInput('resource', failed(error));
    fixture.componentRef.setInput('empty', false);
    fixture.componentRef.setInput('emptyTitle', 'Leeg');
    fixture.componentRef.setInput('emptyText', 'Niets');
    await settle(fixture);
    return (fixture.nativeElement as HTMLElement).querySelector('[data-testid="load-failed"]')!.textContent!.trim();
  }

  it('says a refused list is not for this role, not that loading failed', async () => {
    const refusal = new HttpErrorResponse({ status: 403, error: { message: 'Je hebt geen toestemming voor deze handeling.' } });
    expect(await render(refusal)).toBe('Je hebt in dit netwerk geen toegang tot deze gegevens.');
  });

  it('recognises the refusal inside Angular’s wrapper too', async () => {
    expect(await render({ cause: new HttpErrorResponse({ status: 403 }) })).toBe('Je hebt in dit netwerk geen toegang tot deze gegevens.');
  });

  it('asks to reload after any other failure', async () => {
    expect(await render(new HttpErrorResponse({ status: 500 }))).toBe('Laden is mislukt. Vernieuw de pagina om het opnieuw te proberen.');
  });
});

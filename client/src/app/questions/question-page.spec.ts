import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { QuestionView } from '@casustafel/contract/questions';
import { componentTestProviders, settle } from '../testing/component-testing';
import { QuestionPage } from './question-page';

const asked: QuestionView = {
  id: 'q1',
  networkId: 'n1',
  title: 'Buurman komt al weken niet buiten',
  situation: 'Een man van rond de 70 komt al weken niet buiten.',
  question: 'Moeten we ons zorgen maken?',
  neighbourhood: 'Soesterkwartier',
  ageBand: '65_TO_79',
  problemAreas: [],
  status: 'SUBMITTED',
  submittedBy: { organisation: { id: 'o2', name: 'Diaconie' }, label: 'Diaconie', isYourOrganisation: true },
  createdAt: '2026-01-05T09:00:00.000Z',
  answer: null,
  messages: [],
  convertedCaseId: null,
  can: { answer: false, message: true, withdraw: true, convert: true },
};

describe(QuestionPage.name, () => {
  let fixture: ComponentFixture<QuestionPage>;
  let http: HttpTestingController;

  async function render(question: QuestionView): Promise<void> {
    TestBed.configureTestingModule({ providers: componentTestProviders() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(QuestionPage);
    fixture.componentRef.setInput('id', 'q1');
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve, 0));
    http.expectOne('/api/questions/q1').flush(question);
    await settle(fixture);
  }

  const convertForm = () => (fixture.nativeElement as HTMLElement).querySelector('[data-testid="convert-submit"]');

  afterEach(() => http.verify());

  it('does not offer the volunteer rep the "convert into a case" form right after asking', async () => {
    await render(asked);
    expect(convertForm()).toBeNull();
  });

  it('does not offer it when the answer gives only advice', async () => {
    await render({
      ...asked,
      status: 'ANSWERED',
      answer: { advice: 'Ga samen langs.', severity: 'LOW', recommendation: 'ADVICE_ONLY', answeredAt: '2026-01-06T09:00:00.000Z' },
    });
    expect(convertForm()).toBeNull();
  });

  it('offers it when the answer recommends bringing the question in as a case', async () => {
    await render({
      ...asked,
      status: 'ANSWERED',
      answer: {
        advice: 'Vraag toestemming.',
        severity: 'HIGH',
        recommendation: 'BRING_IN_AS_CASE_WITH_CONSENT',
        answeredAt: '2026-01-06T09:00:00.000Z',
      },
    });
    expect(convertForm()).not.toBeNull();
  });
});

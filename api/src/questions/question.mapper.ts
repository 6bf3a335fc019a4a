import type { QuestionMessageView, QuestionView } from '@casustafel/contract/questions';
import type { QuestionMessage } from './question-message.entity';
import type { Question } from './question.entity';

export const ANONYMOUS_SUBMITTER = 'een vrijwilligersorganisatie';

export function toQuestionView(
  q: Question,
  context: {
    convertedCaseId: string | null;
    organisationName: string;
    showSubmitter: boolean;
    isSubmittingOrganisation: boolean;
    messages: QuestionMessageView[];
    can: QuestionView['can'];
  },
): QuestionView {
  return {
    id: q.id,
    networkId: q.networkId,
    title: q.title,
    situation: q.situation,
    question: q.question,
    neighbourhood: q.neighbourhood,
    ageBand: q.ageBand,
    problemAreas: q.problemAreas,
    status: q.status,
    submittedBy: context.showSubmitter
      ? {
          organisation: { id: q.submittedByOrganisationId, name: context.organisationName },
          label: context.organisationName,
          isYourOrganisation: context.isSubmittingOrganisation,
        }
      : { organisation: null, label: ANONYMOUS_SUBMITTER, isYourOrganisation: false },
    createdAt: q.createdAt.toISOString(),
    answer: answerOf(q),
    messages: context.messages,
    convertedCaseId: context.convertedCaseId,
    can: context.can,
  };
}

/** The coordinator's advice on a question, once answered. */
export function answerOf(q: Question): QuestionView['answer'] {
  return q.advice && q.severity && q.recommendation && q.answeredAt
    ? { advice: q.advice, severity: q.severity, recommendation: q.recommendation, answeredAt: q.answeredAt.toISOString() }
    : null;
}

export function toMessageView(m: QuestionMessage, author: { name: string; organisation: string } | null): QuestionMessageView {
  return { id: m.id, author, fromCoordinator: m.fromCoordinator, text: m.text, createdAt: m.createdAt.toISOString() };
}

import type { CaseDisclosureFacts } from './disclosure.service';

/** A case as the privacy machinery sees it: what the disclosure policy decides on, and its label. */
export interface CaseFacts extends CaseDisclosureFacts {
  networkId: string;
  number: string;
  pseudonym: string;
}

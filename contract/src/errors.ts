import type { IdentifyingFinding } from './question-rules';

/** Every error response of the API has this shape; `message` is one Dutch sentence (or several joined). */
export interface ApiError {
  statusCode: number;
  message: string;
  error: string;
  /** Per-field validation messages, when the request body was invalid. */
  fields?: Record<string, string[]>;
}

/** 422: free text held identifying data; nothing was stored. The findings say where (kind and position, never the text). */
export interface IdentifyingDataError extends ApiError {
  findings: IdentifyingFinding[];
}

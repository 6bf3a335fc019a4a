/** Every error response of the API has this shape; `message` is one Dutch sentence (or several joined). */
export interface ApiError {
  statusCode: number;
  message: string;
  error: string;
  /** Per-field validation messages, when the request body was invalid. */
  fields?: Record<string, string[]>;
}

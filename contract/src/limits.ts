/** Limits the client checks before sending and the server enforces. Plain values: no validation library here. */
export const PASSWORD_MIN_LENGTH = 12;

/** The signed-in user as the API sees them on every request. */
export interface Viewer {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  organisationId: string;
  /** Address of the request, for the access log. */
  ip?: string;
}

/** What an operation answers; its surface's renderer turns it into an HTTP response. */
export interface Reply {
  status: number;
  /** A JSON body, serialised by the surface. */
  json?: unknown;
  /** An XML body. */
  xml?: string;
  headers?: Record<string, string>;
}

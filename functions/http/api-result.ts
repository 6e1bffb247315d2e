/** What a route implementation answers, before it becomes an API Gateway result. */
export interface ApiResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Defaults to application/json when there is a body. */
  contentType?: string;
  /**
   * A body already serialised (instead of `body`): sent as is, base64-encoded when binary (e.g. gzip,
   * with a content-encoding header), as API Gateway expects of a Lambda proxy result.
   */
  encodedBody?: { body: string; isBase64Encoded: boolean };
}

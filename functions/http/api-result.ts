/** What a route implementation answers, before it becomes an API Gateway result. */
export interface ApiResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Defaults to application/json when there is a body. */
  contentType?: string;
}

import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

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

/** The Lambda proxy result (payload 2.0) API Gateway turns into the HTTP answer. */
export function toApiGatewayResult(result: ApiResult): APIGatewayProxyStructuredResultV2 {
  const headers: Record<string, string> = { ...result.headers };
  if (result.encodedBody) {
    headers['content-type'] = result.contentType ?? 'application/json';
    return { statusCode: result.status, headers, ...result.encodedBody };
  }
  if (result.body === undefined) return { statusCode: result.status, headers };
  headers['content-type'] = result.contentType ?? 'application/json';
  return { statusCode: result.status, headers, body: JSON.stringify(result.body) };
}

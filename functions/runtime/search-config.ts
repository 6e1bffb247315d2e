/**
 * The key that signs "Find a Client" search cursors (SEARCH_CURSOR_KEY, functions/runtime/env.ts),
 * read once per process. In AWS the CDK stack provides it from a secret to the one route that
 * declares it; in the embedded mode it lives in DATA_DIR/keys.
 */
import { type CursorCodec, hmacCursorCodec } from '../domain/search-cursor';
import { readEnv } from './env';

let codec: CursorCodec | undefined;

export function searchCursorCodec(): CursorCodec {
  codec ??= hmacCursorCodec(Buffer.from(readEnv('searchCursorKey').SEARCH_CURSOR_KEY, 'base64'));
  return codec;
}

/**
 * Configuration of "Find a Client", read once per process through a schema: the key that signs
 * search cursors. Missing or short, the function stops at start with a message naming the variable.
 * In AWS the CDK stack provides it from a secret; in the embedded mode it lives in DATA_DIR/keys.
 */
import * as z from 'zod';
import { hmacCursorCodec, type CursorCodec } from '../domain/search-cursor';

const SearchConfigSchema = z.object({
  /** At least 32 random bytes, base64 (standard or URL-safe alphabet). */
  SEARCH_CURSOR_KEY: z
    .string({ error: 'is required (base64 of at least 32 random bytes)' })
    .refine((value) => Buffer.from(value, 'base64').length >= 32, 'must be base64 of at least 32 random bytes'),
});

let codec: CursorCodec | undefined;

export function searchCursorCodec(env: NodeJS.ProcessEnv = process.env): CursorCodec {
  if (!codec) {
    const result = SearchConfigSchema.safeParse(env);
    if (!result.success) {
      const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      throw new Error(`Invalid configuration (environment variables): ${problems}`);
    }
    codec = hmacCursorCodec(Buffer.from(result.data.SEARCH_CURSOR_KEY, 'base64'));
  }
  return codec;
}

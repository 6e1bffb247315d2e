/**
 * Gives every zod schema `.openapi()`, so the schemas that validate requests also generate the
 * OpenAPI document (they cannot drift). Schema modules import this for its effect, before defining
 * anything, and take zod itself as `import * as z from 'zod'`.
 *
 * Why not `extendZodWithOpenApi(z)` and re-export `z`: handing zod's namespace object to a function
 * (or re-exporting it) makes esbuild keep every export of zod, its 40+ locales included, in every
 * Lambda bundle (about 450 KB minified). The extension only patches `ZodType.prototype`, so it gets
 * just that class, and each bundle keeps only the parts of zod its schemas use (about 90 KB).
 */
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { ZodType } from 'zod';

extendZodWithOpenApi({ ZodType } as unknown as Parameters<typeof extendZodWithOpenApi>[0]);

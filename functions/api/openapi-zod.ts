/**
 * The one `z` every schema imports: zod extended with `.openapi()` so the same schemas that validate
 * requests also generate the OpenAPI document (they cannot drift).
 */
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export { z };

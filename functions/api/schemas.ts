/**
 * Response schemas that are not a domain entity's own. Request rules live beside their entity in
 * functions/domain; everything here only describes answers for the OpenAPI document.
 */
import * as z from 'zod';

export const OpenApiDocumentSchema = z
  .looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) })
  .meta({ id: 'OpenApiDocument' });

export const HealthSchema = z.object({ status: z.literal('ok'), version: z.string() }).meta({ id: 'Health' });

const LabelSchema = z.object({ en: z.string(), fr: z.string() }).meta({ id: 'Label' });
const CodedValueSchema = z.object({ code: z.string(), label: LabelSchema }).meta({ id: 'CodedValue' });

export const ReferenceDataSchema = z
  .object({
    genders: z.array(CodedValueSchema),
    immigrationStatuses: z.array(CodedValueSchema),
    sessionTypes: z.array(CodedValueSchema),
    deliveryMethods: z.array(CodedValueSchema),
    arrivalYear: z.object({ min: z.int(), max: z.int() }),
    languages: z.array(z.enum(['en', 'fr'])),
    receiptFormats: z.array(z.enum(['pdf', 'csv'])),
  })
  .meta({ id: 'ReferenceData' });

export const ProblemSchema = z
  .object({
    type: z.string().meta({ example: 'urn:newcomer-intake:problem:invalid-request' }),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    instance: z.string().meta({ description: 'Identifies this occurrence; quote it to support (it is the correlation id in our logs).' }),
    errors: z
      .array(z.object({ pointer: z.string().meta({ example: '/postalCode' }), detail: z.string() }))
      .optional()
      .meta({ description: 'Every bad field of the request, as JSON Pointers into its body.' }),
  })
  .meta({ id: 'Problem' });

export const IdempotencyHeadersSchema = z.object({
  'Idempotency-Key': z
    .string()
    .optional()
    .meta({
      param: { name: 'Idempotency-Key', in: 'header' },
      description:
        'Up to 255 visible ASCII characters. The same key and body within 24 hours replays the first 201 answer (with Idempotent-Replayed: true); the same key with another body is a 422; while the first request is still being written, 409 with Retry-After. Keys are scoped to the agency and the user.',
    }),
});

/** Every route takes it: problem+json answers are written in the language it prefers. */
export const AcceptLanguageHeadersSchema = z.object({
  'Accept-Language': z
    .string()
    .optional()
    .meta({
      param: { name: 'Accept-Language', in: 'header' },
      description:
        'The language of problem+json `title`, `detail` and `errors[].detail` (RFC 9110 q-values): French for `fr` or a regional ' +
        'variant (`fr-CA`), English otherwise or when absent. Successful answers do not depend on it.',
      example: 'fr-CA,fr;q=0.9,en;q=0.8',
    }),
});

export const IfMatchHeadersSchema = z.object({
  'If-Match': z.string().meta({
    param: { name: 'If-Match', in: 'header', required: true },
    description: 'The ETag of the version being edited (from GET or the last edit), or "*".',
    example: '"3"',
  }),
});

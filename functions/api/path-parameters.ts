/**
 * The path parameters of the route table, each bounded in length and alphabet so that a value that
 * cannot be an id never reaches a store (an 8,000-character site id once reached DynamoDB and broke
 * its key-size limit). The route pipeline answers a value that fails with the route's 404.
 */
import * as z from 'zod';
import { ID_PATTERN, SITE_ID_PATTERN } from '../domain/ids';

const idParameter = (name: string, example: string) =>
  z
    .string()
    .regex(ID_PATTERN)
    .meta({ param: { name, in: 'path' }, example, description: '26 characters of Crockford base32.' });

export const ClientIdParamsSchema = z.object({ clientId: idParameter('clientId', '7M2K9Q4TZ8W3XH5RBN6CDFJPVA') });

export const ClientReceiptParamsSchema = ClientIdParamsSchema.extend({ receiptId: idParameter('receiptId', 'R3QK7M2N8P4R6T9V1W5X0Y2Z4A') });

export const SiteIdParamsSchema = z.object({
  siteId: z
    .string()
    .regex(SITE_ID_PATTERN)
    .meta({ param: { name: 'siteId', in: 'path' }, example: 'ON-SCH-000042' }),
});

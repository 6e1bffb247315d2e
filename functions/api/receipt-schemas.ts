/** Path parameters of the receipt routes (kept apart from schemas.ts, which other routes extend). */
import './openapi-zod';
import * as z from 'zod';

export const ClientReceiptParamsSchema = z.object({
  clientId: z.string().openapi({ param: { name: 'clientId', in: 'path' }, example: '7M2K9Q4TZ8W3XH5RBN6CDFJPVA' }),
  receiptId: z.string().openapi({ param: { name: 'receiptId', in: 'path' }, example: 'R3QK7M2N8P4R6T9V1W5X0Y2Z4A' }),
});

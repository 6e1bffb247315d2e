/**
 * Receipts (CONTRACT §7): "Save as" a format, "Print in" a language, stored as a file and retrieved by a
 * short-lived link. The shapes here are the API's; storage keys live in the adapters.
 */
import * as z from 'zod';
import { LANGUAGES, RECEIPT_FORMATS } from '../reference-data';

export type ReceiptFormat = (typeof RECEIPT_FORMATS)[number];
export type ReceiptLanguage = (typeof LANGUAGES)[number];

export const RECEIPT_DISPOSITIONS = ['attachment', 'inline'] as const;
export type ReceiptDisposition = (typeof RECEIPT_DISPOSITIONS)[number];

/**
 * How the link's answer presents the file: `attachment` saves it ("Save as"), `inline` opens it in the
 * browser's own PDF viewer, from which staff print ("Print the Registration Receipt"). A choice of the
 * link, not of the stored receipt: the same receipt can be fetched either way.
 */
const DispositionSchema = z.enum(RECEIPT_DISPOSITIONS).default('attachment').meta({
  description: 'How the link presents the file: attachment (download, "Save as", the default) or inline (opens in the browser, to print).',
});

export const ReceiptRequestSchema = z
  .strictObject({
    format: z.enum(RECEIPT_FORMATS).meta({ description: '"Save as": pdf or csv.' }),
    language: z.enum(LANGUAGES).meta({ description: '"Print in": en or fr.' }),
    disposition: DispositionSchema,
  })
  .meta({ id: 'ReceiptRequest' });

/** `?disposition=` of the receipt GET routes. */
export const ReceiptLinkQuerySchema = z.strictObject({ disposition: DispositionSchema });

export type ReceiptRequest = z.output<typeof ReceiptRequestSchema>;

export const ReceiptSchema = z
  .object({
    receiptId: z.string().meta({ example: '3QK7M2N8P4R6T9V1W5X0Y2Z4AB' }),
    clientId: z.string(),
    format: z.enum(RECEIPT_FORMATS),
    language: z.enum(LANGUAGES),
    createdAt: z.string().meta({ format: 'date-time' }),
    bytes: z.int().positive().meta({ description: 'Size of the file.' }),
    sha256: z.string().meta({ description: 'SHA-256 of the file, hex.' }),
    url: z.string().meta({
      format: 'uri',
      description: 'Presigned GET link; downloads as anonymous-client-<short id>-receipt.<ext>. Valid until urlExpiresAt.',
    }),
    urlExpiresAt: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'Receipt' });

export type Receipt = z.output<typeof ReceiptSchema>;

export const ReceiptListSchema = z.object({ items: z.array(ReceiptSchema) }).meta({ id: 'ReceiptList' });

export const RECEIPT_CONTENT_TYPES: Record<ReceiptFormat, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
};

/** The short id people see in file names: the first 8 characters of the client id. */
export function shortClientId(clientId: string): string {
  return clientId.slice(0, 8);
}

/** The name the browser saves the file under. */
export function receiptFileName(clientId: string, format: ReceiptFormat): string {
  return `anonymous-client-${shortClientId(clientId)}-receipt.${format}`;
}

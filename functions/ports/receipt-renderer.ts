import type { ReceiptContext } from '../domain/receipts/receipt-content';

/**
 * Renders a receipt's content, in the language the context names, as a PDF file. Implemented in
 * functions/adapters/pdf (pdf-lib, fontkit and HarfBuzz, with fonts read from their packages); the
 * receipt service only ever sees the bytes. Must not log or throw with the text it renders.
 */
export interface ReceiptRenderer {
  renderPdf(context: ReceiptContext): Promise<Uint8Array>;
}

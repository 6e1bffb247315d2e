/**
 * The ReceiptRenderer port, with the PDF renderer (./pdf-receipt.ts and what it uses) loaded on the first
 * PDF, not at import: pdf-lib and fontkit are 1.4 MB that CSV receipts and the other receipt handlers
 * never need. `#pdf-renderer` (package.json "imports") is ./pdf-receipt.ts here; the Lambda bundle
 * leaves it out and ships it as a file of its own that only this call reads (lib/bundling.ts,
 * PDF_RENDERER).
 */
import type { ReceiptContext } from '../../domain/receipts/receipt-content';
import type { ReceiptRenderer } from '../../ports/receipt-renderer';

export class LazyPdfReceiptRenderer implements ReceiptRenderer {
  async renderPdf(context: ReceiptContext): Promise<Uint8Array> {
    const { renderPdfReceipt } = await import('#pdf-renderer');
    return renderPdfReceipt(context);
  }
}

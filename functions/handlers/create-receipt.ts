/** POST /v1/anonymous-clients/{clientId}/receipts: render a receipt, store it, answer it with a link. */
import { receiptRoutes } from '../api/routes/receipt-routes';
import { routeIn } from '../api/routes/route-definition';
import { createReceipt, type ReceiptDependencies } from '../domain/receipts/receipt-service';
import { httpRoute } from '../http/route-pipeline';
import { receiptDependencies } from '../runtime/receipt-dependencies';

export function createCreateReceiptHandler(deps: () => ReceiptDependencies = receiptDependencies) {
  return httpRoute(routeIn(receiptRoutes, 'createReceipt'), async ({ caller, body, params, metrics }) => {
    const receipt = await createReceipt(params.clientId, body, caller, deps());
    metrics.count('ReceiptsCreated', 1, { format: receipt.format, language: receipt.language });
    return {
      status: 201,
      body: receipt,
      headers: { location: `/v1/anonymous-clients/${receipt.clientId}/receipts/${receipt.receiptId}`, 'cache-control': 'no-store' },
    };
  });
}

export const handler = createCreateReceiptHandler();

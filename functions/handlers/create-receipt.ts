/** POST /v1/anonymous-clients/{clientId}/receipts: render a receipt, store it, answer it with a link. */
import { receiptRoutes } from '../api/routes/receipt-routes';
import { routeIn } from '../api/routes/route-definition';
import type { ReceiptRequest } from '../domain/receipts/receipt';
import { createReceipt, type ReceiptDependencies } from '../domain/receipts/receipt-service';
import { httpHandler } from '../http/http-handler';
import { receiptDependencies } from '../runtime/receipt-dependencies';

export function createCreateReceiptHandler(deps: () => ReceiptDependencies = receiptDependencies) {
  return httpHandler(routeIn(receiptRoutes, 'createReceipt'), async ({ caller, body, pathParameters }) => {
    const receipt = await createReceipt(pathParameters.clientId ?? '', body as ReceiptRequest, caller!, deps());
    return {
      status: 201,
      body: receipt,
      headers: { location: `/v1/anonymous-clients/${receipt.clientId}/receipts/${receipt.receiptId}`, 'cache-control': 'no-store' },
    };
  });
}

export const handler = createCreateReceiptHandler();

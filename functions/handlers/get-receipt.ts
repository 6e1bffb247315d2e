/** GET /v1/anonymous-clients/{clientId}/receipts/{receiptId}: one receipt with a fresh link. */
import { receiptRoutes } from '../api/routes/receipt-routes';
import { routeIn } from '../api/routes/route-definition';
import { getReceipt, type ReceiptDependencies } from '../domain/receipts/receipt-service';
import { httpRoute } from '../http/route-pipeline';
import { receiptDependencies } from '../runtime/receipt-dependencies';

export function createGetReceiptHandler(deps: () => ReceiptDependencies = receiptDependencies) {
  return httpRoute(routeIn(receiptRoutes, 'getReceipt'), async ({ caller, params, query }) => {
    const receipt = await getReceipt(params.clientId, params.receiptId, caller, deps(), query.disposition);
    return { status: 200, body: receipt, headers: { 'cache-control': 'no-store' } };
  });
}

export const handler = createGetReceiptHandler();

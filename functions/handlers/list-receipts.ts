/** GET /v1/anonymous-clients/{clientId}/receipts: the client's retrievable receipts, each with a fresh link. */
import { receiptRoutes } from '../api/routes/receipt-routes';
import { routeIn } from '../api/routes/route-definition';
import { listReceipts, type ReceiptDependencies } from '../domain/receipts/receipt-service';
import { httpRoute } from '../http/route-pipeline';
import { receiptDependencies } from '../runtime/receipt-dependencies';

export function createListReceiptsHandler(deps: () => ReceiptDependencies = receiptDependencies) {
  return httpRoute(routeIn(receiptRoutes, 'listReceipts'), async ({ caller, params, query }) => {
    const items = await listReceipts(params.clientId, caller, deps(), query.disposition);
    return { status: 200, body: { items }, headers: { 'cache-control': 'no-store' } };
  });
}

export const handler = createListReceiptsHandler();

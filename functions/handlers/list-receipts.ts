/** GET /v1/anonymous-clients/{clientId}/receipts: the client's retrievable receipts, each with a fresh link. */
import { receiptRoutes } from '../api/routes/receipt-routes';
import { routeIn } from '../api/routes/route-definition';
import { listReceipts, type ReceiptDependencies } from '../domain/receipts/receipt-service';
import { httpHandler } from '../http/http-handler';
import { receiptDependencies } from '../runtime/receipt-dependencies';

export function createListReceiptsHandler(deps: () => ReceiptDependencies = receiptDependencies) {
  return httpHandler(routeIn(receiptRoutes, 'listReceipts'), async ({ caller, pathParameters }) => {
    const items = await listReceipts(pathParameters.clientId ?? '', caller!, deps());
    return { status: 200, body: { items }, headers: { 'cache-control': 'no-store' } };
  });
}

export const handler = createListReceiptsHandler();

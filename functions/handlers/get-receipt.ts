/** GET /v1/anonymous-clients/{clientId}/receipts/{receiptId}: one receipt with a fresh link. */
import { route } from '../api/routes';
import { getReceipt, type ReceiptDependencies } from '../domain/receipts/receipt-service';
import { httpHandler } from '../http/http-handler';
import { receiptDependencies } from '../runtime/receipt-dependencies';

export function createGetReceiptHandler(deps: () => ReceiptDependencies = receiptDependencies) {
  return httpHandler(route('getReceipt'), async ({ caller, pathParameters }) => {
    const receipt = await getReceipt(pathParameters.clientId ?? '', pathParameters.receiptId ?? '', caller!, deps());
    return { status: 200, body: receipt, headers: { 'cache-control': 'no-store' } };
  });
}

export const handler = createGetReceiptHandler();

/** Receipt routes: print a registration receipt, list and fetch them with fresh links. Part of the route table (functions/api/routes.ts). */
import { CLIENT_NOT_FOUND } from '../../domain/anonymous-client';
import { ReceiptLinkQuerySchema, ReceiptListSchema, ReceiptRequestSchema, ReceiptSchema } from '../../domain/receipts/receipt';
import { receiptMessage } from '../../domain/receipts/receipt-messages';
import { ClientIdParamsSchema, ClientReceiptParamsSchema } from '../path-parameters';
import { AGENCY_ROLES, type RouteDefinition } from './route-definition';
export const receiptRoutes = [
  {
    operationId: 'createReceipt',
    method: 'POST',
    path: '/v1/anonymous-clients/{clientId}/receipts',
    handler: 'functions/handlers/create-receipt.ts',
    auth: 'jwt',
    roles: AGENCY_ROLES,
    access: { table: { client: ['get', 'check'], receipt: ['put'], audit: ['put'] }, receipts: 'read-write-delete' },
    packageExtras: ['pdfRenderer'],
    summary: 'Print the Registration Receipt: render a PDF or CSV receipt in English or French and store it',
    description:
      'The file is stored (encrypted) in the receipts bucket; `url` is a presigned GET link that serves it as anonymous-client-<short id>-receipt.<ext> until `urlExpiresAt` (15 minutes by default): downloaded ("Save as", `disposition: attachment`, the default) or opened in the browser\'s own viewer to print (`disposition: inline`). Receipts are kept 30 days by default.',
    tag: 'Receipts',
    requestBody: () => ReceiptRequestSchema,
    params: ClientIdParamsSchema,
    notFound: CLIENT_NOT_FOUND,
    success: {
      status: 201,
      description: 'The receipt, with a download link.',
      schema: ReceiptSchema,
      headers: { Location: 'The receipt: /v1/anonymous-clients/{clientId}/receipts/{receiptId}.' },
    },
    errorStatuses: [404, 413, 415],
  },
  {
    operationId: 'listReceipts',
    method: 'GET',
    path: '/v1/anonymous-clients/{clientId}/receipts',
    handler: 'functions/handlers/list-receipts.ts',
    auth: 'jwt',
    roles: AGENCY_ROLES,
    access: { table: { client: ['get'], receipt: ['query'] }, receipts: 'read' },
    summary: "A client's receipts that can still be retrieved, newest first, each with a fresh link",
    description: '`?disposition=inline` makes the links open in the browser (to print) instead of downloading.',
    tag: 'Receipts',
    params: ClientIdParamsSchema,
    query: ReceiptLinkQuerySchema,
    notFound: CLIENT_NOT_FOUND,
    success: { status: 200, description: 'The receipts.', schema: ReceiptListSchema },
    errorStatuses: [404],
  },
  {
    operationId: 'getReceipt',
    method: 'GET',
    path: '/v1/anonymous-clients/{clientId}/receipts/{receiptId}',
    handler: 'functions/handlers/get-receipt.ts',
    auth: 'jwt',
    roles: AGENCY_ROLES,
    access: { table: { receipt: ['get'] }, receipts: 'read' },
    summary: 'One receipt with a fresh link',
    description:
      "Another agency's receipt, or one past its retention period, is answered 404. `?disposition=inline` makes the link open in the browser (to print) instead of downloading.",
    tag: 'Receipts',
    params: ClientReceiptParamsSchema,
    query: ReceiptLinkQuerySchema,
    notFound: receiptMessage('receipt.notFound'),
    success: { status: 200, description: 'The receipt.', schema: ReceiptSchema },
    errorStatuses: [404],
  },
] as const satisfies readonly RouteDefinition[];

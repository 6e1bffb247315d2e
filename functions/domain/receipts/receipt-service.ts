/**
 * "Print the Registration Receipt" and its retrieval. Plain domain logic: no AWS, no HTTP.
 * Order of work: render, store the file, then write the record, so no record ever points at a missing
 * file; a failed render or upload is a 503 the caller may retry, and nothing is recorded.
 * Never logs or puts into errors any of the client's data.
 */
import { createHash } from 'node:crypto';
import type { ClientStore } from '../../ports/client-store';
import type { ReceiptRenderer } from '../../ports/receipt-renderer';
import type { ReceiptFiles, ReceiptStore, StoredReceipt } from '../../ports/receipt-store';
import { CLIENT_NOT_FOUND } from '../anonymous-client';
import type { Caller } from '../caller';
import { DependencyUnavailableError, NotFoundError } from '../errors';
import { newId } from '../ids';
import { renderCsvReceipt } from './csv-receipt';
import { RECEIPT_CONTENT_TYPES, type Receipt, type ReceiptDisposition, type ReceiptRequest, receiptFileName } from './receipt';
import type { ReceiptContext } from './receipt-content';
import { receiptMessage } from './receipt-messages';

export interface ReceiptSettings {
  /** How long a link works. */
  linkSeconds: number;
  /** How long a receipt is kept (the bucket's lifecycle rule must keep files at least this long). */
  retentionDays: number;
  /** The agency's time zone, for "generated at". */
  timeZone: string;
}

export interface ReceiptDependencies {
  clients: Pick<ClientStore, 'get'>;
  receipts: ReceiptStore;
  files: ReceiptFiles;
  /** Makes PDF files (functions/adapters/pdf); CSV receipts are made here. */
  renderer: ReceiptRenderer;
  settings: ReceiptSettings;
  now: () => Date;
  newId?: () => string;
  /** Rendering, replaceable so tests can make it fail. */
  render?: (format: ReceiptRequest['format'], context: ReceiptContext) => Promise<Uint8Array>;
}

async function renderReceipt(format: ReceiptRequest['format'], context: ReceiptContext, deps: ReceiptDependencies): Promise<Uint8Array> {
  if (format === 'csv') return renderCsvReceipt(context);
  return deps.renderer.renderPdf(context);
}

async function withLink(stored: StoredReceipt, deps: ReceiptDependencies, now: Date, disposition: ReceiptDisposition): Promise<Receipt> {
  const retainedUntil = Date.parse(stored.retainedUntil);
  // A link never outlives the file.
  const expiresAt = Math.min(now.getTime() + deps.settings.linkSeconds * 1000, retainedUntil);
  const expiresInSeconds = Math.max(1, Math.floor((expiresAt - now.getTime()) / 1000));
  const url = await deps.files.link(stored.objectKey, {
    fileName: receiptFileName(stored.clientId, stored.format),
    contentType: RECEIPT_CONTENT_TYPES[stored.format],
    expiresInSeconds,
    disposition,
  });
  return {
    receiptId: stored.receiptId,
    clientId: stored.clientId,
    format: stored.format,
    language: stored.language,
    createdAt: stored.createdAt,
    bytes: stored.bytes,
    sha256: stored.sha256,
    url,
    urlExpiresAt: new Date(now.getTime() + expiresInSeconds * 1000).toISOString(),
  };
}

const retrievable = (stored: StoredReceipt, now: Date) => Date.parse(stored.retainedUntil) > now.getTime();

// Ids arrive checked (length and alphabet) by the route's path schema (functions/api/path-parameters.ts).

export async function createReceipt(
  clientId: string,
  request: ReceiptRequest,
  caller: Caller,
  deps: ReceiptDependencies,
): Promise<Receipt> {
  const client = await deps.clients.get(caller.agencyId, clientId);
  if (!client) throw new NotFoundError(CLIENT_NOT_FOUND);
  const now = deps.now();
  const receiptId = (deps.newId ?? newId)();
  const context: ReceiptContext = {
    client,
    language: request.language,
    receiptId,
    generatedAt: now,
    generatedBy: caller.userId,
    timeZone: deps.settings.timeZone,
  };
  let body: Uint8Array;
  try {
    body = await (deps.render ? deps.render(request.format, context) : renderReceipt(request.format, context, deps));
  } catch (error) {
    throw new DependencyUnavailableError(receiptMessage('receipt.renderFailed'), 2, { cause: error });
  }
  const objectKey = await deps.files.put(
    { agencyId: caller.agencyId, clientId, receiptId, format: request.format },
    body,
    RECEIPT_CONTENT_TYPES[request.format],
  );
  const stored: StoredReceipt = {
    receiptId,
    clientId,
    agencyId: caller.agencyId,
    format: request.format,
    language: request.language,
    createdAt: now.toISOString(),
    createdBy: caller.userId,
    bytes: body.byteLength,
    sha256: createHash('sha256').update(body).digest('hex'),
    objectKey,
    retainedUntil: new Date(now.getTime() + deps.settings.retentionDays * 86_400_000).toISOString(),
  };
  let outcome: Awaited<ReturnType<ReceiptStore['create']>>;
  try {
    outcome = await deps.receipts.create(stored);
  } catch (error) {
    await deps.files.delete(objectKey);
    throw error;
  }
  if (outcome === 'client-not-found') {
    // The client went away while the file was being made.
    await deps.files.delete(objectKey);
    throw new NotFoundError(CLIENT_NOT_FOUND);
  }
  return withLink(stored, deps, now, request.disposition);
}

export async function listReceipts(
  clientId: string,
  caller: Caller,
  deps: ReceiptDependencies,
  disposition: ReceiptDisposition = 'attachment',
): Promise<Receipt[]> {
  const client = await deps.clients.get(caller.agencyId, clientId);
  if (!client) throw new NotFoundError(CLIENT_NOT_FOUND);
  const now = deps.now();
  const stored = (await deps.receipts.list(caller.agencyId, clientId)).filter((receipt) => retrievable(receipt, now));
  return Promise.all(stored.map((receipt) => withLink(receipt, deps, now, disposition)));
}

export async function getReceipt(
  clientId: string,
  receiptId: string,
  caller: Caller,
  deps: ReceiptDependencies,
  disposition: ReceiptDisposition = 'attachment',
): Promise<Receipt> {
  const stored = await deps.receipts.get(caller.agencyId, clientId, receiptId);
  const now = deps.now();
  if (!stored || !retrievable(stored, now)) throw new NotFoundError(receiptMessage('receipt.notFound'));
  return withLink(stored, deps, now, disposition);
}

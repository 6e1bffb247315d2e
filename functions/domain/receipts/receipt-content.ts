/**
 * What a receipt says, independent of its format: the label/value rows of the client's profile in the
 * chosen language (reference-data labels, never codes). The PDF and the CSV both print these rows.
 */
import type { AnonymousClient } from '../anonymous-client';
import { GENDERS, IMMIGRATION_STATUSES } from '../reference-data';
import type { ReceiptLanguage } from './receipt';
import { isoDateTimeIn, longDate, longDateTime, RECEIPT_TEXT } from './receipt-labels';

export interface ReceiptContext {
  client: AnonymousClient;
  language: ReceiptLanguage;
  receiptId: string;
  generatedAt: Date;
  /** The staff user who asked for the receipt (token subject). */
  generatedBy: string;
  /** The agency's time zone, for "generated at" and "registered on". */
  timeZone: string;
}

export type ReceiptFieldKey =
  | 'agency'
  | 'client'
  | 'clientNumber'
  | 'gender'
  | 'arrivalYear'
  | 'immigrationStatus'
  | 'postalCode'
  | 'registrationDate'
  | 'site'
  | 'siteId'
  | 'registeredBy'
  | 'registeredAt'
  | 'comments'
  | 'receiptNumber'
  | 'generatedAt'
  | 'generatedBy';

export interface ReceiptField {
  key: ReceiptFieldKey;
  label: string;
  value: string;
}

function labelOf(values: readonly { code: string; label: { en: string; fr: string } }[], code: string, language: ReceiptLanguage) {
  return values.find((value) => value.code === code)?.label[language] ?? code;
}

/**
 * The receipt's fields in print order. `dates: 'long'` writes dates as people read them (PDF);
 * `'iso'` as spreadsheets parse them (CSV).
 */
export function receiptFields(context: ReceiptContext, dates: 'long' | 'iso'): ReceiptField[] {
  const { client, language } = context;
  const text = RECEIPT_TEXT[language];
  const instant = (iso: string | Date) => {
    const date = typeof iso === 'string' ? new Date(iso) : iso;
    return dates === 'long' ? longDateTime(date, language, context.timeZone) : isoDateTimeIn(date, context.timeZone);
  };
  const fields: [ReceiptFieldKey, string][] = [
    ['agency', client.agency.name],
    ['client', text.clientName],
    ['clientNumber', client.clientId],
    ['gender', labelOf(GENDERS, client.gender, language)],
    ['arrivalYear', client.arrivalYear === 'UNKNOWN' ? text.unknownYear : String(client.arrivalYear)],
    ['immigrationStatus', labelOf(IMMIGRATION_STATUSES, client.immigrationStatus, language)],
    ['postalCode', client.postalCode ?? text.notProvided],
    ['registrationDate', dates === 'long' ? longDate(client.registrationDate, language) : client.registrationDate],
    ['site', client.site.name],
    ['siteId', client.site.siteId],
    ['registeredBy', client.createdBy],
    ['registeredAt', instant(client.createdAt)],
    ['comments', client.comments ?? ''],
    ['receiptNumber', context.receiptId],
    ['generatedAt', instant(context.generatedAt)],
    ['generatedBy', context.generatedBy],
  ];
  return fields.map(([key, value]) => ({ key, label: text[key], value }));
}

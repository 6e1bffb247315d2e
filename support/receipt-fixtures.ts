/*
 * support/: helpers shared by the tests (test/) and the benchmarks (bench/). Anything here is used by
 * both, so a change must keep both working; helpers only tests use live in test/support/.
 */
/** A fixed client and receipt context for receipt tests and the benchmark: fixed ids and clock. */
import type { AnonymousClient } from '../functions/domain/anonymous-client';
import type { ReceiptLanguage } from '../functions/domain/receipts/receipt';
import type { ReceiptContext } from '../functions/domain/receipts/receipt-content';

export const SAMPLE_COMMENTS = {
  french: "Arrivée récente ; cherche des cours de français à l'école Saint-Étienne. Œuvre à Trois-Rivières, déjà ça.",
  polishVietnameseTurkish: 'Łódź, Gdańsk — zażółć gęślą jaźń. Tiếng Việt: Xin chào, tôi cần giúp đỡ. Türkçe: Işık, ğüşiöç İstanbul.',
  cyrillic: 'Прибыла из Харькова в 2022 году; ищет курсы английского. Українська: їжак, ґанок, Євген.',
  arabic: 'وصلت العائلة حديثاً وتبحث عن دروس اللغة الإنجليزية.',
  persian: 'خانواده به تازگی رسیده‌اند و به دنبال کلاس زبان هستند.',
  chinese: '刚到加拿大，需要帮助找工作和学习英语。',
  arabicAndChinese: 'وصلت العائلة حديثاً وتبحث عن دروس اللغة. 刚到加拿大，需要帮助找工作和学习英语。',
};

export function sampleClient(overrides: Partial<AnonymousClient> = {}): AnonymousClient {
  return {
    clientId: '7M2K9Q4TZ8W3XH5RBN6CDFJPVA',
    clientType: 'ANONYMOUS',
    clientName: 'Anonymous Client',
    agency: { agencyId: 'agency-001', name: 'Northside Settlement Services' },
    gender: 'FEMALE',
    arrivalYear: 2023,
    immigrationStatus: 'PROTECTED_PERSON',
    postalCode: 'M5V 2T6',
    registrationDate: '2025-03-01',
    site: { siteId: 'ON-SCH-000042', name: 'École secondaire Étienne-Brûlé' },
    comments: 'Asked about ESL classes and a family doctor.',
    createdAt: '2025-03-01T19:05:00.000Z',
    createdBy: 'staff-user-17',
    updatedAt: '2025-03-01T19:05:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function sampleContext(language: ReceiptLanguage, client: Partial<AnonymousClient> = {}): ReceiptContext {
  return {
    client: sampleClient(client),
    language,
    receiptId: 'R3QK7M2N8P4R6T9V1W5X0Y2Z4A',
    generatedAt: new Date('2025-03-02T14:30:00.000Z'),
    generatedBy: 'staff-user-42',
    timeZone: 'America/Toronto',
  };
}

import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { neutraliseFormula, renderCsvReceipt } from '../../functions/domain/receipts/csv-receipt';
import { receiptFields } from '../../functions/domain/receipts/receipt-content';
import { SAMPLE_COMMENTS, sampleContext } from '../../support/receipt-fixtures';

function parseCsv(bytes: Uint8Array): string[][] {
  return parse(Buffer.from(bytes), { bom: true, relax_quotes: false }) as string[][];
}

describe('the CSV receipt', () => {
  it('is UTF-8 with a byte-order mark, CRLF line ends, a header of labels in the language and one row of values', () => {
    const bytes = renderCsvReceipt(sampleContext('fr'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = Buffer.from(bytes).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, row, ...rest] = parseCsv(bytes);
    expect(rest).toEqual([]);
    expect(header).toEqual(receiptFields(sampleContext('fr'), 'iso').map((f) => f.label));
    expect(header).toContain("Statut d'immigration");
    expect(row).toContain('Personne protégée / Réfugié au sens de la Convention');
    expect(row).toContain('Client anonyme');
    expect(row).toContain('2025-03-01');
    expect(row).toContain('2025-03-02T09:30:00-05:00');
  });

  it.each(Object.entries(SAMPLE_COMMENTS))('parses back to the same values with a %s comment', (_label, comments) => {
    const withQuotes = `${comments}\n"quoted", with a comma; and a second line`;
    const context = sampleContext('en', { comments: withQuotes, site: { siteId: 'ON-1', name: 'Site "Nord", Toronto' } });
    const [header, row] = parseCsv(renderCsvReceipt(context));
    const fields = receiptFields(context, 'iso');
    expect(header).toEqual(fields.map((f) => f.label));
    expect(row).toEqual(fields.map((f) => f.value));
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const attacks = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '＝1+1'];
    for (const comments of attacks) {
      const context = sampleContext('en', { comments, site: { siteId: 'ON-1', name: comments } });
      const [, row] = parseCsv(renderCsvReceipt(context));
      const fields = receiptFields(context, 'iso');
      expect(row![fields.findIndex((f) => f.key === 'comments')]).toBe(`'${comments}`);
      expect(row![fields.findIndex((f) => f.key === 'site')]).toBe(`'${comments}`);
    }
  });

  it('leaves ordinary values alone: postal codes, years, text with = or - inside', () => {
    for (const value of ['M5V 2T6', 'K1A', '2023', 'a = b', 'well-being', '', "O'Neil"]) expect(neutraliseFormula(value)).toBe(value);
  });
});

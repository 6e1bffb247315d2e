/**
 * The PDF receipt read by poppler (Debian poppler-utils: `pdftotext`, `pdftoppm`), an independent PDF
 * implementation from the pdf.js used by the unit tests. `.ci/run` installs it.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPdfReceipt } from '../../functions/adapters/pdf/pdf-receipt';
import { receiptFields } from '../../functions/domain/receipts/receipt-content';
import { RECEIPT_TEXT } from '../../functions/domain/receipts/receipt-labels';
import { SAMPLE_COMMENTS, sampleContext } from '../../support/receipt-fixtures';

const work = mkdtempSync(join(tmpdir(), 'receipt-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let fileNumber = 0;
function pdfFile(bytes: Uint8Array): string {
  const file = join(work, `receipt-${(fileNumber += 1)}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

/** Text of each page, as poppler extracts it (pages split on form feeds). */
function pdftotext(bytes: Uint8Array): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile(bytes), '-'], { encoding: 'utf8' });
  return text.split('\f').filter((page) => page.trim() !== '');
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('the PDF receipt through poppler', () => {
  it.each(['en', 'fr'] as const)('has every label and value in %s, accents exact', async (language) => {
    const context = sampleContext(language);
    const text = oneLine(pdftotext(await renderPdfReceipt(context)).join('\n'));
    for (const field of receiptFields(context, 'long')) {
      // "Generated at/by" print as one sentence rather than as a row.
      if (field.key !== 'generatedAt' && field.key !== 'generatedBy') expect(text).toContain(field.label);
      expect(text).toContain(field.value);
    }
    expect(text).toContain(RECEIPT_TEXT[language].title);
    expect(text).toContain(RECEIPT_TEXT[language].page(1, 1));
  });

  it('spreads a 4,000-character comment over pages numbered "page x of y"', async () => {
    const sentence = 'Family of four; looking for a school for two children and evening English classes. ';
    const comments = sentence.repeat(60).slice(0, 4000).trim();
    for (const language of ['en', 'fr'] as const) {
      const pages = pdftotext(await renderPdfReceipt(sampleContext(language, { comments })));
      expect(pages.length).toBeGreaterThanOrEqual(2);
      pages.forEach((page, i) => expect(page).toContain(RECEIPT_TEXT[language].page(i + 1, pages.length)));
    }
  });

  it.each(Object.entries(SAMPLE_COMMENTS))(
    'renders a %s comment that poppler reads and rasterises without complaint',
    async (_label, comments) => {
      const file = pdfFile(await renderPdfReceipt(sampleContext('en', { comments })));
      const stderr = execFileSync('sh', ['-c', `pdftoppm -r 40 -png -f 1 -l 1 "${file}" "${file}-page" 2>&1 >/dev/null`], {
        encoding: 'utf8',
      });
      expect(stderr).toBe('');
      expect(readFileSync(`${file}-page-1.png`).byteLength).toBeGreaterThan(1000);
      expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Comments');
    },
  );

  it.each([
    ['French', SAMPLE_COMMENTS.french],
    ['Polish, Vietnamese and Turkish', SAMPLE_COMMENTS.polishVietnameseTurkish],
    ['Cyrillic', SAMPLE_COMMENTS.cyrillic],
  ])('extracts %s text exactly', async (_label, comments) => {
    expect(oneLine(pdftotext(await renderPdfReceipt(sampleContext('fr', { comments }))).join('\n'))).toContain(comments);
  });
});

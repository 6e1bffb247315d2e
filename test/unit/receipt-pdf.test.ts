import { describe, expect, it } from '@jest/globals';
import { renderPdfReceipt } from '../../functions/adapters/pdf/pdf-receipt';
import type { ReceiptLanguage } from '../../functions/domain/receipts/receipt';
import { RECEIPT_TEXT } from '../../functions/domain/receipts/receipt-labels';
import { SAMPLE_COMMENTS, sampleContext } from '../../support/receipt-fixtures';
import { pdfFonts, pdfPageTexts } from '../support/pdf-text';

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('the PDF receipt', () => {
  const expected: Record<ReceiptLanguage, string[]> = {
    en: [
      'Northside Settlement Services',
      'Anonymous Client Registration Receipt',
      'Agency',
      'Client Anonymous Client',
      'Client number 7M2K9Q4TZ8W3XH5RBN6CDFJPVA',
      'Gender Female',
      'Year of arrival in Canada 2023',
      'Immigration status Protected person / Convention refugee',
      'Postal code M5V 2T6',
      'Registration date March 1, 2025',
      'Registration site École secondaire Étienne-Brûlé',
      'Site number ON-SCH-000042',
      'Registered by staff-user-17',
      'Registered on March 1, 2025 at 2:05 p.m. EST',
      'Receipt number R3QK7M2N8P4R6T9V1W5X0Y2Z4A',
      'Generated on March 2, 2025 at 9:30 a.m. EST by staff-user-42',
      'Comments',
      'Asked about ESL classes and a family doctor.',
      'Page 1 of 1',
    ],
    fr: [
      'Northside Settlement Services',
      "Reçu d'inscription – client anonyme",
      'Organisme Northside Settlement Services',
      'Client Client anonyme',
      'Numéro de client 7M2K9Q4TZ8W3XH5RBN6CDFJPVA',
      'Genre Femme',
      "Année d'arrivée au Canada 2023",
      "Statut d'immigration Personne protégée / Réfugié au sens de la Convention",
      'Code postal M5V 2T6',
      "Date d'inscription 1 mars 2025",
      "Lieu d'inscription École secondaire Étienne-Brûlé",
      'Numéro du lieu ON-SCH-000042',
      'Inscrit par staff-user-17',
      'Inscrit le 1 mars 2025 à 14 h 05 HNE',
      'Numéro du reçu R3QK7M2N8P4R6T9V1W5X0Y2Z4A',
      'Généré le 2 mars 2025 à 09 h 30 HNE par staff-user-42',
      'Commentaires',
      'Page 1 de 1',
    ],
  };

  it.each(['en', 'fr'] as const)('prints every label and value in %s, accents exact', async (language) => {
    const bytes = await renderPdfReceipt(sampleContext(language));
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const pages = await pdfPageTexts(bytes);
    expect(pages).toHaveLength(1);
    const text = oneLine(pages[0]!);
    for (const line of expected[language]) expect(text).toContain(line);
  });

  it('writes "not provided" and the unknown year in the chosen language, and says when there are no comments', async () => {
    const client = { postalCode: null, arrivalYear: 'UNKNOWN' as const, immigrationStatus: 'UNKNOWN' as const, comments: null };
    const fr = oneLine((await pdfPageTexts(await renderPdfReceipt(sampleContext('fr', client))))[0]!);
    expect(fr).toContain('Code postal Non fourni');
    expect(fr).toContain("Année d'arrivée au Canada Inconnue");
    expect(fr).toContain("Statut d'immigration Inconnu");
    expect(fr).toContain(RECEIPT_TEXT.fr.noComments);
  });

  it('wraps a 4,000-character comment over several pages, each numbered "page x of y"', async () => {
    const words = 'Needs help finding housing near a bus line; asked about ESL, childcare and credential recognition. ';
    const comments = words
      .repeat(Math.ceil(4000 / words.length))
      .slice(0, 4000)
      .trim();
    for (const language of ['en', 'fr'] as const) {
      const pages = await pdfPageTexts(await renderPdfReceipt(sampleContext(language, { comments })));
      expect(pages.length).toBeGreaterThanOrEqual(2);
      pages.forEach((page, i) => {
        expect(page).toContain(RECEIPT_TEXT[language].page(i + 1, pages.length));
        expect(page).toContain('Northside Settlement Services');
      });
      // Every word of the comment is printed, in order, none lost at page or line breaks.
      const printed = pages
        .map((page) => page.split(RECEIPT_TEXT[language].comments)[1] ?? page)
        .join(' ')
        .replace(/Page \d+ (of|de) \d+.*$/gm, '')
        .replace(/Northside Settlement Services|Anonymous Client Registration Receipt|Reçu d'inscription – client anonyme/g, '');
      expect(oneLine(printed)).toContain(oneLine(comments).slice(0, 600));
      expect(oneLine(printed).replace(/ /g, '')).toContain(comments.replace(/\s/g, '').slice(-800));
    }
  });

  it.each(Object.entries(SAMPLE_COMMENTS))('renders a %s comment without error', async (_script, comments) => {
    const bytes = await renderPdfReceipt(sampleContext('en', { comments, site: { siteId: 'ON-X', name: comments.slice(0, 30) } }));
    const pages = await pdfPageTexts(bytes);
    expect(pages).toHaveLength(1);
    expect(bytes.byteLength).toBeLessThan(60 * 1024);
  });

  it.each([
    ['French', SAMPLE_COMMENTS.french],
    ['Polish, Vietnamese and Turkish', SAMPLE_COMMENTS.polishVietnameseTurkish],
    ['Cyrillic', SAMPLE_COMMENTS.cyrillic],
  ])('extracts %s text exactly', async (_label, comments) => {
    const text = oneLine((await pdfPageTexts(await renderPdfReceipt(sampleContext('fr', { comments }))))[0]!);
    expect(text).toContain(comments);
  });

  it('prints a visible replacement for characters no font covers, never a blank', async () => {
    const comments = 'Hebrew שלום, emoji 😀, Devanagari नमस्ते — then more text.';
    const text = oneLine((await pdfPageTexts(await renderPdfReceipt(sampleContext('en', { comments }))))[0]!);
    expect(text).toContain('Hebrew ');
    expect(text).toContain('then more text.');
    expect(text).toMatch(/emoji \uFFFD/);
    expect((text.match(/\uFFFD/g) ?? []).length).toBeGreaterThanOrEqual(4);
  });

  it('keeps an English or French receipt in the standard fonts: small, nothing embedded', async () => {
    const bytes = await renderPdfReceipt(sampleContext('fr', { comments: SAMPLE_COMMENTS.french }));
    expect(bytes.byteLength).toBeLessThan(8 * 1024);
    expect(await pdfFonts(bytes)).toEqual(
      expect.arrayContaining([
        { name: 'Helvetica', embedded: false },
        { name: 'Helvetica-Bold', embedded: false },
      ]),
    );
    expect((await pdfFonts(bytes)).filter((font) => font.embedded)).toEqual([]);
  });

  it('embeds a Chinese font only for Chinese text, as a small subset', async () => {
    const names = async (comments: string) =>
      (await pdfFonts(await renderPdfReceipt(sampleContext('en', { comments })))).map(
        (font) => `${font.name.replace(/^[A-Z]{6}\+/, '').replace(/-\d+$/, '')}:${font.embedded}`,
      );
    expect((await names(SAMPLE_COMMENTS.cyrillic)).sort()).toEqual(['NotoSans-Bold:true', 'NotoSans-Regular:true']);
    expect((await names(SAMPLE_COMMENTS.arabicAndChinese)).sort()).toEqual(
      ['NotoSans-Bold:true', 'NotoSans-Regular:true', 'NotoSansArabic-Regular:true', 'NotoSansSC-Regular:true'].sort(),
    );
    const chinese = await renderPdfReceipt(sampleContext('en', { comments: SAMPLE_COMMENTS.arabicAndChinese }));
    expect(chinese.byteLength).toBeLessThan(60 * 1024);
  });

  it('keeps nothing of one receipt in the next, though operators and widths are kept per process', async () => {
    const first = sampleContext('en');
    const second = sampleContext('fr', {
      clientId: 'ZZZZ9999ZZZZ9999ZZZZ9999ZZ',
      agency: { agencyId: 'agency-002', name: 'Eastside Newcomer Centre' },
      comments: SAMPLE_COMMENTS.cyrillic,
    });
    const firstBytes = Buffer.from(await renderPdfReceipt(first));
    const secondText = oneLine((await pdfPageTexts(await renderPdfReceipt(second)))[0]!);
    expect(secondText).toContain('Eastside Newcomer Centre');
    expect(secondText).toContain('ZZZZ9999ZZZZ9999ZZZZ9999ZZ');
    expect(secondText).toContain(SAMPLE_COMMENTS.cyrillic);
    expect(secondText).not.toContain('Northside');
    expect(secondText).not.toContain('7M2K9Q4TZ8W3XH5RBN6CDFJPVA');
    expect(Buffer.from(await renderPdfReceipt(first)).equals(firstBytes)).toBe(true);
  });

  it('is the same bytes for the same context', async () => {
    const context = sampleContext('en', { comments: SAMPLE_COMMENTS.arabicAndChinese });
    expect(Buffer.from(await renderPdfReceipt(context)).equals(Buffer.from(await renderPdfReceipt(context)))).toBe(true);
  });
});

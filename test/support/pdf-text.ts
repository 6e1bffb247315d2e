/** Text of a PDF's pages, extracted in-process with pdfjs-dist (no system packages needed). */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One string per page; text items joined, a line feed where pdf.js sees a line end. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const document = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text);
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/** The fonts a PDF uses, by base name, and whether each is embedded (has a font file). */
export async function pdfFonts(bytes: Uint8Array): Promise<{ name: string; embedded: boolean }[]> {
  const { PDFDocument, PDFDict, PDFName } = await import('pdf-lib');
  const document = await PDFDocument.load(bytes);
  const fonts: { name: string; embedded: boolean }[] = [];
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type'))?.toString() !== '/FontDescriptor') continue;
    const name = object.get(PDFName.of('FontName'))?.toString().replace(/^\//, '') ?? '';
    fonts.push({ name, embedded: ['FontFile', 'FontFile2', 'FontFile3'].some((key) => object.has(PDFName.of(key))) });
  }
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Subtype'))?.toString() !== '/Type1') continue;
    fonts.push({ name: object.get(PDFName.of('BaseFont'))?.toString().replace(/^\//, '') ?? '', embedded: false });
  }
  return fonts;
}

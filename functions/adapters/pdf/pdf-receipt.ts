/**
 * The PDF receipt (pdf-lib): Letter pages, the agency's name as a header, the title in the chosen
 * language (and, smaller, in the other official language), a label/value table of every profile field,
 * the comments wrapped over as many pages as they need, "page x of y", and when and by whom it was
 * generated.
 *
 * Fonts: a receipt whose text fits the PDF standard fonts' character set (WinAnsi: English, French and
 * most Western European text) uses Helvetica, which needs no embedding: small and fast. Any other text
 * switches the whole document to embedded Noto Sans subsets (Latin, Cyrillic, Greek, Vietnamese), plus
 * Noto Sans Arabic and Noto Sans SC only when the text holds Arabic-script or Han characters.
 * Characters no font covers print as U+FFFD. Never logs or throws with the text it renders.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';
import { type ReceiptContext, receiptFields } from '../../domain/receipts/receipt-content';
import { RECEIPT_TEXT } from '../../domain/receipts/receipt-labels';
import { subsetFont } from './font-subsetter';
import { fontBytes, fontCoverage, type FontKey } from './fonts';
import { PageCanvas } from './pdf-canvas';
import {
  assignFonts,
  type Cluster,
  clustersOf,
  type Direction,
  type LaidOutLine,
  paragraphDirection,
  startsWithRtlScript,
  visualRuns,
  wrapParagraph,
} from './text-layout';

const PAGE = { width: 612, height: 792 } as const; // US Letter, in points
const MARGIN = 54; // three quarters of an inch
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
const BOTTOM = MARGIN + 18; // the footer sits below this
const LABEL_WIDTH = 170;
const CELL_PADDING = 5;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.4, 0.45);
const RULE = rgb(0.78, 0.8, 0.84);
const ZEBRA = rgb(0.95, 0.96, 0.975);

type Style = 'regular' | 'bold';
type Script = 'latin' | 'arabic' | 'chinese';

// PDF standard fonts encode WinAnsi only: Latin-1 plus these.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.split('').map((c) => c.codePointAt(0)!));
function isWinAnsi(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '\n') continue;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(code)) continue;
    return false;
  }
  return true;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303F\uFF00-\uFFEF]/u;
const ARABIC = /\p{Script=Arabic}/u;
// Scripts Noto Sans draws with fontkit's default shaper. Noto Sans also has Devanagari, but fontkit's
// Indic shaper fails under Node (it needs regeneratorRuntime), so such text prints as replacements.
const LATIN_FONT_SCRIPTS = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]+$/u;

function codePointsOf(cluster: string): number[] {
  return Array.from(cluster, (c) => c.codePointAt(0)!);
}

/** Tabs become spaces and every line break a line feed; the rest is drawn as it is. */
function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ');
}

interface TextItem {
  text: string;
  style: Style;
}

/** Decides, for one document, which font draws each cluster, and embeds exactly those fonts. */
class FontPlan {
  private readonly fonts = new Map<string, PDFFont>();
  private replacement = '\uFFFD';
  private constructor(readonly mode: 'standard' | 'unicode') {}

  static async create(doc: PDFDocument, items: TextItem[]): Promise<FontPlan> {
    if (items.every((item) => isWinAnsi(item.text))) {
      const plan = new FontPlan('standard');
      plan.fonts.set('regular', await doc.embedFont(StandardFonts.Helvetica));
      plan.fonts.set('bold', await doc.embedFont(StandardFonts.HelveticaBold));
      plan.replacement = '?';
      return plan;
    }
    const plan = new FontPlan('unicode');
    const latin = fontCoverage('latin');
    if (!latin.hasGlyphForCodePoint(0xfffd)) plan.replacement = '?';
    const used: Record<FontKey, Set<number>> = { latin: new Set(), latinBold: new Set(), arabic: new Set(), chinese: new Set() };
    for (const char of plan.replacement + ' 0123456789') {
      used.latin.add(char.codePointAt(0)!);
      used.latinBold.add(char.codePointAt(0)!);
    }
    for (const item of items) {
      for (const cluster of plan.assign(item.text)) {
        const key: FontKey = cluster.font === 'latin' ? (item.style === 'bold' ? 'latinBold' : 'latin') : cluster.font;
        for (const codePoint of codePointsOf(cluster.text)) used[key].add(codePoint);
      }
    }
    doc.registerFontkit(fontkitReusingParsedFonts);
    // Ligatures off: "fi" stays two glyphs, so copied and extracted text is exactly what was written.
    const latinOptions = { subset: false, features: { liga: false } };
    plan.fonts.set('regular', await doc.embedFont(subsetFont('latin', used.latin), latinOptions));
    plan.fonts.set('bold', await doc.embedFont(subsetFont('latinBold', used.latinBold), latinOptions));
    // Arabic is shaped correctly only through pdf-lib's own subsetting (FINDINGS); Chinese only through HarfBuzz's.
    if (used.arabic.size > 0) plan.fonts.set('arabic', await doc.embedFont(fontBytes('arabic'), { subset: true }));
    if (used.chinese.size > 0) plan.fonts.set('chinese', await doc.embedFont(subsetFont('chinese', used.chinese), { subset: false }));
    return plan;
  }

  /** Fonts by script for one text (before embedding). */
  private assign(text: string): Cluster<Script>[] {
    const covers = (script: Script, cluster: string) => {
      const coverage = fontCoverage(script);
      return codePointsOf(cluster).every((codePoint) => coverage.hasGlyphForCodePoint(codePoint));
    };
    const choose = (cluster: string): Script | undefined => {
      if (cluster === '\n') return 'latin';
      if (ARABIC.test(cluster)) return covers('arabic', cluster) ? 'arabic' : undefined;
      // The Chinese font is read only when a character needs it.
      if (CJK.test(cluster)) return covers('chinese', cluster) ? 'chinese' : undefined;
      return LATIN_FONT_SCRIPTS.test(cluster) && covers('latin', cluster) ? 'latin' : undefined;
    };
    return assignFonts<Script>(text, choose, (script, cluster) => covers(script, cluster), { text: this.replacement, font: 'latin' });
  }

  font(style: Style): PDFFont {
    return this.fonts.get(style)!;
  }

  /** The text as clusters with their embedded fonts. */
  clusters(text: string, style: Style): Cluster<PDFFont>[] {
    if (this.mode === 'standard') {
      const font = this.font(style);
      return clustersOf(text).map((cluster) => ({ text: cluster, font, bidi: 'L' as const }));
    }
    return this.assign(text).map((cluster) => ({
      ...cluster,
      font: cluster.font === 'latin' ? this.font(style) : this.fonts.get(cluster.font)!,
    }));
  }
}

// pdf-lib parses a font's bytes on every embed; the Arabic font's bytes are the same object every time,
// so its parsed form is reused across documents (subsets differ per document and are parsed anew).
const parsedStaticFonts = new WeakMap<object, ReturnType<typeof fontkit.create>>();
const fontkitReusingParsedFonts = {
  create(data: Uint8Array, postscriptName?: string) {
    if (data !== fontBytes('arabic')) return fontkit.create(data as Buffer, postscriptName);
    let parsed = parsedStaticFonts.get(data);
    if (!parsed) {
      parsed = fontkit.create(data as Buffer, postscriptName);
      parsedStaticFonts.set(data, parsed);
    }
    return parsed;
  },
};

interface Block {
  text: string;
  style: Style;
  size: number;
  lineHeight: number;
  color: ReturnType<typeof rgb>;
}

class PageWriter {
  readonly pages: PageCanvas[] = [];
  y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly plan: FontPlan,
    private readonly continuationHeader: (page: PageCanvas) => number,
  ) {}

  get page(): PageCanvas {
    return this.pages[this.pages.length - 1]!;
  }

  newPage(): void {
    const page = new PageCanvas(this.doc.addPage([PAGE.width, PAGE.height]));
    this.pages.push(page);
    this.y = PAGE.height - MARGIN;
    if (this.pages.length > 1) this.y = this.continuationHeader(page);
  }

  ensureRoom(height: number): void {
    if (this.y - height < BOTTOM) this.newPage();
  }

  /** Lays a text out as lines no wider than `width`, paragraph by paragraph. */
  lines(block: Pick<Block, 'text' | 'style' | 'size'>, width: number): LaidOutLine<PDFFont>[] {
    const result: LaidOutLine<PDFFont>[] = [];
    for (const paragraph of block.text.split('\n')) {
      const direction: Direction = paragraphDirection(paragraph);
      const clusters = this.plan.clusters(paragraph, block.style);
      for (const line of wrapParagraph(clusters, block.size, width)) {
        result.push(visualRuns(line, direction, block.size, startsWithRtlScript));
      }
    }
    return result;
  }

  drawLine(page: PageCanvas, line: LaidOutLine<PDFFont>, x: number, width: number, baseline: number, size: number, color: Block['color']) {
    let cursor = line.direction === 'rtl' ? x + width - line.width : x;
    for (const run of line.runs) {
      if (run.text.length > 0) page.text(run.text, run.font, size, cursor, baseline, color);
      cursor += run.width;
    }
  }

  /** Flowing text over the full width, breaking pages between lines. */
  flow(block: Block): void {
    for (const line of this.lines(block, CONTENT_WIDTH)) {
      this.ensureRoom(block.lineHeight);
      this.y -= block.lineHeight;
      this.drawLine(this.page, line, MARGIN, CONTENT_WIDTH, this.y + (block.lineHeight - block.size) / 2, block.size, block.color);
    }
  }
}

/**
 * Renders the PDF receipt. Deterministic for a given context (no clocks read here). Should text defeat
 * the font machinery in a way not foreseen, the receipt is rendered again with standard fonts and every
 * character outside their set printed as "?": a visible loss, never a missing receipt.
 */
export async function renderPdfReceipt(context: ReceiptContext): Promise<Uint8Array> {
  try {
    return await render(context, (text) => text);
  } catch {
    return render(context, (text) => Array.from(text, (char) => (isWinAnsi(char) ? char : '?')).join(''));
  }
}

async function render(context: ReceiptContext, clean: (text: string) => string): Promise<Uint8Array> {
  const language = context.language;
  const text = RECEIPT_TEXT[language];
  const otherTitle = RECEIPT_TEXT[language === 'en' ? 'fr' : 'en'].title;
  const fields = receiptFields(context, 'long').map((field) => ({ ...field, value: clean(normaliseText(field.value)) }));
  const byKey = Object.fromEntries(fields.map((f) => [f.key, f])) as Record<(typeof fields)[number]['key'], (typeof fields)[number]>;
  const tableFields = fields.filter((f) => !['comments', 'generatedAt', 'generatedBy'].includes(f.key));
  const agencyName = clean(context.client.agency.name);
  const generatedLine = text.generatedLine(byKey.generatedAt.value, byKey.generatedBy.value);
  const footerLeft = clean(`${text.title} · ${context.client.clientId}`);
  const comments = byKey.comments.value === '' ? text.noComments : byKey.comments.value;

  const doc = await PDFDocument.create();
  doc.setTitle(`${text.title} – ${context.client.clientId}`);
  doc.setLanguage(language === 'en' ? 'en-CA' : 'fr-CA');
  doc.setProducer('newcomer-intake');
  doc.setCreator('newcomer-intake');
  doc.setCreationDate(context.generatedAt);
  doc.setModificationDate(context.generatedAt);

  const plan = await FontPlan.create(doc, [
    { text: agencyName, style: 'bold' },
    { text: text.title, style: 'bold' },
    { text: otherTitle, style: 'regular' },
    { text: text.comments, style: 'bold' },
    { text: comments, style: 'regular' },
    { text: generatedLine, style: 'regular' },
    { text: footerLeft + text.page(1, 1), style: 'regular' },
    ...tableFields.flatMap((f) => [
      { text: f.label, style: 'bold' as const },
      { text: f.value, style: 'regular' as const },
    ]),
  ]);

  const writer: PageWriter = new PageWriter(doc, plan, (page) => {
    // Continuation pages repeat the agency and the title, small, so a loose page is still identifiable.
    let y = PAGE.height - MARGIN;
    for (const [block, color] of [
      [{ text: agencyName, style: 'bold' as const, size: 9 }, INK],
      [{ text: text.title, style: 'regular' as const, size: 9 }, MUTED],
    ] as const) {
      const line = writer.lines(block, CONTENT_WIDTH)[0];
      y -= 12;
      if (line) writer.drawLine(page, line, MARGIN, CONTENT_WIDTH, y, block.size, color);
    }
    page.rule(MARGIN, PAGE.width - MARGIN, y - 6, 0.5, RULE);
    return y - 16;
  });
  writer.newPage();

  // Header: the agency, then the title and its translation.
  writer.flow({ text: agencyName, style: 'bold', size: 13, lineHeight: 17, color: INK });
  writer.y -= 6;
  writer.page.rule(MARGIN, PAGE.width - MARGIN, writer.y, 1, RULE);
  writer.y -= 14;
  writer.flow({ text: text.title, style: 'bold', size: 18, lineHeight: 23, color: INK });
  writer.flow({ text: otherTitle, style: 'regular', size: 10, lineHeight: 14, color: MUTED });
  writer.y -= 14;

  // The label/value table.
  const size = 10;
  const lineHeight = 14;
  const valueX = MARGIN + LABEL_WIDTH + CELL_PADDING;
  const valueWidth = CONTENT_WIDTH - LABEL_WIDTH - 2 * CELL_PADDING;
  tableFields.forEach((field, index) => {
    const labelLines = writer.lines({ text: field.label, style: 'bold', size }, LABEL_WIDTH - 2 * CELL_PADDING);
    const valueLines = writer.lines({ text: field.value, style: 'regular', size }, valueWidth);
    const rowHeight = Math.max(labelLines.length, valueLines.length) * lineHeight + 2 * CELL_PADDING;
    writer.ensureRoom(rowHeight);
    const top = writer.y;
    const page = writer.page;
    if (index % 2 === 0) page.rectangle(MARGIN, top - rowHeight, CONTENT_WIDTH, rowHeight, ZEBRA);
    page.rule(MARGIN, PAGE.width - MARGIN, top - rowHeight, 0.5, RULE);
    const baseline = (i: number) => top - CELL_PADDING - (i + 1) * lineHeight + (lineHeight - size) / 2 + 1;
    labelLines.forEach((line, i) =>
      writer.drawLine(page, line, MARGIN + CELL_PADDING, LABEL_WIDTH - 2 * CELL_PADDING, baseline(i), size, MUTED),
    );
    valueLines.forEach((line, i) => writer.drawLine(page, line, valueX, valueWidth, baseline(i), size, INK));
    writer.y = top - rowHeight;
  });
  writer.y -= 8;
  writer.flow({ text: generatedLine, style: 'regular', size: 9, lineHeight: 13, color: MUTED });

  // Comments, over as many pages as they need.
  writer.y -= 14;
  writer.ensureRoom(17 + lineHeight * 2);
  writer.flow({ text: text.comments, style: 'bold', size: 12, lineHeight: 17, color: INK });
  writer.y -= 4;
  writer.flow({ text: comments, style: 'regular', size, lineHeight, color: INK });

  // Footers, now that the number of pages is known.
  const pages = writer.pages;
  pages.forEach((page, i) => {
    const y = MARGIN - 6;
    page.rule(MARGIN, PAGE.width - MARGIN, y + 12, 0.5, RULE);
    const pageLine = writer.lines({ text: text.page(i + 1, pages.length), style: 'regular', size: 8 }, CONTENT_WIDTH)[0]!;
    writer.drawLine(page, pageLine, PAGE.width - MARGIN - pageLine.width, pageLine.width, y, 8, MUTED);
    const left = writer.lines({ text: footerLeft, style: 'regular', size: 8 }, CONTENT_WIDTH - pageLine.width - 12)[0];
    if (left) writer.drawLine(page, left, MARGIN, CONTENT_WIDTH, y, 8, MUTED);
    page.finish();
  });

  return doc.save();
}

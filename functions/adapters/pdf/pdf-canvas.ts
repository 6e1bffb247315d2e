/**
 * Draws a page's text, rules and filled rectangles as PDF operators directly. pdf-lib's drawText wraps
 * every string in its own q/BT/colour/font/leading/ET/Q and adds a new font resource to the page on every
 * call (a receipt page had 34 entries for two fonts); here each font gets one resource per page, text
 * shares a text object until a rule or a rectangle interrupts it, and the font, size and colour are set
 * only when they change. What is drawn, where, and in which font and colour is the same.
 */
import {
  beginText,
  cleanText,
  endText,
  fill,
  lineTo,
  moveTo,
  type PDFFont,
  type PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  type RGB,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  showText,
  stroke,
} from 'pdf-lib';

// Operators that are the same in every document, made once: pdf-lib formats each number as it builds an
// operator, and fractions such as colour components take its slow path.
const BEGIN_TEXT = beginText();
const END_TEXT = endText();
const SAVE = pushGraphicsState();
const RESTORE = popGraphicsState();
const FILL = fill();
const STROKE = stroke();
const ONE = PDFNumber.of(1);
const ZERO = PDFNumber.of(0);
const fills = new WeakMap<RGB, PDFOperator>();
const strokes = new WeakMap<RGB, PDFOperator>();
const lineWidths = new Map<number, PDFOperator>();

function remembered<K, V>(cache: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}
const fillColor = (c: RGB) => remembered(fills, c, () => setFillingRgbColor(c.red, c.green, c.blue));
const strokeColor = (c: RGB) => remembered(strokes, c, () => setStrokingRgbColor(c.red, c.green, c.blue));
const lineWidth = (width: number) => remembered(lineWidths, width, () => setLineWidth(width));

export class PageCanvas {
  private readonly operators: PDFOperator[] = [SAVE];
  private readonly fontKeys = new Map<PDFFont, PDFName>();
  private inText = false;
  private font: PDFFont | undefined;
  private size = 0;
  private fillColor: RGB | undefined;

  constructor(readonly page: PDFPage) {}

  text(text: string, font: PDFFont, size: number, x: number, y: number, color: RGB): void {
    if (!this.inText) {
      this.operators.push(BEGIN_TEXT);
      this.inText = true;
    }
    if (font !== this.font || size !== this.size) {
      this.operators.push(setFontAndSize(this.fontKey(font), size));
      this.font = font;
      this.size = size;
    }
    if (color !== this.fillColor) {
      this.operators.push(fillColor(color));
      this.fillColor = color;
    }
    const position = PDFOperator.of(PDFOperatorNames.SetTextMatrix, [ONE, ZERO, ZERO, ONE, PDFNumber.of(x), PDFNumber.of(y)]);
    // cleanText as drawText does: a line or paragraph separator prints as spaces, as it always has.
    this.operators.push(position, showText(font.encodeText(cleanText(text))));
  }

  /** A horizontal rule from x1 to x2. */
  rule(x1: number, x2: number, y: number, thickness: number, color: RGB): void {
    this.graphics(strokeColor(color), lineWidth(thickness), moveTo(x1, y), lineTo(x2, y), STROKE);
  }

  rectangle(x: number, y: number, width: number, height: number, color: RGB): void {
    this.graphics(fillColor(color), rectangle(x, y, width, height), FILL);
  }

  /** Hands the operators to the page; call once, after the last drawing. */
  finish(): void {
    this.endText();
    this.page.pushOperators(...this.operators, RESTORE);
  }

  // Paths may not appear inside a text object; their own q/Q keeps the text's colour for the next text.
  private graphics(...operators: PDFOperator[]): void {
    this.endText();
    this.operators.push(SAVE, ...operators, RESTORE);
  }

  private endText(): void {
    if (!this.inText) return;
    this.operators.push(END_TEXT);
    this.inText = false;
  }

  private fontKey(font: PDFFont): PDFName {
    return remembered(this.fontKeys, font, () => this.page.node.newFontDictionary(font.name, font.ref));
  }
}

/**
 * The Unicode fonts a receipt may embed (Noto, SIL Open Font License), read from their npm packages on
 * first need and kept for the life of the process. The Chinese font is 10 MB: it is read only when a
 * receipt holds a Han character. Deployments must ship these files beside the function code
 * (`@expo-google-fonts/*` and `harfbuzzjs` as node modules of the bundle).
 */
import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type FontKey = 'latin' | 'latinBold' | 'arabic' | 'chinese';

const FONT_FILES: Record<FontKey, string> = {
  latin: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  latinBold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  arabic: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  chinese: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
};

/** The parts of a fontkit font used here: coverage only (pdf-lib does the layout). */
export interface FontCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

const bytesCache = new Map<FontKey, Uint8Array>();
const coverageCache = new Map<FontKey, FontCoverage>();

/** The font file's bytes (read once per process). */
export function fontBytes(key: FontKey): Uint8Array {
  let bytes = bytesCache.get(key);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(require.resolve(FONT_FILES[key])));
    bytesCache.set(key, bytes);
  }
  return bytes;
}

/** Which code points the font has glyphs for (parsed once per process). */
export function fontCoverage(key: FontKey): FontCoverage {
  let coverage = coverageCache.get(key);
  if (!coverage) {
    coverage = fontkit.create(Buffer.from(fontBytes(key).buffer, fontBytes(key).byteOffset, fontBytes(key).byteLength)) as FontCoverage;
    coverageCache.set(key, coverage);
  }
  return coverage;
}

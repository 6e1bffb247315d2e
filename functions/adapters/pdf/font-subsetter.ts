/**
 * TrueType subsetting with HarfBuzz (harfbuzzjs, WebAssembly). Unlike `subset-font`, which copies the
 * whole font into the WebAssembly heap on every call (17 to 50 ms for the 10 MB Chinese font), this
 * keeps one parsed face per font for the life of the process, so a subset costs a few milliseconds.
 * pdf-lib's own subsetting leaves Noto Sans and Noto Sans SC glyphs blank (seen, see FINDINGS), so the
 * PDF embeds these subsets whole (`subset: false`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fontBytes, type FontKey } from './fonts';

const require = createRequire(import.meta.url);

interface HarfBuzzSubset {
  memory: { buffer: ArrayBuffer };
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
  _initialize(): void;
}

interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const GPOS = 0x47504f53; // 'GPOS'
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;

let harfbuzz: HarfBuzzSubset | undefined;
const faces = new Map<FontKey, number>();

function harfBuzz(): HarfBuzzSubset {
  if (!harfbuzz) {
    const wasm = readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    // The project's TypeScript lib has no WebAssembly types; Node has the API.
    const wasmApi = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
    const instance = new wasmApi.Instance(new wasmApi.Module(wasm), {});
    harfbuzz = instance.exports as unknown as HarfBuzzSubset;
    harfbuzz._initialize();
  }
  return harfbuzz;
}

function faceOf(hb: HarfBuzzSubset, key: FontKey): number {
  let face = faces.get(key);
  if (face === undefined) {
    const bytes = fontBytes(key);
    // Copied into the WebAssembly heap once and never freed: the face lives as long as the process.
    const pointer = hb.malloc(bytes.byteLength);
    new Uint8Array(hb.memory.buffer).set(bytes, pointer);
    const blob = hb.hb_blob_create(pointer, bytes.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
    face = hb.hb_face_create(blob, 0);
    hb.hb_blob_destroy(blob);
    faces.set(key, face);
  }
  return face;
}

/**
 * A TrueType font holding only the glyphs for `codePoints` (and what OpenType layout needs for them),
 * without hinting or GPOS. Synchronous: WebAssembly runs on this thread either way.
 */
export function subsetFont(key: FontKey, codePoints: Iterable<number>): Uint8Array {
  const hb = harfBuzz();
  const face = faceOf(hb, key);
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error('harfbuzz could not create a subset input');
  let subset = 0;
  try {
    const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(features);
    hb.hb_set_invert(features);
    hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_HINTING);
    // pdf-lib draws glyph ids at their hmtx advances and never uses GPOS positions, yet fontkit computes
    // them for every string it encodes, parsing the table afresh for each document's subset (about a
    // sixth of a multi-script receipt). PDF viewers do not read GPOS either.
    hb.hb_set_add(hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG), GPOS);
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const codePoint of codePoints) hb.hb_set_add(unicodes, codePoint);
    subset = hb.hb_subset_or_fail(face, input);
  } finally {
    hb.hb_subset_input_destroy(input);
  }
  if (subset === 0) throw new Error(`harfbuzz could not subset the ${key} font`);
  const blob = hb.hb_face_reference_blob(subset);
  try {
    const length = hb.hb_blob_get_length(blob);
    if (length === 0) throw new Error(`harfbuzz produced an empty ${key} subset`);
    const data = hb.hb_blob_get_data(blob, 0);
    return new Uint8Array(hb.memory.buffer, data, length).slice();
  } finally {
    hb.hb_blob_destroy(blob);
    hb.hb_face_destroy(subset);
  }
}

/**
 * fast-check arbitraries derived from a route's zod schemas, through their JSON Schema
 * (`z.toJSONSchema(schema, { io: 'input' })`): nothing here copies a rule of the API. Two kinds:
 * - `validLooking`: values of the declared shape (types, enums, patterns, bounds, required and optional
 *   properties, nullable, arrays with their item counts, dates with `format: date`); rules JSON Schema
 *   cannot say (a postal code's letters, a date not after today) are left to chance, and `hints` supply
 *   real references (an active site, a stored client) by property name;
 * - `hostileValue`: values against the schema: other JSON types, out-of-range numbers, number literals
 *   JSON.stringify cannot write, strings beyond maxLength or outside the pattern or enum, and the
 *   generic hostile strings of ./hostile.ts.
 * Whether a generated value is valid is decided later by the route's own zod schema, never here.
 */
import * as fc from 'fast-check';
import * as z from 'zod';
import { hostileDates, hostileStrings, text, validDate } from './hostile';
import { RawJson } from './json-text';

type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'null' | 'array' | 'object';

export interface JsonSchema {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: JsonType | JsonType[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  example?: unknown;
}

/** The input JSON Schema of a zod schema (transforms and refinements are left to the zod oracle). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Property name → an arbitrary for it (real references: site ids, stored clients, cursors). */
export type Hints = Record<string, fc.Arbitrary<unknown> | undefined>;

export interface SchemaContext {
  root: JsonSchema;
  today: string;
  hints?: Hints;
}

function deref(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace(/^#\/\$defs\//, '');
  const target = root.$defs?.[name];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  const { $ref: _ref, ...rest } = schema;
  return deref({ ...target, ...rest }, root);
}

/** The schema with its $ref resolved. */
export function resolved(schema: JsonSchema, root: JsonSchema): JsonSchema {
  return deref(schema, root);
}

/** anyOf/oneOf branches, each with the keywords of the parent (a nullable string's maxLength, its example). */
function branchesOf(schema: JsonSchema, root: JsonSchema): JsonSchema[] | undefined {
  const branches = schema.anyOf ?? schema.oneOf;
  if (!branches) return undefined;
  const { anyOf: _a, oneOf: _o, ...rest } = schema;
  return branches.map((branch) => ({ ...rest, ...deref(branch, root) }));
}

function typesOf(schema: JsonSchema): JsonType[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  return [];
}

/** Every JSON type a schema (with its branches) accepts; [] means any. */
function acceptedTypes(schema: JsonSchema, root: JsonSchema): JsonType[] {
  const s = deref(schema, root);
  if ('const' in s) return [jsonTypeOf(s.const)];
  if (s.enum) return [...new Set(s.enum.map(jsonTypeOf))];
  const branches = branchesOf(s, root);
  if (branches) return [...new Set(branches.flatMap((b) => acceptedTypes(b, root)))];
  const types = typesOf(s);
  return types.includes('integer') ? [...types, 'number'] : types;
}

function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value as JsonType;
}

function patternString(pattern: string, minLength = 0, maxLength = Number.POSITIVE_INFINITY): fc.Arbitrary<string> {
  return fc.stringMatching(new RegExp(pattern)).filter((s) => s.length >= minLength && s.length <= maxLength);
}

/** A string shaped like `example`: same length, letters for letters, digits for digits, the rest kept. */
function shapedLike(example: string): fc.Arbitrary<string> {
  const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');
  const digit = fc.constantFrom(...'0123456789');
  const parts = [...example].map((ch) => (/[A-Za-z]/.test(ch) ? letter : /\d/.test(ch) ? digit : fc.constant(ch)));
  return fc.tuple(...parts).map((chars) => chars.join(''));
}

function validString(schema: JsonSchema, context: SchemaContext): fc.Arbitrary<string> {
  if (schema.format === 'date') return validDate(context.today);
  if (schema.pattern) return patternString(schema.pattern, schema.minLength, schema.maxLength);
  if (typeof schema.example === 'string') {
    return fc.oneof({ weight: 1, arbitrary: fc.constant(schema.example) }, { weight: 3, arbitrary: shapedLike(schema.example) });
  }
  return text(schema.maxLength ?? 200);
}

/** Values of the schema's shape. `path` names where the value goes (hints match its last segment). */
export function validLooking(schema: JsonSchema, context: SchemaContext, path: readonly (string | number)[] = []): fc.Arbitrary<unknown> {
  const name = path.at(-1);
  const hint = typeof name === 'string' ? context.hints?.[name] : undefined;
  if (hint) return hint;
  const s = deref(schema, context.root);
  if ('const' in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const branches = branchesOf(s, context.root);
  if (branches) return fc.oneof(...branches.map((branch) => validLooking(branch, context, path)));
  const types = typesOf(s);
  if (types.length > 1) return fc.oneof(...types.map((type) => validLooking({ ...s, type }, context, path)));
  switch (types[0]) {
    case 'string':
      return validString(s, context);
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1_000_000, max: s.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = validLooking(s.items ?? {}, context, [...path, 0]);
      const minLength = s.minItems ?? 0;
      const maxLength = Math.min(s.maxItems ?? 5, 25);
      return fc.oneof(
        { weight: 4, arbitrary: fc.array(item, { minLength, maxLength: Math.min(maxLength, minLength + 3) }) },
        { weight: 1, arbitrary: fc.array(item, { minLength, maxLength }) },
      );
    }
    case 'object': {
      const properties = s.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, property] of Object.entries(properties)) model[key] = validLooking(property, context, [...path, key]);
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((key) => key in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const otherTypeValues: Record<JsonType, fc.Arbitrary<unknown>> = {
  string: fc.constantFrom('', 'x', '0', 'null', 'true'),
  integer: fc.constantFrom(0, -1, 1, 2020, 2147483648),
  number: fc.constantFrom(0.5, -1.5, 1e-7, 1e21),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.constantFrom([], [null], ['x'], [[[]]]),
  object: fc.constantFrom({}, { a: 1 }, { value: 'x' }),
};

/** Number literals that JSON.stringify cannot write but a JSON parser reads (or refuses). */
const numberLiterals = fc.constantFrom(
  '1e400',
  '-1e400',
  '-0',
  '1.0',
  '2020.0',
  '2.02e3',
  '9007199254740993',
  '1E2',
  '0.1e1',
  '00',
  '-',
  '1.',
  '.5',
  '+1',
  'NaN',
  'Infinity',
  '0x10',
);

/** Values against the schema (they may still happen to be valid: the zod oracle decides). */
export function hostileValue(schema: JsonSchema, context: SchemaContext): fc.Arbitrary<unknown> {
  const s = deref(schema, context.root);
  const accepted = acceptedTypes(s, context.root);
  const choices: fc.Arbitrary<unknown>[] = [];
  const wrongTypes = (Object.keys(otherTypeValues) as JsonType[]).filter((type) => !accepted.includes(type));
  if (wrongTypes.length > 0) choices.push(fc.constantFrom(...wrongTypes).chain((type) => otherTypeValues[type]));
  choices.push(numberLiterals.map((literal) => new RawJson(literal)));
  const branches = branchesOf(s, context.root) ?? [s];
  for (const branch of branches) {
    const types = typesOf(branch);
    if (branch.enum) {
      const values = branch.enum.filter((v): v is string => typeof v === 'string');
      if (values.length > 0) {
        choices.push(
          fc
            .constantFrom(...values)
            .chain((v) =>
              fc.constantFrom(
                v.toLowerCase(),
                ` ${v}`,
                `${v} `,
                `${v}\u0000`,
                v.replace(/_/g, ' '),
                `${v}${v}`,
                v.slice(1),
                v.replace(/A/g, '\u0391'),
              ),
            ),
        );
      }
    }
    if (types.includes('string')) {
      choices.push(hostileStrings);
      if (branch.format === 'date') choices.push(hostileDates(context.today));
      if (branch.maxLength !== undefined) {
        const max = branch.maxLength;
        choices.push(
          fc
            .constantFrom(max + 1, max * 2, 70_000)
            .chain((length) => fc.constantFrom('x', 'é', '😀', ' ', 'word ').map((unit) => unit.repeat(Math.ceil(length / unit.length)))),
        );
      }
      if (branch.pattern) {
        const pattern = new RegExp(branch.pattern);
        choices.push(fc.string({ unit: 'grapheme', maxLength: 70 }).filter((candidate) => !pattern.test(candidate)));
        choices.push(patternString(branch.pattern).map((valid) => `${valid}\n`));
      }
    }
    if (types.includes('integer') || types.includes('number')) {
      const { minimum, maximum } = branch;
      const edges = [
        minimum !== undefined ? minimum - 1 : -1,
        maximum !== undefined ? maximum + 1 : 1e9,
        1.5,
        -0.5,
        Number.MAX_SAFE_INTEGER + 2,
        -Number.MAX_VALUE,
      ];
      choices.push(fc.constantFrom(...edges));
      if (minimum !== undefined) choices.push(fc.constant(String(minimum)));
    }
    if (types.includes('array')) {
      const item = validLooking(branch.items ?? {}, context);
      if ((branch.minItems ?? 0) > 0) choices.push(fc.constant([]));
      if (branch.maxItems !== undefined) choices.push(fc.array(item, { minLength: branch.maxItems + 1, maxLength: branch.maxItems + 3 }));
      choices.push(fc.array(hostileValue(branch.items ?? {}, context), { minLength: 1, maxLength: 3 }));
    }
    if (types.includes('object')) choices.push(fc.constantFrom([], 'object', 0));
  }
  return fc.oneof(...choices);
}

/** The properties of an object schema (after $ref), for mutations that name them. */
export function propertiesOf(schema: JsonSchema, root: JsonSchema): { properties: Record<string, JsonSchema>; required: string[] } {
  const s = deref(schema, root);
  return { properties: s.properties ?? {}, required: s.required ?? [] };
}

/**
 * The anonymous client profile (CONTRACT §6): its request rules and its stored shape.
 * An anonymous profile never becomes a named client; nothing here can give it a name.
 */
import * as z from 'zod';
import { isIsoCalendarDate } from './calendar';
import { clientMessage, clientZodMessage } from './client-messages';
import { freeTextInputSchema } from './free-text';
import { normalizePostalCode } from './postal-code';
import { codesOf, FIRST_ARRIVAL_YEAR, GENDERS, IMMIGRATION_STATUSES } from './reference-data';
import { SiteIdSchema } from './site';

export const ANONYMOUS_CLIENT_NAME = { en: 'Anonymous Client', fr: 'Client anonyme' } as const;
export const EARLIEST_REGISTRATION_DATE = '2000-01-01';
export const MAX_COMMENT_CHARACTERS = 4000;
export const MAX_BATCH_CLIENTS = 25;

/** The one answer for a client that is missing or belongs to another agency: the two are indistinguishable. */
export const CLIENT_NOT_FOUND = clientMessage('client.notFound');

/** Fields fixed at registration: an edit that names them is refused (CONTRACT §6). */
export const IMMUTABLE_FIELDS = ['registrationDate', 'clientType', 'clientName', 'agency'] as const;

/** Fields the server owns: a body that names them is refused, so no client can claim another agency. */
export const SERVER_OWNED_FIELDS = [
  'clientId',
  'clientType',
  'clientName',
  'agency',
  'agencyId',
  'createdAt',
  'createdBy',
  'updatedAt',
  'version',
  'site',
] as const;

const GenderSchema = z.enum(codesOf(GENDERS)).meta({ description: 'A gender code from GET /v1/reference-data.' });
const ImmigrationStatusSchema = z
  .enum(codesOf(IMMIGRATION_STATUSES))
  .meta({ description: 'An immigration status code from GET /v1/reference-data.' });

const arrivalYearSchema = (currentYear: number) =>
  z
    .union([z.int().min(FIRST_ARRIVAL_YEAR).max(currentYear), z.literal('UNKNOWN')], {
      error: clientZodMessage('field.arrivalYear', { min: FIRST_ARRIVAL_YEAR, max: currentYear }),
    })
    .meta({ description: `Year of arrival in Canada (${FIRST_ARRIVAL_YEAR} to the current year) or "UNKNOWN".` });

const postalCodeInputSchema = z
  .string()
  .nullable()
  .transform((value, ctx) => {
    if (value === null || value.trim() === '') return null;
    const normalized = normalizePostalCode(value);
    if (!normalized) {
      ctx.addIssue({ code: 'custom', message: clientZodMessage('field.postalCode') });
      return z.NEVER;
    }
    return normalized;
  })
  .meta({
    type: ['string', 'null'],
    description:
      'Canadian postal code, full (A1A 1A1) or its first three characters; any case, space optional. Stored upper case with one space.',
    example: 'M5V 2T6',
  });

/** A calendar date from 2000-01-01 to the agency's today. */
export const dateUpToTodaySchema = (today: string) =>
  z
    .string()
    .refine(isIsoCalendarDate, { message: clientZodMessage('field.date'), abort: true })
    .refine((date) => date >= EARLIEST_REGISTRATION_DATE, clientZodMessage('field.dateNotBefore', { date: EARLIEST_REGISTRATION_DATE }))
    .refine((date) => date <= today, clientZodMessage('field.dateNotAfterToday', { today }))
    .meta({ format: 'date', description: "Not after today in the agency's time zone, not before 2000-01-01." });

const commentsInputSchema = freeTextInputSchema(MAX_COMMENT_CHARACTERS).meta({
  type: ['string', 'null'],
  maxLength: MAX_COMMENT_CHARACTERS,
  description: 'About the client only; visible to and searchable by everyone in the agency. Stored trimmed and NFC-normalised.',
});

function buildRules(today: string) {
  const currentYear = Number(today.slice(0, 4));
  const registration = z
    .strictObject({
      gender: GenderSchema,
      arrivalYear: arrivalYearSchema(currentYear).optional().default('UNKNOWN'),
      immigrationStatus: ImmigrationStatusSchema.optional().default('UNKNOWN'),
      postalCode: postalCodeInputSchema.optional().transform((value) => value ?? null),
      registrationDate: dateUpToTodaySchema(today),
      siteId: SiteIdSchema,
      comments: commentsInputSchema.optional().transform((value) => value ?? null),
    })
    .meta({ id: 'AnonymousClientRegistration' });

  // "Register Another Client": a room of people registered in one all-or-nothing request.
  const batch = z
    .strictObject({ clients: z.array(registration).min(1).max(MAX_BATCH_CLIENTS) })
    .meta({ id: 'AnonymousClientBatchRegistration' });

  // An edit names only the fields it changes; null clears the postal code or the comments.
  const edit = z
    .strictObject({
      gender: GenderSchema.optional(),
      arrivalYear: arrivalYearSchema(currentYear).optional(),
      immigrationStatus: ImmigrationStatusSchema.optional(),
      postalCode: postalCodeInputSchema.optional(),
      siteId: SiteIdSchema.optional(),
      comments: commentsInputSchema.optional(),
    })
    .refine((fields) => Object.keys(fields).length > 0, clientZodMessage('field.nothingToChange'))
    .meta({ id: 'AnonymousClientEdit' });
  return { registration, batch, edit };
}

let cachedRules: { today: string; rules: ReturnType<typeof buildRules> } | undefined;

/**
 * The request rules as of the agency's `today`. "Today" bounds the registration date and the arrival
 * year, so the schema depends on it; it is rebuilt at most once a day.
 */
export function anonymousClientRules(today: string): ReturnType<typeof buildRules> {
  if (cachedRules?.today !== today) cachedRules = { today, rules: buildRules(today) };
  return cachedRules.rules;
}

export type AnonymousClientRegistration = z.output<ReturnType<typeof buildRules>['registration']>;
export type AnonymousClientEdit = z.output<ReturnType<typeof buildRules>['edit']>;

export const AnonymousClientSchema = z
  .object({
    clientId: z.string().meta({ example: '7M2K9Q4TZ8W3XH5RBN6CDFJPVA' }),
    clientType: z.literal('ANONYMOUS'),
    clientName: z.literal(ANONYMOUS_CLIENT_NAME.en).meta({ description: 'Always "Anonymous Client" ("Client anonyme" in French).' }),
    agency: z.object({ agencyId: z.string(), name: z.string() }),
    gender: GenderSchema,
    arrivalYear: z.union([z.int(), z.literal('UNKNOWN')]),
    immigrationStatus: ImmigrationStatusSchema,
    postalCode: z.string().nullable(),
    registrationDate: z.string().meta({ format: 'date' }),
    site: z.object({ siteId: z.string(), name: z.string() }),
    comments: z.string().nullable(),
    createdAt: z.string().meta({ format: 'date-time' }),
    createdBy: z.string().meta({ description: 'The staff user (token subject) who registered the client.' }),
    updatedAt: z.string().meta({ format: 'date-time' }),
    version: z.int().positive(),
  })
  .meta({ id: 'AnonymousClient' });

export type AnonymousClient = z.output<typeof AnonymousClientSchema>;

export const AnonymousClientListSchema = z.object({ items: z.array(AnonymousClientSchema) }).meta({ id: 'AnonymousClientList' });

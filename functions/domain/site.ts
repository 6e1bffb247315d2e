/**
 * Registration sites: the catalog of schools, non-schools and reception centres where staff meet
 * clients. The catalog is shared by every agency; a client record keeps only the site's id and name.
 */
import * as z from 'zod';
import { type Message, message, zodMessage } from './messages';
import { normalizePostalCode } from './postal-code';

export const SITE_CATEGORIES = ['SCHOOL', 'NON_SCHOOL', 'RECEPTION_CENTRE'] as const;
export type SiteCategory = (typeof SITE_CATEGORIES)[number];

/** Column order of the catalog CSV (CONTRACT §5). */
export const SITE_CSV_COLUMNS = ['siteId', 'name', 'category', 'group', 'address', 'city', 'postalCode', 'active'] as const;

export const SiteIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, zodMessage('field.siteId'))
  .meta({ example: 'ON-SCH-00042' });

/** Why a request's site cannot be used: the catalog has it but inactive, or not at all. */
export function unusableSiteDetail(siteExists: boolean): Message {
  return message(siteExists ? 'field.siteInactive' : 'field.siteUnknown');
}

const nonBlank = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const SiteSchema = z
  .object({
    siteId: SiteIdSchema,
    name: nonBlank(200),
    category: z.enum(SITE_CATEGORIES),
    group: nonBlank(200).describe('The school board for schools; the area or network otherwise.'),
    address: nonBlank(200),
    city: nonBlank(100),
    postalCode: z
      .string()
      .transform((value, ctx) => {
        const normalized = normalizePostalCode(value);
        if (!normalized || normalized.length !== 7) {
          ctx.addIssue({ code: 'custom', message: 'must be a full Canadian postal code (A1A 1A1)' });
          return z.NEVER;
        }
        return normalized;
      })
      .meta({ type: 'string', example: 'M5V 2T6' }),
    active: z.boolean(),
  })
  .strict()
  .meta({ id: 'Site' });

export type Site = z.output<typeof SiteSchema>;

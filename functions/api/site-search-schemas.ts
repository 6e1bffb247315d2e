/**
 * Request and response schemas of the site-search routes (CONTRACT §5), for validation and for the
 * OpenAPI document. Query parameters are validated by these in the handlers, so a bad value is a 400
 * naming the parameter as a pointer (`/limit`).
 */
import * as z from 'zod';
import { zodMessage } from '../domain/messages';
import { searchTextSchema } from '../domain/search-text';
import { SITE_CATEGORIES, type SiteCategory, SiteSchema } from '../domain/site';
import { queryWords } from '../domain/site-search/normalize';

export const MAX_QUERY_WORDS = 10;
export const DEFAULT_LIMIT = 25;
const CATEGORY_LIST = new RegExp(`^(${SITE_CATEGORIES.join('|')})(,(${SITE_CATEGORIES.join('|')}))*$`);

const isSiteCategory = (code: string): code is SiteCategory => (SITE_CATEGORIES as readonly string[]).includes(code);

export const ListSitesQuerySchema = z
  .object({
    q: searchTextSchema(100)
      .refine((q) => queryWords(q).length <= MAX_QUERY_WORDS, zodMessage('field.maxWords', { max: MAX_QUERY_WORDS }))
      .optional()
      .meta({
        description:
          'Part of the name: case-, accent- and punctuation-insensitive, words in any order, each word a prefix, one typo tolerated in words of 5+ letters. Best matches first.',
        example: 'st marys',
      }),
    category: z
      .string()
      .max(100)
      .regex(CATEGORY_LIST, zodMessage('field.categories', { categories: SITE_CATEGORIES.join(', ') }))
      .transform((list) => list.split(',').filter(isSiteCategory))
      .optional()
      .meta({ description: 'One category, or several separated by commas (any of them).', example: 'NON_SCHOOL,RECEPTION_CENTRE' }),
    group: searchTextSchema(200)
      .optional()
      .meta({ description: 'Exactly this school board, area or network.', example: 'Toronto District School Board' }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(100)
      .optional()
      .meta({ type: 'integer', description: `Sites per page, 1 to 100 (default ${DEFAULT_LIMIT}).`, example: 25 }),
    cursor: z
      .string()
      .max(1024)
      .regex(/^[A-Za-z0-9_-]*$/, zodMessage('field.siteCursor'))
      .optional()
      .meta({ description: "The previous page's nextCursor, with the same q, category and group." }),
  })
  .strict();

export const SiteListSchema = z
  .object({
    items: z.array(SiteSchema),
    total: z.int().meta({ description: 'Every match, on every page.' }),
    nextCursor: z.string().nullable().meta({ description: 'Pass as cursor for the next page; null on the last page.' }),
  })
  .meta({ id: 'SiteList' });

const LabelSchema = z.object({ en: z.string(), fr: z.string() });

const TreeLeafSchema = z.object({
  key: z.string().meta({
    description: '`<category>:<group>`; list it with ?category=<category>&group=<group>.',
    example: 'SCHOOL:Toronto District School Board',
  }),
  label: LabelSchema,
  count: z.int(),
});

export const SiteTreeSchema = z
  .object({
    nodes: z.array(
      z.object({
        key: z.string().meta({ example: 'SCHOOLS' }),
        label: LabelSchema,
        count: z.int(),
        children: z.array(TreeLeafSchema).optional(),
      }),
    ),
  })
  .meta({ id: 'SiteTree' });

export const CompactSiteIndexSchema = z
  .object({
    version: z.string(),
    builtAt: z.string(),
    fields: z.tuple([z.literal('siteId'), z.literal('name'), z.literal('group')]),
    groups: z.array(z.object({ category: z.enum(SITE_CATEGORIES), group: z.string() })),
    sites: z
      .array(z.tuple([z.string(), z.string(), z.int()]))
      .meta({ description: 'Active sites as [siteId, name, position in groups], alphabetical.' }),
  })
  .meta({ id: 'CompactSiteIndex' });

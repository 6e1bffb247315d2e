/** Registration-site routes: one site, search and browse, and the compact index for type-ahead. Part of the route table (functions/api/routes.ts). */
import { message } from '../../domain/messages';
import { SiteSchema } from '../../domain/site';
import { SiteIdParamsSchema } from '../path-parameters';
import { CompactSiteIndexSchema, ListSitesQuerySchema, SiteListSchema, SiteTreeSchema } from '../site-search-schemas';
import { ALL_ROLES, type RouteDefinition } from './route-definition';
export const siteRoutes = [
  {
    operationId: 'getSite',
    method: 'GET',
    path: '/v1/sites/{siteId}',
    handler: 'functions/handlers/get-site.ts',
    auth: 'jwt',
    roles: ALL_ROLES,
    access: { table: { site: ['get'] } },
    summary: 'One registration site (also an inactive one: old registrations point at it)',
    tag: 'Registration sites',
    params: SiteIdParamsSchema,
    notFound: message('site.notFound'),
    success: { status: 200, description: 'The site.', schema: SiteSchema },
    errorStatuses: [404],
  },
  {
    operationId: 'listSites',
    method: 'GET',
    path: '/v1/sites',
    handler: 'functions/handlers/list-sites.ts',
    auth: 'jwt',
    roles: ALL_ROLES,
    access: { table: 'none', siteIndex: 'read' },
    summary: 'Find registration sites by name, or list the sites under a node of the browse tree',
    description:
      'Served from the in-memory site index (never a table scan). Inactive sites are never listed. Ranked: names that start with q, then names with every word of q as a word prefix, then typo matches; ties alphabetical. An empty parameter is the same as an absent one.',
    tag: 'Registration sites',
    query: ListSitesQuerySchema,
    success: { status: 200, description: 'One page of matches.', schema: SiteListSchema },
  },
  {
    operationId: 'getSiteTree',
    method: 'GET',
    path: '/v1/sites/tree',
    handler: 'functions/handlers/get-site-tree.ts',
    auth: 'jwt',
    roles: ALL_ROLES,
    access: { table: 'none', siteIndex: 'read' },
    summary: 'The browse tree: Schools by school board, Non-schools or Reception Centres by group',
    description: "Each count equals the total of GET /v1/sites for that node: a child's key is `<category>:<group>`.",
    tag: 'Registration sites',
    success: { status: 200, description: 'The tree.', schema: SiteTreeSchema },
  },
  {
    operationId: 'getSiteIndex',
    method: 'GET',
    path: '/v1/sites/index',
    handler: 'functions/handlers/get-site-index.ts',
    auth: 'jwt',
    roles: ALL_ROLES,
    access: { table: 'none', siteIndex: 'read' },
    summary: 'The compact site index, for front ends that filter as the user types',
    description:
      'Strong ETag (one per content coding), Cache-Control, 304 on a matching If-None-Match, gzip when Accept-Encoding allows it.',
    tag: 'Registration sites',
    success: {
      status: 200,
      description: 'Every active site as [siteId, name, group].',
      schema: CompactSiteIndexSchema,
      headers: {
        ETag: 'Strong entity tag of this representation; send it back in If-None-Match.',
        'Cache-Control': 'private, max-age=60: reuse for a minute, then revalidate.',
        Vary: 'Accept-Encoding',
      },
    },
    errorStatuses: [304],
  },
] as const satisfies readonly RouteDefinition[];

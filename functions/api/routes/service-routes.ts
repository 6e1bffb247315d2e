/** Service routes: health, this API's OpenAPI document, the reference data of the forms. Part of the route table (functions/api/routes.ts). */
import { HealthSchema, OpenApiDocumentSchema, ReferenceDataSchema } from '../schemas';
import { ALL_ROLES, type RouteDefinition } from './route-definition';
export const serviceRoutes = [
  {
    operationId: 'getHealth',
    method: 'GET',
    path: '/v1/health',
    handler: 'functions/handlers/get-health.ts',
    auth: 'public',
    roles: [],
    access: { table: 'none' },
    summary: 'Liveness and version',
    tag: 'Service',
    success: { status: 200, description: 'The service is up.', schema: HealthSchema },
  },
  {
    operationId: 'getOpenApiDocument',
    method: 'GET',
    path: '/v1/openapi.json',
    handler: 'functions/handlers/get-openapi-document.ts',
    auth: 'public',
    roles: [],
    access: { table: 'none' },
    summary: 'This OpenAPI 3.1 document',
    tag: 'Service',
    success: { status: 200, description: 'The OpenAPI document.', schema: OpenApiDocumentSchema },
  },
  {
    operationId: 'getReferenceData',
    method: 'GET',
    path: '/v1/reference-data',
    handler: 'functions/handlers/get-reference-data.ts',
    auth: 'jwt',
    roles: ALL_ROLES,
    access: { table: 'none' },
    summary: 'Codes and bilingual labels for the registration form',
    tag: 'Reference data',
    success: { status: 200, description: 'Reference data.', schema: ReferenceDataSchema },
  },
] as const satisfies readonly RouteDefinition[];

/**
 * Generated from the API's OpenAPI document (GET /v1/openapi.json) by openapi-typescript.
 * Do not edit by hand: run `npm run web:api-types` (test/unit/web-api-types.test.ts fails on drift).
 */
export interface paths {
  '/v1/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness and version */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This OpenAPI 3.1 document */
    get: operations['getOpenApiDocument'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reference-data': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Codes and bilingual labels for the registration form */
    get: operations['getReferenceData'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/anonymous-clients': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Find a Client or Group Activity in my Agency: search comments, newest registration first
     * @description Only the caller's agency. Every word of q must be a word of the comments (the last may be its beginning, 2 letters or more); case and accents do not matter. siteId, from and to also work without q. An empty parameter is the same as an absent one. A new or edited comment is searchable within about a second.
     */
    get: operations['findAnonymousClients'];
    put?: never;
    /**
     * Register an anonymous client
     * @description The agency comes from the caller's token; client name and type are fixed. The site name is filled in from the catalog.
     */
    post: operations['registerAnonymousClient'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/anonymous-clients/{clientId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One of the agency's anonymous clients
     * @description Another agency's client is answered exactly like a missing one: 404.
     */
    get: operations['getAnonymousClient'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Correct an anonymous client
     * @description Only gender, arrivalYear, immigrationStatus, postalCode, siteId and comments may change; null clears postalCode or comments. registrationDate, clientType, clientName and agency are immutable (400). If-Match with the ETag is required (428 without, 412 when stale; "*" accepts any version).
     */
    patch: operations['editAnonymousClient'];
    trace?: never;
  };
  '/v1/anonymous-clients/batch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Register several anonymous clients at once (a room of people), all or nothing
     * @description 1 to 25 clients, each as for a single registration. Errors point at the client: /clients/3/postalCode.
     */
    post: operations['registerAnonymousClientBatch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/anonymous-clients/{clientId}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A client's audit trail: who did what and to which fields, never the values */
    get: operations['getAnonymousClientHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/anonymous-clients/{clientId}/session-draft': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** "Begin Session with Client": the session form pre-filled from the profile */
    get: operations['getSessionDraft'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/anonymous-clients/{clientId}/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The client's session (at most one) */
    get: operations['listSessions'];
    put?: never;
    /**
     * Create the one session an anonymous client takes
     * @description An anonymous person is a new client each time a session is created: a second session for the same profile is a 409 telling staff to register a new anonymous client.
     */
    post: operations['beginSession'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sites/{siteId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One registration site (also an inactive one: old registrations point at it) */
    get: operations['getSite'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sites': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Find registration sites by name, or list the sites under a node of the browse tree
     * @description Served from the in-memory site index (never a table scan). Inactive sites are never listed. Ranked: names that start with q, then names with every word of q as a word prefix, then typo matches; ties alphabetical. An empty parameter is the same as an absent one.
     */
    get: operations['listSites'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sites/tree': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The browse tree: Schools by school board, Non-schools or Reception Centres by group
     * @description Each count equals the total of GET /v1/sites for that node: a child's key is `<category>:<group>`.
     */
    get: operations['getSiteTree'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sites/index': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The compact site index, for front ends that filter as the user types
     * @description Strong ETag (one per content coding), Cache-Control, 304 on a matching If-None-Match, gzip when Accept-Encoding allows it.
     */
    get: operations['getSiteIndex'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/anonymous-clients/{clientId}/receipts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A client's receipts that can still be retrieved, newest first, each with a fresh link
     * @description `?disposition=inline` makes the links open in the browser (to print) instead of downloading.
     */
    get: operations['listReceipts'];
    put?: never;
    /**
     * Print the Registration Receipt: render a PDF or CSV receipt in English or French and store it
     * @description The file is stored (encrypted) in the receipts bucket; `url` is a presigned GET link that serves it as anonymous-client-<short id>-receipt.<ext> until `urlExpiresAt` (15 minutes by default): downloaded ("Save as", `disposition: attachment`, the default) or opened in the browser's own viewer to print (`disposition: inline`). Receipts are kept 30 days by default.
     */
    post: operations['createReceipt'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/anonymous-clients/{clientId}/receipts/{receiptId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One receipt with a fresh link
     * @description Another agency's receipt, or one past its retention period, is answered 404. `?disposition=inline` makes the link open in the browser (to print) instead of downloading.
     */
    get: operations['getReceipt'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reports/anonymous-clients': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Anonymous clients served and their sessions, counted by month, site, gender, status or arrival year
     * @description Agency admins only. Clients are counted by registration month, sessions by service month; a session counts the person as described when it began (a later edit of the profile moves the client, not the session). Counts are kept from the table's stream and trail the records by about a second: `asOf` says up to when they are complete. Accept: text/csv answers the same table as CSV (UTF-8 with BOM, labels in the Accept-Language language, a totals row). suppressBelow (2 to 10) is for tables that leave the agency: small counts are null (CSV: "<n") and enough others are withheld that none can be worked out (docs/reports.md).
     */
    get: operations['getAnonymousClientReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Health: {
      /** @enum {string} */
      status: 'ok';
      version: string;
    };
    Problem: {
      /** @example urn:newcomer-intake:problem:invalid-request */
      type: string;
      title: string;
      status: number;
      detail: string;
      /** @description Identifies this occurrence; quote it to support (it is the correlation id in our logs). */
      instance: string;
      /** @description Every bad field of the request, as JSON Pointers into its body. */
      errors?: {
        /** @example /postalCode */
        pointer: string;
        detail: string;
      }[];
    };
    OpenApiDocument: {
      openapi: string;
      info: {
        [key: string]: unknown;
      };
      paths: {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    ReferenceData: {
      genders: components['schemas']['CodedValue'][];
      immigrationStatuses: components['schemas']['CodedValue'][];
      sessionTypes: components['schemas']['CodedValue'][];
      deliveryMethods: components['schemas']['CodedValue'][];
      arrivalYear: {
        min: number;
        max: number;
      };
      languages: ('en' | 'fr')[];
      receiptFormats: ('pdf' | 'csv')[];
    };
    CodedValue: {
      code: string;
      label: components['schemas']['Label'];
    };
    Label: {
      en: string;
      fr: string;
    };
    AnonymousClient: {
      /** @example 7M2K9Q4TZ8W3XH5RBN6CDFJPVA */
      clientId: string;
      /** @enum {string} */
      clientType: 'ANONYMOUS';
      /**
       * @description Always "Anonymous Client" ("Client anonyme" in French).
       * @enum {string}
       */
      clientName: 'Anonymous Client';
      agency: {
        agencyId: string;
        name: string;
      };
      /**
       * @description A gender code from GET /v1/reference-data.
       * @enum {string}
       */
      gender: 'FEMALE' | 'MALE' | 'GENDER_DIVERSE' | 'PREFER_NOT_TO_SAY' | 'UNKNOWN';
      arrivalYear: number | 'UNKNOWN';
      /**
       * @description An immigration status code from GET /v1/reference-data.
       * @enum {string}
       */
      immigrationStatus:
        | 'PERMANENT_RESIDENT'
        | 'PROTECTED_PERSON'
        | 'REFUGEE_CLAIMANT'
        | 'TEMPORARY_FOREIGN_WORKER'
        | 'INTERNATIONAL_STUDENT'
        | 'VISITOR'
        | 'CANADIAN_CITIZEN'
        | 'CUAET'
        | 'OTHER'
        | 'UNKNOWN';
      postalCode: string | null;
      /** Format: date */
      registrationDate: string;
      site: {
        siteId: string;
        name: string;
      };
      comments: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @description The staff user (token subject) who registered the client. */
      createdBy: string;
      /** Format: date-time */
      updatedAt: string;
      version: number;
    };
    AnonymousClientRegistration: {
      /**
       * @description A gender code from GET /v1/reference-data.
       * @enum {string}
       */
      gender: 'FEMALE' | 'MALE' | 'GENDER_DIVERSE' | 'PREFER_NOT_TO_SAY' | 'UNKNOWN';
      /**
       * @description Year of arrival in Canada (1900 to the current year) or "UNKNOWN".
       * @default UNKNOWN
       */
      arrivalYear: number | 'UNKNOWN';
      /**
       * @description An immigration status code from GET /v1/reference-data.
       * @default UNKNOWN
       * @enum {string}
       */
      immigrationStatus:
        | 'PERMANENT_RESIDENT'
        | 'PROTECTED_PERSON'
        | 'REFUGEE_CLAIMANT'
        | 'TEMPORARY_FOREIGN_WORKER'
        | 'INTERNATIONAL_STUDENT'
        | 'VISITOR'
        | 'CANADIAN_CITIZEN'
        | 'CUAET'
        | 'OTHER'
        | 'UNKNOWN';
      /**
       * @description Canadian postal code, full (A1A 1A1) or its first three characters; any case, space optional. Stored upper case with one space.
       * @example M5V 2T6
       */
      postalCode?: string | null;
      /**
       * Format: date
       * @description Not after today in the agency's time zone, not before 2000-01-01.
       */
      registrationDate: string;
      /** @example ON-SCH-00042 */
      siteId: string;
      /** @description About the client only; visible to and searchable by everyone in the agency. Stored trimmed and NFC-normalised. */
      comments?: string | null;
    };
    AnonymousClientList: {
      items: components['schemas']['AnonymousClient'][];
    };
    AnonymousClientBatchRegistration: {
      clients: components['schemas']['AnonymousClientRegistration'][];
    };
    AnonymousClientEdit: {
      /**
       * @description A gender code from GET /v1/reference-data.
       * @enum {string}
       */
      gender?: 'FEMALE' | 'MALE' | 'GENDER_DIVERSE' | 'PREFER_NOT_TO_SAY' | 'UNKNOWN';
      /** @description Year of arrival in Canada (1900 to the current year) or "UNKNOWN". */
      arrivalYear?: number | 'UNKNOWN';
      /**
       * @description An immigration status code from GET /v1/reference-data.
       * @enum {string}
       */
      immigrationStatus?:
        | 'PERMANENT_RESIDENT'
        | 'PROTECTED_PERSON'
        | 'REFUGEE_CLAIMANT'
        | 'TEMPORARY_FOREIGN_WORKER'
        | 'INTERNATIONAL_STUDENT'
        | 'VISITOR'
        | 'CANADIAN_CITIZEN'
        | 'CUAET'
        | 'OTHER'
        | 'UNKNOWN';
      /**
       * @description Canadian postal code, full (A1A 1A1) or its first three characters; any case, space optional. Stored upper case with one space.
       * @example M5V 2T6
       */
      postalCode?: string | null;
      /** @example ON-SCH-00042 */
      siteId?: string;
      /** @description About the client only; visible to and searchable by everyone in the agency. Stored trimmed and NFC-normalised. */
      comments?: string | null;
    };
    ClientHistory: {
      items: components['schemas']['AuditEntry'][];
    };
    AuditEntry: {
      /** Format: date-time */
      at: string;
      /** @description The staff user (token subject). */
      by: string;
      /** @enum {string} */
      action: 'REGISTERED' | 'EDITED' | 'RECEIPT_CREATED' | 'SESSION_BEGUN';
      /** @description Names of the fields set or changed; never their values. */
      fields: string[];
    };
    AnonymousClientSearchResults: {
      items: components['schemas']['AnonymousClient'][];
      /** @description Pass as cursor for the next page; null on the last page. */
      nextCursor: string | null;
    };
    SessionDraft: {
      clientId: string;
      agency: {
        agencyId: string;
        name: string;
      };
      site: {
        siteId: string;
        name: string;
      };
      /**
       * Format: date
       * @description Today in the agency's time zone.
       */
      serviceDate: string;
      /** @enum {string} */
      deliveryMethod: 'IN_PERSON';
      client: {
        /**
         * @description A gender code from GET /v1/reference-data.
         * @enum {string}
         */
        gender: 'FEMALE' | 'MALE' | 'GENDER_DIVERSE' | 'PREFER_NOT_TO_SAY' | 'UNKNOWN';
        arrivalYear: number | 'UNKNOWN';
        /**
         * @description An immigration status code from GET /v1/reference-data.
         * @enum {string}
         */
        immigrationStatus:
          | 'PERMANENT_RESIDENT'
          | 'PROTECTED_PERSON'
          | 'REFUGEE_CLAIMANT'
          | 'TEMPORARY_FOREIGN_WORKER'
          | 'INTERNATIONAL_STUDENT'
          | 'VISITOR'
          | 'CANADIAN_CITIZEN'
          | 'CUAET'
          | 'OTHER'
          | 'UNKNOWN';
        postalCode: string | null;
      };
    };
    Session: {
      sessionId: string;
      clientId: string;
      agency: {
        agencyId: string;
        name: string;
      };
      /**
       * @description A session type code from GET /v1/reference-data.
       * @enum {string}
       */
      sessionType:
        | 'DIRECT_SERVICE'
        | 'DIRECT_SERVICE_JOB_DEVELOPMENT'
        | 'DIRECT_SERVICE_FINANCE'
        | 'LANGUAGE_TRAINING'
        | 'INFORMATION_ORIENTATION_GROUP'
        | 'COMMUNITY_CONNECTIONS';
      /** Format: date */
      serviceDate: string;
      site: {
        siteId: string;
        name: string;
      };
      /**
       * @description A delivery method code from GET /v1/reference-data.
       * @enum {string}
       */
      deliveryMethod: 'IN_PERSON' | 'PHONE' | 'EMAIL' | 'ONLINE';
      durationMinutes: number | null;
      notes: string | null;
      /** Format: date-time */
      createdAt: string;
      createdBy: string;
    };
    NewSession: {
      /**
       * @description A session type code from GET /v1/reference-data.
       * @enum {string}
       */
      sessionType:
        | 'DIRECT_SERVICE'
        | 'DIRECT_SERVICE_JOB_DEVELOPMENT'
        | 'DIRECT_SERVICE_FINANCE'
        | 'LANGUAGE_TRAINING'
        | 'INFORMATION_ORIENTATION_GROUP'
        | 'COMMUNITY_CONNECTIONS';
      /**
       * Format: date
       * @description Not after today in the agency's time zone, not before 2000-01-01.
       */
      serviceDate: string;
      /** @example ON-SCH-00042 */
      siteId: string;
      /**
       * @description A delivery method code from GET /v1/reference-data.
       * @enum {string}
       */
      deliveryMethod: 'IN_PERSON' | 'PHONE' | 'EMAIL' | 'ONLINE';
      /** @description Minutes spent with the client, 1 to 1,440. */
      durationMinutes?: number;
      notes?: string | null;
    };
    SessionList: {
      items: components['schemas']['Session'][];
    };
    Site: {
      /** @example ON-SCH-00042 */
      siteId: string;
      name: string;
      /** @enum {string} */
      category: 'SCHOOL' | 'NON_SCHOOL' | 'RECEPTION_CENTRE';
      /** @description The school board for schools; the area or network otherwise. */
      group: string;
      address: string;
      city: string;
      /** @example M5V 2T6 */
      postalCode: string;
      active: boolean;
    };
    SiteList: {
      items: components['schemas']['Site'][];
      /** @description Every match, on every page. */
      total: number;
      /** @description Pass as cursor for the next page; null on the last page. */
      nextCursor: string | null;
    };
    SiteTree: {
      nodes: {
        /** @example SCHOOLS */
        key: string;
        label: {
          en: string;
          fr: string;
        };
        count: number;
        children?: {
          /**
           * @description `<category>:<group>`; list it with ?category=<category>&group=<group>.
           * @example SCHOOL:Toronto District School Board
           */
          key: string;
          label: {
            en: string;
            fr: string;
          };
          count: number;
        }[];
      }[];
    };
    CompactSiteIndex: {
      version: string;
      builtAt: string;
      fields: ['siteId', 'name', 'group'];
      groups: {
        /** @enum {string} */
        category: 'SCHOOL' | 'NON_SCHOOL' | 'RECEPTION_CENTRE';
        group: string;
      }[];
      /** @description Active sites as [siteId, name, position in groups], alphabetical. */
      sites: [string, string, number][];
    };
    Receipt: {
      /** @example 3QK7M2N8P4R6T9V1W5X0Y2Z4AB */
      receiptId: string;
      clientId: string;
      /** @enum {string} */
      format: 'pdf' | 'csv';
      /** @enum {string} */
      language: 'en' | 'fr';
      /** Format: date-time */
      createdAt: string;
      /** @description Size of the file. */
      bytes: number;
      /** @description SHA-256 of the file, hex. */
      sha256: string;
      /**
       * Format: uri
       * @description Presigned GET link; downloads as anonymous-client-<short id>-receipt.<ext>. Valid until urlExpiresAt.
       */
      url: string;
      /** Format: date-time */
      urlExpiresAt: string;
    };
    ReceiptRequest: {
      /**
       * @description "Save as": pdf or csv.
       * @enum {string}
       */
      format: 'pdf' | 'csv';
      /**
       * @description "Print in": en or fr.
       * @enum {string}
       */
      language: 'en' | 'fr';
      /**
       * @description How the link presents the file: attachment (download, "Save as", the default) or inline (opens in the browser, to print).
       * @default attachment
       * @enum {string}
       */
      disposition: 'attachment' | 'inline';
    };
    ReceiptList: {
      items: components['schemas']['Receipt'][];
    };
    /** @description Anonymous clients served and their sessions (CONTRACT §11). */
    AnonymousClientReport: {
      agency: {
        agencyId: string;
        name: string;
      };
      /** @description YYYY-MM, as asked. */
      from: string;
      /** @description YYYY-MM, as asked (included). */
      to: string;
      /** @description The dimensions of the rows, in the order asked. */
      by: ('month' | 'site' | 'gender' | 'immigrationStatus' | 'arrivalYear')[];
      /** @description Ordered by the first dimension, then the second: months ascending, codes in reference-data order, sites by name, arrival years ascending with UNKNOWN last. Rows whose two counts are both 0 are left out. With no dimension, one row (the totals), or none when nothing was counted. */
      rows: components['schemas']['AnonymousClientReportRow'][];
      /** @description The sums over every row; only this grand total is published, never subtotals. */
      totals: {
        /** @description Anonymous clients registered (by registration date); null only when withheld by suppressBelow. */
        clients: number | null;
        /** @description Sessions given (by service date); null only when withheld by suppressBelow. */
        sessions: number | null;
      };
      /** @description Echoed when asked: counts from 1 to suppressBelow − 1 are withheld. */
      suppressBelow?: number;
      /**
       * Format: date-time
       * @description Every change written before this instant is counted. When nothing has been counted for the agency yet, it is the time of the answer and every count is 0.
       */
      asOf: string;
    };
    /** @description One combination of the dimensions of `by`: only their fields are present, then the two counts. */
    AnonymousClientReportRow: {
      /** @description YYYY-MM, when the report is by month. */
      month?: string;
      /** @description When the report is by site. A site missing from the catalog shows its id as its name. */
      site?: {
        siteId: string;
        name: string;
      };
      /**
       * @description A gender code from GET /v1/reference-data, when by gender.
       * @enum {string}
       */
      gender?: 'FEMALE' | 'MALE' | 'GENDER_DIVERSE' | 'PREFER_NOT_TO_SAY' | 'UNKNOWN';
      /**
       * @description An immigration status code from GET /v1/reference-data, when by immigration status.
       * @enum {string}
       */
      immigrationStatus?:
        | 'PERMANENT_RESIDENT'
        | 'PROTECTED_PERSON'
        | 'REFUGEE_CLAIMANT'
        | 'TEMPORARY_FOREIGN_WORKER'
        | 'INTERNATIONAL_STUDENT'
        | 'VISITOR'
        | 'CANADIAN_CITIZEN'
        | 'CUAET'
        | 'OTHER'
        | 'UNKNOWN';
      /** @description Year of arrival in Canada, or "UNKNOWN", when by arrival year. */
      arrivalYear?: number | 'UNKNOWN';
      /** @description Anonymous clients registered (by registration date); null only when withheld by suppressBelow. */
      clients: number | null;
      /** @description Sessions given (by service date); null only when withheld by suppressBelow. */
      sessions: number | null;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getHealth: {
    parameters: {
      query?: never;
      header?: {
        /** @description The language of problem+json `title`, `detail` and `errors[].detail` (RFC 9110 q-values): French for `fr` or a regional variant (`fr-CA`), English otherwise or when absent. Successful answers do not depend on it. */
        'Accept-Language'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The service is up. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
      /** @description Our bug; `instance` identifies it for support. */
      500: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A dependency is unavailable; retry after Retry-After seconds. */
      503: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getOpenApiDocument: {
    parameters: {
      query?: never;
      header?: {
        /** @description The language of problem+json `title`, `detail` and `errors[].detail` (RFC 9110 q-values): French for `fr` or a regional variant (`fr-CA`), English otherwise or when absent. Successful answers do not depend on it. */
        'Accept-Language'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The OpenAPI document. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OpenApiDocument'];
        };
      };
      /** @description Our bug; `instance` identifies it for support. */
      500: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A dependency is unavailable; retry after Retry-After seconds. */
      503: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getReferenceData: {
    parameters: {
      query?: never;
      header?: {
        /** @description The language of problem+json `title`, `detail` and `errors[].detail` (RFC 9110 q-values): French for `fr` or a regional variant (`fr-CA`), English otherwise or when absent. Successful answers do not depend on it. */
        'Accept-Language'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Reference data. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferenceData'];
        };
      };
      /** @description Missing, malformed, expired or wrongly signed bearer token. */
      401: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Your role may not use this route. */
      403: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Our bug; `instance` identifies it for support. */
      500: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A dependency is unavailable; retry after Retry-After seconds. */
      503: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  findAnonymousClients: {
    parameters: {
      query?: {
        /** @description Words of the comments, all required; the last may be the beginning of a word (2 letters or more). Case and accents do not matter. */
        q?: string;
        /** @description Only clients registered at this site. */
        siteId?: string;
        /** @description Only clients registered on or after this day. */
        from?: string;
        /** @description Only clients registered on or before this day. */
        to?: string;
        limit?: number;
        /** @description The nextCursor of the previous page, with the same q, siteId, from and to. */
        cursor?: string;
      };
      header?: {
        /** @description The language of problem+json `title`, `detail` and `errors[].detail` (RFC 9110 q-values): French for `fr` or a regional variant (`fr-CA`), English otherwise or when absent. Successful answers do not depend on it. */
        'Accept-Language'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of matches. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnonymousClientSearchResults'];
        };
      };
      /** @description The request is not valid; `errors` names every bad field. */
      400: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, malformed, expired or wrongly signed bearer token. */
      401: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Your role may not use this route. */
      403: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Our bug; `instance` identifies it for support. */
      500: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A dependency is unavailable; retry after Retry-After seconds. */
      503: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  registerAnonymousClient: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters. The same key and body within 24 hours replays the first 201 answer (with Idempotent-Replayed: true); the same key with another body is a 422; while the first request is still being written, 409 with Retry-After. Keys are scoped to the agency and the user. */
        'Idempotency-Key'?: string;
        /** @description The language of problem+json `title`, `detail` and `errors[].detail` (RFC 9110 q-values): French for `fr` or a regional variant (`fr-CA`), English otherwise or when absent. Successful answers do not depend on it. */
        'Accept-Language'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AnonymousClientRegistration'];
      };
    };
    responses: {
      /** @description Registered (or, with Idempotent-Replayed: true, the first answer to this Idempotency-Key). */
      201: {
        headers: {
          /** @description The new client: /v1/anonymous-clients/{clientId}. */
          Location?: string;
          /** @description The version, for If-Match on later edits. */
          ETag?: string;
          /** @description "true" when this answer replays an earlier request with the same Idempotency-Key. */
          'Idempotent-Replayed'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnonymousClient'];
        };
      };
      /** @description The request is not valid; `errors` names every bad field. */
      400: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, malformed, expired or wrongly signed bearer token. */
      401: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Your role may not use this route. */
      403: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Conflicts with the current state, or an identical request is still in progress (see Retry-After). */
      409: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The body is over 64 KiB. */
      413: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Understood but cannot be processed (e.g. an unknown or inactive site, a reused Idempotency-Key). */
      422: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Our bug; `instance` identifies it for support. */
      500: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A dependency is unavailable; retry after Retry-After seconds. */
      503: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getAnonymousClient: {
    parameters: {
      query?: never;
      header?: {
        /** @description The language of problem+json `title`, `detail` and `errors[].detail` (RFC 9110 q-values): French for `fr` or a regional variant (`fr-CA`), English otherwise or when absent. Successful answers do not depend on it. */
        'Accept-Language'?: string;
      };
      path: {
        /** @description 26 characters of Crockford base32. */
        clientId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The client. */
      200: {
        headers: {
          /** @description The version. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnonymousClient'];
        };
      };
      /** @description The request is not valid; `errors` names every bad field. */
      400: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, malformed, expired or wrongly signed bearer token. */
      401: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Your role may not use this route. */
      403: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown, or another agency's, resource. */
      404: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Our bug; `instance` identifies it for support. */
      500: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A dependency is unavailable; retry after Retry-After seconds. */
      503: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  editAnonymousClient: {
    parameters: {
      query?: never;
      header: {
        /** @description The ETag of the version being edited (from GET or the last edit), or "*". */
        'If-Match': string;
        /** @description The language of problem+json `title`, `detail` and `errors[].detail` (RFC 9110 q-values): French for `fr` or a regional variant (`fr-CA`), English otherwise or when absent. Successful answers do not depend on it. */
        'Accept-Language'?: string;
      };
      path: {
        /** @description 26 characters of Crockford base32. */
        clientId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AnonymousClientEdit'];
      };
    };
    responses: {
      /** @description The client as now stored. */
      200: {
        headers: {
          /** @description The new version. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnonymousClient'];
        };
      };
      /** @description The request is not valid; `errors` names every bad field. */
      400: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, malformed, expired or wrongly signed bearer token. */
      401: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Your role may not use this route. */
      403: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown, or another agency's, resource. */
      404: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description If-Match does not match the current version. */
      412: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The body is over 64 KiB. */
      413: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Understood but cannot be processed (e.g. an unknown or inactive site, a reused Idempotency-Key). */
      422: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description If-Match is required. */
      428: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Our bug; `instance` identifies it for support. */
      500: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A dependency is unavailable; retry after Retry-After seconds. */
      503: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  registerAnonymousClientBatch: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters. The same key and body within 24 hours replays the first 201 answer (with Idempotent-Replayed: true); the same key with another body is a 422; while the first request is still being written, 409 with Retry-After. Keys are scoped to the agency and the user. */
        'Idempotency-Key'?: string;
        /** @description The language of problem+json `title`, `detail` and `errors[].detail` (RFC 9110 q-values): French for `fr` or a regional variant (`fr-CA`), English otherwise or when absent. Successful answers do not depend on it. */
        'Accept-Language'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AnonymousClientBatchRegistration'];
      };
    };
    responses: {
      /** @description All registered, in the order sent. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnonymousClientList'];
        };
      };
      /** @description The request is not valid; `errors` names every bad field. */
      400: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, malformed, expired or wrongly signed bearer token. */
      401: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Your role may not use this route. */
      403: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Conflicts with the current state, or an identical request is still in progress (see Retry-After). */
      409: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The body is over 64 KiB. */
      413: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Understood but cannot be processed (e.g. an unknown or inactive site, a reused Idempotency-Key). */
      422: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Our bug; `instance` identifies it for support. */
      500: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A dependency is unavailable; retry after Retry-After seconds. */
      503: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getAnonymousClientHistory: {
    parameters: {
      query?: never;
      header?: {
        /** @description The language of problem+json `title`, `detail` and `errors[].detail` (RFC 9110 q-values): French for `fr` or a regional variant (`fr-CA`), English otherwise or when absent. Successful answers do not depend on it. */
        'Accept-Language'?: string;
      };
      path: {
        /** @description 26 characters of Crockford base32. */
        clientId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Oldest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClientHistory'];
        };
      };
      /** @description The request is not valid; `errors` names every bad field. */
      400: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, malformed, expired or wrongly signed bearer token. */
      401: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Your role may not use this route. */
      403: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown, or another agency's, resource. */
      404: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Our bug; `instance` identifies it for support. */
      500: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A dependency is unavailable; retry after Retry-After seconds. */
      503: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getSessionDraft: {
    parameters: {
      query?: never;
      header?: {
        /** @description The language of problem+json `title`, `detail` and `errors[].detail` (RFC 9110 q-values): French for `fr` or a regional variant (`fr-CA`), English otherwise or when absent. Successful answers do not depend on it. */
        'Accept-Language'?: string;
      };
      path: {
        /** @description 26 characters of Crockford base32. */
        clientId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Pre-filled: agency, site, today's date, in person. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionDraft'];
        };
      };
      /** @description The request is not valid; `errors` names every bad field. */
      400: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, malformed, expired or wrongly signed bearer token. */
      401: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Your role may not use this route. */
      403: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown, or another agency's, resource. */
      404: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Our bug; `instance` identifies it for support. */
      500: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A dependency is unavailable; retry after Retry-After seconds. */
      503: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listSessions: {
    parameters: {
      query?: never;
      header?: {
        /** @description The language of problem+json `title`, `detail` and `errors[].detail` (RFC 9110 q-values): French for `fr` or a regional variant (`fr-CA`), English otherwise or when absent. Successful answers do not depend on it. */
        'Accept-Language'?: string;
      };
      path: {
        /** @description 26 characters of Crockford base32. */
        clientId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Zero or one session. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionList'];
        };
      };
      /** @description The request is not valid; `errors` names every bad field. */
      400: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, malformed, expired or wrongly signed bearer token. */
      401: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Your role may not use this route. */
      403: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown, or another agency's, resource. */
      404: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Our bug; `instance` identifies it for support. */
      500: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A dependency is unavailable; retry after Retry-After seconds. */
      503: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  beginSession: {
    parameters: {
      query?: never;
      header?: {
        /** @description The language of problem+json `title`, `detail` and `errors[].detail` (RFC 9110 q-values): French for `fr` or a regional variant (`fr-CA`), English otherwise or when absent. Successful answers do not depend on it. */
        'Accept-Language'?: string;
      };
      path: {
        /** @description 26 characters of Crockford base32. */
        clientId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NewSession'];
      };
    };
    responses: {
      /** @description The session. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Session'];
        };
      };
      /** @description The request is not valid; `errors` names every bad field. */
      400: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, malformed, expired or wrongly signed bearer token. */
      401: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Your role may not use this route. */
      403: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown, or another agency's, resource. */
      404: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Conflicts with the current state, or an identical request is still in progress (see Retry-After). */
      409: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The body is over 64 KiB. */
      413: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Understood but cannot be processed (e.g. an unknown or inactive site, a reused Idempotency-Key). */
      422: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Our bug; `instance` identifies it for support. */
      500: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A dependency is unavailable; retry after Retry-After seconds. */
      503: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getSite: {
    parameters: {
      query?: never;
      header?: {
        /** @description The language of problem+json `title`, `detail` and `errors[].detail` (RFC 9110 q-values): French for `fr` or a regional variant (`fr-CA`), English otherwise or when absent. Successful answers do not depend on it. */
        'Accept-Language'?: string;
      };
      path: {
        siteId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The site. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Site'];
        };
      };
      /** @description The request is not valid; `errors` names every bad field. */
      400: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, malformed, expired or wrongly signed bearer token. */
      401: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Your role may not use this route. */
      403: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown, or another agency's, resource. */
      404: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Our bug; `instance` identifies it for support. */
      500: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A dependency is unavailable; retry after Retry-After seconds. */
      503: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listSites: {
    parameters: {
      query?: {
        /** @description Part of the name: case-, accent- and punctuation-insensitive, words in any order, each word a prefix, one typo tolerated in words of 5+ letters. Best matches first. */
        q?: string;
        /** @description One category, or several separated by commas (any of them). */
        category?: string;
        /** @description Exactly this school board, area or network. */
        group?: string;
        /** @description Sites per page, 1 to 100 (default 25). */
        limit?: number;
        /** @description The previous page's nextCursor, with the same q, category and group. */
        cursor?: string;
      };
      header?: {
        /** @description The language of problem+json `title`, `detail` and `errors[].detail` (RFC 9110 q-values): French for `fr` or a regional variant (`fr-CA`), English otherwise or when absent. Successful answers do not depend on it. */
        'Accept-Language'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of matches. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SiteList'];
        };
      };
      /** @description The request is not valid; `errors` names every bad field. */
      400: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, malformed, expired or wrongly signed bearer token. */
      401: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Your role may not use this route. */
      403: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Our bug; `instance` identifies it for support. */
      500: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A dependency is unavailable; retry after Retry-After seconds. */
      503: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getSiteTree: {
    parameters: {
      query?: never;
      header?: {
        /** @description The language of problem+json `title`, `detail` and `errors[].detail` (RFC 9110 q-values): French for `fr` or a regional variant (`fr-CA`), English otherwise or when absent. Successful answers do not depend on it. */
        'Accept-Language'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The tree. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SiteTree'];
        };
      };
      /** @description Missing, malformed, expired or wrongly signed bearer token. */
      401: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Your role may not use this route. */
      403: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Our bug; `instance` identifies it for support. */
      500: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A dependency is unavailable; retry after Retry-After seconds. */
      503: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getSiteIndex: {
    parameters: {
      query?: never;
      header?: {
        /** @description The language of problem+json `title`, `detail` and `errors[].detail` (RFC 9110 q-values): French for `fr` or a regional variant (`fr-CA`), English otherwise or when absent. Successful answers do not depend on it. */
        'Accept-Language'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every active site as [siteId, name, group]. */
      200: {
        headers: {
          /** @description Strong entity tag of this representation; send it back in If-None-Match. */
          ETag?: string;
          /** @description private, max-age=60: reuse for a minute, then revalidate. */
          'Cache-Control'?: string;
          /** @description Accept-Encoding */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CompactSiteIndex'];
        };
      };
      /** @description Not modified: If-None-Match matches the current entity tag (no body). */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing, malformed, expired or wrongly signed bearer token. */
      401: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Your role may not use this route. */
      403: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Our bug; `instance` identifies it for support. */
      500: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A dependency is unavailable; retry after Retry-After seconds. */
      503: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listReceipts: {
    parameters: {
      query?: {
        /** @description How the link presents the file: attachment (download, "Save as", the default) or inline (opens in the browser, to print). */
        disposition?: 'attachment' | 'inline';
      };
      header?: {
        /** @description The language of problem+json `title`, `detail` and `errors[].detail` (RFC 9110 q-values): French for `fr` or a regional variant (`fr-CA`), English otherwise or when absent. Successful answers do not depend on it. */
        'Accept-Language'?: string;
      };
      path: {
        /** @description 26 characters of Crockford base32. */
        clientId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The receipts. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReceiptList'];
        };
      };
      /** @description The request is not valid; `errors` names every bad field. */
      400: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, malformed, expired or wrongly signed bearer token. */
      401: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Your role may not use this route. */
      403: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown, or another agency's, resource. */
      404: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Our bug; `instance` identifies it for support. */
      500: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A dependency is unavailable; retry after Retry-After seconds. */
      503: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  createReceipt: {
    parameters: {
      query?: never;
      header?: {
        /** @description The language of problem+json `title`, `detail` and `errors[].detail` (RFC 9110 q-values): French for `fr` or a regional variant (`fr-CA`), English otherwise or when absent. Successful answers do not depend on it. */
        'Accept-Language'?: string;
      };
      path: {
        /** @description 26 characters of Crockford base32. */
        clientId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReceiptRequest'];
      };
    };
    responses: {
      /** @description The receipt, with a download link. */
      201: {
        headers: {
          /** @description The receipt: /v1/anonymous-clients/{clientId}/receipts/{receiptId}. */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Receipt'];
        };
      };
      /** @description The request is not valid; `errors` names every bad field. */
      400: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, malformed, expired or wrongly signed bearer token. */
      401: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Your role may not use this route. */
      403: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown, or another agency's, resource. */
      404: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The body is over 64 KiB. */
      413: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Our bug; `instance` identifies it for support. */
      500: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A dependency is unavailable; retry after Retry-After seconds. */
      503: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getReceipt: {
    parameters: {
      query?: {
        /** @description How the link presents the file: attachment (download, "Save as", the default) or inline (opens in the browser, to print). */
        disposition?: 'attachment' | 'inline';
      };
      header?: {
        /** @description The language of problem+json `title`, `detail` and `errors[].detail` (RFC 9110 q-values): French for `fr` or a regional variant (`fr-CA`), English otherwise or when absent. Successful answers do not depend on it. */
        'Accept-Language'?: string;
      };
      path: {
        /** @description 26 characters of Crockford base32. */
        clientId: string;
        /** @description 26 characters of Crockford base32. */
        receiptId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The receipt. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Receipt'];
        };
      };
      /** @description The request is not valid; `errors` names every bad field. */
      400: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, malformed, expired or wrongly signed bearer token. */
      401: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Your role may not use this route. */
      403: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unknown, or another agency's, resource. */
      404: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Our bug; `instance` identifies it for support. */
      500: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A dependency is unavailable; retry after Retry-After seconds. */
      503: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getAnonymousClientReport: {
    parameters: {
      query: {
        /** @description The first month, YYYY-MM (2000-01 or later). */
        from: string;
        /** @description The last month, YYYY-MM, included: at most 60 months from `from`. A month still to come just has no counts. */
        to: string;
        /** @description Zero, one or two of month, site, gender, immigrationStatus, arrivalYear, separated by a comma, in the order the rows are grouped (by=gender,month: one row per gender and month, genders first). Absent or empty: one row of totals. */
        by?: string;
        /** @description For tables that leave the agency: counts from 1 to suppressBelow − 1 are withheld (null), with enough other counts or totals that none can be worked out from the rest. */
        suppressBelow?: number;
      };
      header?: {
        /** @description The language of problem+json `title`, `detail` and `errors[].detail` (RFC 9110 q-values): French for `fr` or a regional variant (`fr-CA`), English otherwise or when absent. Successful answers do not depend on it. */
        'Accept-Language'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The table, in the order of the dimensions; rows whose counts are both 0 are left out. */
      200: {
        headers: {
          /** @description With Accept: text/csv, an attachment named anonymous-clients-<from>-<to>.csv. */
          'Content-Disposition'?: string;
          /** @description With Accept: text/csv, the language of the CSV labels. */
          'Content-Language'?: string;
          /** @description Accept, Accept-Language. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnonymousClientReport'];
          'text/csv': string;
        };
      };
      /** @description The request is not valid; `errors` names every bad field. */
      400: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, malformed, expired or wrongly signed bearer token. */
      401: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Your role may not use this route. */
      403: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Our bug; `instance` identifies it for support. */
      500: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A dependency is unavailable; retry after Retry-After seconds. */
      503: {
        headers: {
          /** @description The language the problem is written in, negotiated from Accept-Language. */
          'Content-Language'?: 'en' | 'fr';
          /** @description Accept-Language: the problem text depends on it. */
          Vary?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
}

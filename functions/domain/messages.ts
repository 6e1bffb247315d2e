/**
 * The texts callers read in problem+json answers, in English and French. Domain errors and the
 * schemas' own messages carry a message id and its parameters; functions/http/problem.ts renders
 * them in the caller's language only when it writes the answer. English is the default and is
 * what logs and zod's issues hold.
 *
 * Templates name their parameters as `{name}`; both languages of an id use the same ones (a unit
 * test checks). French follows Canadian usage: a no-break space (U+00A0, written as is in the
 * strings below) before a colon and inside guillemets, none before a semicolon.
 */

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

const CATALOG = {
  // Problem titles, one per kind of error.
  'title.invalidRequest': { en: 'The request is not valid', fr: 'La requête n’est pas valide' },
  'title.unauthenticated': { en: 'Authentication required', fr: 'Authentification requise' },
  'title.forbidden': { en: 'Not allowed', fr: 'Action non permise' },
  'title.notFound': { en: 'Not found', fr: 'Introuvable' },
  'title.conflict': { en: 'Conflict with the current state', fr: 'Conflit avec l’état actuel' },
  'title.preconditionFailed': { en: 'The resource has changed', fr: 'La ressource a changé' },
  'title.preconditionRequired': { en: 'If-Match is required', fr: 'L’en-tête If-Match est obligatoire' },
  'title.payloadTooLarge': { en: 'The request body is too large', fr: 'Le corps de la requête est trop volumineux' },
  'title.unsupportedMediaType': {
    en: 'The request body must be application/json',
    fr: 'Le corps de la requête doit être de type application/json',
  },
  'title.unprocessable': { en: 'The request cannot be processed', fr: 'La requête ne peut pas être traitée' },
  'title.serviceUnavailable': { en: 'Temporarily unavailable', fr: 'Temporairement indisponible' },
  'title.internalError': { en: 'Internal error', fr: 'Erreur interne' },

  // Whole-request details.
  'request.internalError': {
    en: 'Something went wrong on our side. Quote the instance value when reporting it.',
    fr: 'Une erreur s’est produite de notre côté. Citez la valeur de « instance » en la signalant.',
  },
  'request.invalidFields': { en: 'One or more fields are not valid.', fr: 'Un ou plusieurs champs ne sont pas valides.' },
  'request.invalidQuery': {
    en: 'One or more query parameters are not valid.',
    fr: 'Un ou plusieurs paramètres de la requête ne sont pas valides.',
  },
  'request.notJson': { en: 'The body is not valid JSON.', fr: 'Le corps de la requête n’est pas du JSON valide.' },
  'request.notJsonMediaType': {
    en: 'Send the body as JSON with Content-Type: application/json.',
    fr: 'Envoyez le corps en JSON avec l’en-tête Content-Type : application/json.',
  },
  'request.tooLarge': {
    en: 'The body is {bytes} bytes; the limit is {limit} (64 KiB).',
    fr: 'Le corps fait {bytes} octets; la limite est de {limit} (64 Kio).',
  },
  'request.tokenRequired': { en: 'A valid bearer token is required.', fr: 'Un jeton d’accès (bearer) valide est obligatoire.' },
  'request.noAgency': {
    en: 'Your account is not linked to an agency; ask your agency administrator.',
    fr: 'Votre compte n’est lié à aucun organisme; adressez-vous à l’administrateur de votre organisme.',
  },
  'request.rolesRequired': {
    en: 'This action needs one of these roles: {roles}.',
    fr: 'Cette action exige l’un de ces rôles : {roles}.',
  },
  'request.idempotencyKeyInvalid': {
    en: 'The Idempotency-Key header must be 1 to 255 visible ASCII characters.',
    fr: 'L’en-tête Idempotency-Key doit compter de 1 à 255 caractères ASCII visibles.',
  },
  'request.idempotencyInProgress': {
    en: 'A request with this Idempotency-Key is still in progress; retry shortly.',
    fr: 'Une requête avec cette clé Idempotency-Key est encore en cours; réessayez sous peu.',
  },
  'request.idempotencyKeyReused': {
    en: 'This Idempotency-Key was already used with a different request body; use a new key for a new request.',
    fr: 'Cette clé Idempotency-Key a déjà servi avec un autre corps de requête; utilisez une nouvelle clé pour une nouvelle requête.',
  },
  'request.invalidCursor': { en: 'The cursor is not valid for this search.', fr: 'Le curseur n’est pas valide pour cette recherche.' },
  'request.ifMatchRequired': {
    en: 'Send If-Match with the ETag of the version you edited.',
    fr: 'Envoyez l’en-tête If-Match avec l’ETag de la version que vous avez modifiée.',
  },
  'request.ifMatchStale': {
    en: 'If-Match does not match the current version of this client.',
    fr: 'If-Match ne correspond pas à la version actuelle de ce client.',
  },
  'request.databaseUnavailable': {
    en: 'The database is unavailable ({operation}); retry shortly.',
    fr: 'La base de données est indisponible (opération « {operation} »); réessayez sous peu.',
  },
  'request.objectStoreUnavailable': {
    en: 'The object store is unavailable ({operation}); retry shortly.',
    fr: 'Le stockage d’objets est indisponible (opération « {operation} »); réessayez sous peu.',
  },
  'request.siteIndexMissing': {
    en: 'The site index has not been built yet: an operator must import a site catalog.',
    fr: 'L’index des lieux n’a pas encore été construit : un opérateur doit importer un catalogue de lieux.',
  },

  // Clients, sessions and sites.
  'client.notFound': {
    en: 'No anonymous client with this id in your agency.',
    fr: 'Aucun client anonyme de votre organisme n’a cet identifiant.',
  },
  'client.stale': {
    en: 'The client was changed since you read it; read it again and reapply your edit.',
    fr: 'Le client a été modifié depuis votre lecture; relisez-le et refaites votre modification.',
  },
  'client.sessionTaken': {
    en: 'This anonymous client already has its session. An anonymous client is a new client each time a session is created: register a new anonymous client for this service.',
    fr: 'Ce client anonyme a déjà sa séance. Un client anonyme est un nouveau client chaque fois qu’une séance est créée : inscrivez un nouveau client anonyme pour ce service.',
  },
  // Receipts.
  'receipt.notFound': {
    en: 'No receipt with this id for this client in your agency.',
    fr: 'Aucun reçu de ce client de votre organisme n’a cet identifiant.',
  },
  'receipt.renderFailed': {
    en: 'The receipt could not be rendered; retry shortly.',
    fr: 'Le reçu n’a pas pu être produit; réessayez dans un instant.',
  },
  'receipt.storeFailed': {
    en: 'The receipt could not be stored; retry shortly.',
    fr: 'Le reçu n’a pas pu être enregistré; réessayez dans un instant.',
  },
  'site.notFound': { en: 'No registration site has this id.', fr: 'Aucun lieu d’inscription n’a cet identifiant.' },
  'site.registrationSiteUnusable': {
    en: 'The registration site is unknown or inactive.',
    fr: 'Le lieu d’inscription est inconnu ou inactif.',
  },
  'site.sessionSiteUnusable': { en: 'The session site is unknown or inactive.', fr: 'Le lieu de la séance est inconnu ou inactif.' },

  // Field details (`errors[].detail`): each completes the sentence "<field> ...".
  'field.required': { en: 'is required', fr: 'est obligatoire' },
  'field.unknown': { en: 'is not a field of this request', fr: 'ne fait pas partie de cette requête' },
  'field.serverOwned': {
    en: 'is set by the server and must not be sent',
    fr: 'est fixé par le serveur et ne doit pas être envoyé',
  },
  'field.immutable': { en: 'cannot be changed after registration', fr: 'ne peut pas être modifié après l’inscription' },
  'field.notJson': { en: 'the body is not valid JSON', fr: 'le corps de la requête n’est pas du JSON valide' },
  'field.invalid': { en: 'is not valid', fr: 'n’est pas valide' },
  'field.notEmpty': { en: 'must not be empty', fr: 'ne doit pas être vide' },
  'field.expectedString': { en: 'must be a string', fr: 'doit être une chaîne de caractères' },
  'field.expectedNumber': { en: 'must be a number', fr: 'doit être un nombre' },
  'field.expectedInteger': { en: 'must be a whole number', fr: 'doit être un nombre entier' },
  'field.expectedBoolean': { en: 'must be true or false', fr: 'doit valoir true ou false' },
  'field.expectedList': { en: 'must be a list', fr: 'doit être une liste' },
  'field.expectedObject': { en: 'must be an object', fr: 'doit être un objet' },
  'field.oneOf': { en: 'must be one of: {options}', fr: 'doit être l’une de ces valeurs : {options}' },
  'field.format': { en: 'is not in the expected format', fr: 'n’est pas au format attendu' },
  'field.multipleOf': { en: 'must be a multiple of {divisor}', fr: 'doit être un multiple de {divisor}' },
  'field.atLeast': { en: 'must be at least {minimum}', fr: 'doit valoir au moins {minimum}' },
  'field.moreThan': { en: 'must be more than {minimum}', fr: 'doit valoir plus de {minimum}' },
  'field.atMost': { en: 'must be at most {maximum}', fr: 'doit valoir au plus {maximum}' },
  'field.lessThan': { en: 'must be less than {maximum}', fr: 'doit valoir moins de {maximum}' },
  'field.minCharacters': { en: 'must be at least {minimum} characters', fr: 'doit compter au moins {minimum} caractères' },
  'field.maxCharacters': { en: 'must be at most {maximum} characters', fr: 'doit compter au plus {maximum} caractères' },
  'field.minItems': { en: 'must have at least {minimum} items', fr: 'doit compter au moins {minimum} éléments' },
  'field.maxItems': { en: 'must have at most {maximum} items', fr: 'doit compter au plus {maximum} éléments' },
  'field.wholeNumberRange': { en: 'must be a whole number from {min} to {max}', fr: 'doit être un nombre entier de {min} à {max}' },
  'field.maxWords': { en: 'must have at most {max} words', fr: 'doit compter au plus {max} mots' },
  'field.oneWord': { en: 'must contain at least one word (letters)', fr: 'doit contenir au moins un mot (des lettres)' },
  'field.postalCode': {
    en: 'must be a Canadian postal code (A1A 1A1) or its first three characters (A1A); letters D, F, I, O, Q, U are never used, W and Z never first',
    fr: 'doit être un code postal canadien (A1A 1A1) ou ses trois premiers caractères (A1A); les lettres D, F, I, O, Q et U ne sont jamais utilisées, ni W et Z en première position',
  },
  'field.date': { en: 'must be a calendar date written YYYY-MM-DD', fr: 'doit être une date valide écrite AAAA-MM-JJ' },
  'field.dateNotBefore': { en: 'must not be before {date}', fr: 'ne doit pas précéder le {date}' },
  'field.dateNotAfterToday': {
    en: "must not be after today ({today}) in the agency's time zone",
    fr: 'ne doit pas dépasser la date d’aujourd’hui ({today}) dans le fuseau horaire de l’organisme',
  },
  'field.dateNotBeforeRegistration': {
    en: "must not be before the client's registration date ({date})",
    fr: 'ne doit pas précéder la date d’inscription du client ({date})',
  },
  'field.toNotBeforeFrom': { en: 'must not be before from', fr: 'ne doit pas précéder from' },
  'field.arrivalYear': {
    en: 'must be a year from {min} to {max}, or "UNKNOWN"',
    fr: 'doit être une année de {min} à {max}, ou « UNKNOWN »',
  },
  'field.nothingToChange': { en: 'name at least one field to change', fr: 'indiquez au moins un champ à modifier' },
  'field.controlCharacters': {
    en: 'must not contain control characters other than line breaks and tabs',
    fr: 'ne doit pas contenir de caractères de contrôle autres que les sauts de ligne et les tabulations',
  },
  'field.tooLongAfterTrimming': {
    en: 'must be at most {max} characters after trimming (got {length})',
    fr: 'doit compter au plus {max} caractères une fois les espaces de début et de fin retirés ({length} reçus)',
  },
  'field.siteId': {
    en: 'a site id: letters, digits, "-" or "_", at most 64 characters',
    fr: 'un identifiant de lieu : lettres, chiffres, « - » ou « _ », au plus 64 caractères',
  },
  'field.siteInactive': {
    en: 'this site is no longer active; choose another site',
    fr: 'ce lieu n’est plus actif; choisissez-en un autre',
  },
  'field.siteUnknown': { en: 'no registration site has this id', fr: 'aucun lieu d’inscription n’a cet identifiant' },
  'field.categories': {
    en: 'must be {categories} or several of them separated by commas',
    fr: 'doit être {categories} ou plusieurs de ces valeurs séparées par des virgules',
  },
  'field.clientCursor': {
    en: 'is not a cursor of this search (it was changed, or belongs to another search or agency)',
    fr: 'n’est pas un curseur de cette recherche (il a été modifié, ou il appartient à une autre recherche ou à un autre organisme)',
  },
  'field.clientCursorTooLong': { en: 'is not a cursor this search handed out', fr: 'n’est pas un curseur fourni par cette recherche' },
  'field.siteCursor': { en: 'is not a cursor given by this API', fr: 'n’est pas un curseur fourni par cette API' },
  'field.siteCursorOtherQuery': {
    en: 'belongs to another query; send the same q, category and group as for the first page',
    fr: 'appartient à une autre recherche; envoyez les mêmes q, category et group que pour la première page',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageId = keyof typeof CATALOG;

/** The `{name}` parameters of a template. */
type ParametersOf<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | ParametersOf<Rest> : never;
type ParamsFor<I extends MessageId> = ParametersOf<(typeof CATALOG)[I]['en']>;
/** The arguments after the id: none, or an object naming exactly the template's parameters. */
type ParamsArgument<I extends MessageId> = [ParamsFor<I>] extends [never] ? [] : [Readonly<Record<ParamsFor<I>, string | number>>];
export type MessageParams = Readonly<Record<string, string | number>>;

export interface Message {
  readonly id: MessageId;
  readonly params?: MessageParams;
}

/** What a caller reads: a catalog message, or plain text (English only: a test's, or a module not yet translated). */
export type Text = string | Message;

/** A message of the catalog; its parameters are required exactly when its template has some. */
export function message<I extends MessageId>(id: I, ...params: ParamsArgument<I>): Message {
  return params[0] ? { id, params: params[0] } : { id };
}

/** Every id with its two templates, for tests and documentation. */
export function catalogEntries(): [MessageId, Readonly<Record<Language, string>>][] {
  return Object.entries(CATALOG) as [MessageId, Record<Language, string>][];
}

// Large numbers read "65 536" in French; four digits (years) stay as they are. English keeps plain digits.
const FRENCH_NUMBER = new Intl.NumberFormat('fr-CA', { useGrouping: 'min2' });

export function render(text: Text, language: Language): string {
  if (typeof text === 'string') return text;
  const params = text.params ?? {};
  return CATALOG[text.id][language].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === 'number' && language === 'fr' ? FRENCH_NUMBER.format(value) : String(value);
  });
}

/**
 * A schema's own message for zod. Zod keeps an issue's message as text only, so the text remembers
 * the message it was rendered from: the problem answer finds it again to write it in French.
 * Schemas are built at start-up (and those bound to "today" once a day), so this stays small.
 */
const zodTexts = new Map<string, Message>();

export function zodMessage<I extends MessageId>(id: I, ...params: ParamsArgument<I>): string {
  const found = message(id, ...params);
  const english = render(found, 'en');
  zodTexts.set(english, found);
  return english;
}

/** The message a schema gave zod as `text`, or `text` itself when it is not one of ours. */
export function messageOfZodText(text: string): Text {
  return zodTexts.get(text) ?? text;
}

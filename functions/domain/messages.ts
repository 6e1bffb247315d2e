/**
 * The texts callers read in problem+json answers, in English and French. Domain errors and the
 * schemas' own messages carry a message (id, templates, parameters); functions/http/problem.ts renders
 * them in the caller's language only when it writes the answer. English is the default and is
 * what logs and zod's issues hold.
 *
 * This file holds the texts every function may answer with (titles, request and field checks, sites);
 * an area's own texts live in their own catalog (client-messages.ts, receipts/receipt-messages.ts),
 * defined with `defineMessages`, so a Lambda bundle carries only the texts its code can send.
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
  'request.notUtf8Charset': {
    en: 'Send the body in UTF-8: a charset parameter, if any, must be utf-8.',
    fr: 'Envoyez le corps en UTF-8 : le paramètre charset, s’il est présent, doit valoir utf-8.',
  },
  'request.notUtf8': { en: 'The body is not valid UTF-8 text.', fr: 'Le corps de la requête n’est pas du texte UTF-8 valide.' },
  'request.tooLarge': {
    en: 'The body is {bytes} bytes; the limit is {limit} (64 KiB).',
    fr: 'Le corps fait {bytes} octets; la limite est de {limit} (64 Kio).',
  },
  'request.notFound': { en: 'Nothing of yours has this id.', fr: 'Rien de ce qui vous est accessible n’a cet identifiant.' },
  'request.tokenRequired': { en: 'A valid bearer token is required.', fr: 'Un jeton d’accès (bearer) valide est obligatoire.' },
  'request.noAgency': {
    en: 'Your account is not linked to an agency; ask your agency administrator.',
    fr: 'Votre compte n’est lié à aucun organisme; adressez-vous à l’administrateur de votre organisme.',
  },
  'request.rolesRequired': {
    en: 'This action needs one of these roles: {roles}.',
    fr: 'Cette action exige l’un de ces rôles : {roles}.',
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
  // Sites.
  'site.notFound': { en: 'No registration site has this id.', fr: 'Aucun lieu d’inscription n’a cet identifiant.' },
  // Field details (`errors[].detail`): each completes the sentence "<field> ...".
  'field.required': { en: 'is required', fr: 'est obligatoire' },
  'field.searchControlCharacters': { en: 'must not contain control characters', fr: 'ne doit pas contenir de caractères de contrôle' },
  'field.unknown': { en: 'is not a field of this request', fr: 'ne fait pas partie de cette requête' },
  'field.serverOwned': {
    en: 'is set by the server and must not be sent',
    fr: 'est fixé par le serveur et ne doit pas être envoyé',
  },
  'field.immutable': { en: 'cannot be changed after registration', fr: 'ne peut pas être modifié après l’inscription' },
  'field.notJson': { en: 'the body is not valid JSON', fr: 'le corps de la requête n’est pas du JSON valide' },
  'field.notUtf8': { en: 'contains bytes that are not valid UTF-8', fr: 'contient des octets qui ne sont pas de l’UTF-8 valide' },
  'field.loneSurrogate': {
    en: 'is not well-formed Unicode text (it contains a lone surrogate)',
    fr: 'n’est pas du texte Unicode bien formé (il contient un seizet d’indirection isolé)',
  },
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
  'field.maxWords': { en: 'must have at most {max} words', fr: 'doit compter au plus {max} mots' },
  'field.siteId': {
    en: 'a site id: letters, digits, "-" or "_", at most 64 characters',
    fr: 'un identifiant de lieu : lettres, chiffres, « - » ou « _ », au plus 64 caractères',
  },
  'field.categories': {
    en: 'must be {categories} or several of them separated by commas',
    fr: 'doit être {categories} ou plusieurs de ces valeurs séparées par des virgules',
  },
  'field.siteCursor': { en: 'is not a cursor given by this API', fr: 'n’est pas un curseur fourni par cette API' },
  'field.siteCursorOtherQuery': {
    en: 'belongs to another query; send the same q, category and group as for the first page',
    fr: 'appartient à une autre recherche; envoyez les mêmes q, category et group que pour la première page',
  },
  'field.siteInactive': {
    en: 'this site is no longer active; choose another site',
    fr: 'ce lieu n’est plus actif; choisissez-en un autre',
  },
  'field.siteUnknown': { en: 'no registration site has this id', fr: 'aucun lieu d’inscription n’a cet identifiant' },
} as const satisfies Record<string, Templates>;

export type Templates = Readonly<Record<Language, string>>;

/** The `{name}` parameters of a template. */
type ParametersOf<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | ParametersOf<Rest> : never;
type ParamsFor<C extends Record<string, Templates>, I extends keyof C> = ParametersOf<C[I]['en']>;
/** The arguments after the id: none, or an object naming exactly the template's parameters. */
type ParamsArgument<C extends Record<string, Templates>, I extends keyof C> = [ParamsFor<C, I>] extends [never]
  ? []
  : [Readonly<Record<ParamsFor<C, I>, string | number>>];
export type MessageParams = Readonly<Record<string, string | number>>;

export interface Message {
  readonly id: string;
  readonly templates: Templates;
  readonly params?: MessageParams;
}

/** What a caller reads: a catalog message, or plain text (English only: a test's, or a module not yet translated). */
export type Text = string | Message;

/**
 * A schema's own message for zod. Zod keeps an issue's message as text only, so the text remembers
 * the message it was rendered from: the problem answer finds it again to write it in French.
 * Schemas are built at start-up (and those bound to "today" once a day), so this stays small.
 */
const zodTexts = new Map<string, Message>();

/**
 * A catalog's two makers: `message(id, params)` for errors, `zodMessage(id, params)` for a schema's
 * message. Parameters are required exactly when the id's template has some.
 */
export function defineMessages<const C extends Record<string, Templates>>(catalog: C) {
  function message<I extends keyof C & string>(id: I, ...params: ParamsArgument<C, I>): Message {
    const templates = catalog[id] as Templates;
    return params[0] ? { id, templates, params: params[0] } : { id, templates };
  }
  function zodMessage<I extends keyof C & string>(id: I, ...params: ParamsArgument<C, I>): string {
    const found = message(id, ...params);
    const english = render(found, 'en');
    zodTexts.set(english, found);
    return english;
  }
  return { catalog, message, zodMessage };
}

export const COMMON_MESSAGES = defineMessages(CATALOG);
export const { message, zodMessage } = COMMON_MESSAGES;

// Large numbers read "65 536" in French; four digits (years) stay as they are. English keeps plain digits.
// Made on the first French number, not at import: a locale's number format costs about 10 ms of cold start.
let frenchNumber: Intl.NumberFormat | undefined;
const formatFrenchNumber = (value: number) => (frenchNumber ??= new Intl.NumberFormat('fr-CA', { useGrouping: 'min2' })).format(value);

export function render(text: Text, language: Language): string {
  if (typeof text === 'string') return text;
  const params = text.params ?? {};
  return text.templates[language].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === 'number' && language === 'fr' ? formatFrenchNumber(value) : String(value);
  });
}

/** The message a schema gave zod as `text`, or `text` itself when it is not one of ours. */
export function messageOfZodText(text: string): Text {
  return zodTexts.get(text) ?? text;
}

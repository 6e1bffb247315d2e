/**
 * Texts only the anonymous-client, session and Find a Client code answers with, in English and French
 * (see messages.ts for how they are written and rendered).
 */
import { defineMessages } from './messages';

export const CLIENT_MESSAGES = defineMessages({
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
  'client.notFound': {
    en: 'No anonymous client with this id in your agency.',
    fr: 'Aucun client anonyme de votre organisme n’a cet identifiant.',
  },
  'client.stale': {
    en: 'The client was changed since you read it; read it again and reapply your edit.',
    fr: 'Le client a été modifié depuis votre lecture; relisez-le et refaites votre modification.',
  },
  'client.editContention': {
    en: 'Too many edits of this client arrived at once for yours to be applied; retry shortly.',
    fr: 'Trop de modifications de ce client sont arrivées en même temps pour que la vôtre soit appliquée; réessayez sous peu.',
  },
  'client.sessionTaken': {
    en: 'This anonymous client already has its session. An anonymous client is a new client each time a session is created: register a new anonymous client for this service.',
    fr: 'Ce client anonyme a déjà sa séance. Un client anonyme est un nouveau client chaque fois qu’une séance est créée : inscrivez un nouveau client anonyme pour ce service.',
  },
  'site.registrationSiteUnusable': {
    en: 'The registration site is unknown or inactive.',
    fr: 'Le lieu d’inscription est inconnu ou inactif.',
  },
  'site.sessionSiteUnusable': { en: 'The session site is unknown or inactive.', fr: 'Le lieu de la séance est inconnu ou inactif.' },
  'field.wholeNumberRange': { en: 'must be a whole number from {min} to {max}', fr: 'doit être un nombre entier de {min} à {max}' },
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
  'field.clientCursor': {
    en: 'is not a cursor of this search (it was changed, or belongs to another search or agency)',
    fr: 'n’est pas un curseur de cette recherche (il a été modifié, ou il appartient à une autre recherche ou à un autre organisme)',
  },
  'field.clientCursorTooLong': { en: 'is not a cursor this search handed out', fr: 'n’est pas un curseur fourni par cette recherche' },
  // Reports (CONTRACT §11).
  'field.reportMonth': {
    en: 'must be a month written YYYY-MM, from {earliest}',
    fr: 'doit être un mois écrit AAAA-MM, à partir de {earliest}',
  },
  'field.reportSpan': {
    en: 'must be at most {max} months from from, both months included',
    fr: 'doit être au plus à {max} mois de from, les deux mois compris',
  },
  'field.reportBy': {
    en: 'must be one or two of {dimensions}, separated by a comma',
    fr: 'doit être une ou deux des dimensions {dimensions}, séparées par une virgule',
  },
  'field.reportByRepeated': { en: 'must not name a dimension twice', fr: 'ne doit pas nommer deux fois la même dimension' },
  'field.reportByTooMany': { en: 'must name at most {max} dimensions', fr: 'doit nommer au plus {max} dimensions' },
});

export const { message: clientMessage, zodMessage: clientZodMessage } = CLIENT_MESSAGES;

/**
 * Reference data (CONTRACT §4): the coded values a front end offers in its drop-downs, each with an
 * English and a French label. Codes are stable API values; labels may be reworded at any time.
 */

export interface Label {
  en: string;
  fr: string;
}

export interface CodedValue<Code extends string = string> {
  code: Code;
  label: Label;
}

function codes<const T extends readonly CodedValue[]>(values: T): T {
  return values;
}

export const GENDERS = codes([
  { code: 'FEMALE', label: { en: 'Female', fr: 'Femme' } },
  { code: 'MALE', label: { en: 'Male', fr: 'Homme' } },
  { code: 'GENDER_DIVERSE', label: { en: 'Gender diverse', fr: 'Diversité de genre' } },
  { code: 'PREFER_NOT_TO_SAY', label: { en: 'Prefer not to say', fr: 'Préfère ne pas répondre' } },
  { code: 'UNKNOWN', label: { en: 'Unknown', fr: 'Inconnu' } },
] as const);

export const IMMIGRATION_STATUSES = codes([
  { code: 'PERMANENT_RESIDENT', label: { en: 'Permanent resident', fr: 'Résident permanent' } },
  {
    code: 'PROTECTED_PERSON',
    label: { en: 'Protected person / Convention refugee', fr: 'Personne protégée / Réfugié au sens de la Convention' },
  },
  { code: 'REFUGEE_CLAIMANT', label: { en: 'Refugee claimant', fr: "Demandeur d'asile" } },
  { code: 'TEMPORARY_FOREIGN_WORKER', label: { en: 'Temporary foreign worker', fr: 'Travailleur étranger temporaire' } },
  { code: 'INTERNATIONAL_STUDENT', label: { en: 'International student', fr: 'Étudiant étranger' } },
  { code: 'VISITOR', label: { en: 'Visitor', fr: 'Visiteur' } },
  { code: 'CANADIAN_CITIZEN', label: { en: 'Canadian citizen', fr: 'Citoyen canadien' } },
  {
    code: 'CUAET',
    label: {
      en: 'CUAET (Canada-Ukraine authorization for emergency travel)',
      fr: "AVUCU (Autorisation de voyage d'urgence Canada-Ukraine)",
    },
  },
  { code: 'OTHER', label: { en: 'Other', fr: 'Autre' } },
  { code: 'UNKNOWN', label: { en: 'Unknown', fr: 'Inconnu' } },
] as const);

export const SESSION_TYPES = codes([
  { code: 'DIRECT_SERVICE', label: { en: 'Direct Service', fr: 'Service direct' } },
  {
    code: 'DIRECT_SERVICE_JOB_DEVELOPMENT',
    label: { en: 'Direct Service (Job Development)', fr: "Service direct (développement de l'emploi)" },
  },
  { code: 'DIRECT_SERVICE_FINANCE', label: { en: 'Direct Service (Finance)', fr: 'Service direct (finances)' } },
  { code: 'LANGUAGE_TRAINING', label: { en: 'Language Training', fr: 'Formation linguistique' } },
  {
    code: 'INFORMATION_ORIENTATION_GROUP',
    label: { en: 'Information & Orientation group activity', fr: "Activité de groupe d'information et d'orientation" },
  },
  { code: 'COMMUNITY_CONNECTIONS', label: { en: 'Community Connections', fr: 'Connexions communautaires' } },
] as const);

export const DELIVERY_METHODS = codes([
  { code: 'IN_PERSON', label: { en: 'In person', fr: 'En personne' } },
  { code: 'PHONE', label: { en: 'Phone', fr: 'Téléphone' } },
  { code: 'EMAIL', label: { en: 'Email', fr: 'Courriel' } },
  { code: 'ONLINE', label: { en: 'Online', fr: 'En ligne' } },
] as const);

export const LANGUAGES = ['en', 'fr'] as const;
export const RECEIPT_FORMATS = ['pdf', 'csv'] as const;

/** Arrival years before this are not plausible for a living client's arrival in Canada. */
export const FIRST_ARRIVAL_YEAR = 1900;

type CodesOf<T extends readonly CodedValue[]> = T[number]['code'];

export const codesOf = <T extends readonly CodedValue[]>(values: T) =>
  values.map((value) => value.code) as unknown as [CodesOf<T>, ...CodesOf<T>[]];

/** The reference-data document; `currentYear` is the agency's current year (it bounds arrival years). */
export function referenceData(currentYear: number) {
  return {
    genders: GENDERS,
    immigrationStatuses: IMMIGRATION_STATUSES,
    sessionTypes: SESSION_TYPES,
    deliveryMethods: DELIVERY_METHODS,
    arrivalYear: { min: FIRST_ARRIVAL_YEAR, max: currentYear },
    languages: LANGUAGES,
    receiptFormats: RECEIPT_FORMATS,
  };
}

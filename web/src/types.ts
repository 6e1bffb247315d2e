/** Shapes of the API's answers that the screens read (CONTRACT §4 to §8). */
export interface Label {
  en: string;
  fr: string;
}
export interface Coded {
  code: string;
  label: Label;
}
export interface ReferenceData {
  genders: Coded[];
  immigrationStatuses: Coded[];
  sessionTypes: Coded[];
  deliveryMethods: Coded[];
  arrivalYear: { min: number; max: number };
}
export interface Client {
  clientId: string;
  agency: { agencyId: string; name: string };
  site: { siteId: string; name: string };
  registrationDate: string;
  comments: string | null;
  gender: string;
  arrivalYear: number | 'UNKNOWN';
  immigrationStatus: string;
  postalCode: string | null;
}
/** A site as the Find dialog offers it: from the compact index (with its group) or a listing (with its city). */
export interface SiteChoice {
  siteId: string;
  name: string;
  detail?: string;
}

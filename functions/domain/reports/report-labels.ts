/**
 * The words of a report table in English and French: column headings and the labels its codes are
 * written as. The same words as the web app's Reports page (web/src/messages/reports.ts) and the
 * reference data, so a downloaded table reads like the one on screen.
 */
import type { Language } from '../messages';
import { GENDERS, IMMIGRATION_STATUSES } from '../reference-data';
import type { ReportDimension } from './dimensions';

export interface ReportLabels {
  dimensions: Record<ReportDimension, string>;
  clients: string;
  sessions: string;
  total: string;
  /** An arrival year of UNKNOWN (the label the registration form offers). */
  unknownYear: string;
}

export const REPORT_LABELS: Record<Language, ReportLabels> = {
  en: {
    dimensions: {
      month: 'Month',
      site: 'Site',
      gender: 'Gender',
      immigrationStatus: 'Immigration status',
      arrivalYear: 'Arrival year',
    },
    clients: 'Clients',
    sessions: 'Sessions',
    total: 'Total',
    unknownYear: 'Unknown',
  },
  fr: {
    dimensions: {
      month: 'Mois',
      site: 'Lieu',
      gender: 'Genre',
      immigrationStatus: "Statut d'immigration",
      arrivalYear: "Année d'arrivée",
    },
    clients: 'Clients',
    sessions: 'Séances',
    total: 'Total',
    unknownYear: 'Inconnu',
  },
};

const GENDER_LABELS = new Map<string, { en: string; fr: string }>(GENDERS.map(({ code, label }) => [code, label]));
const STATUS_LABELS = new Map<string, { en: string; fr: string }>(IMMIGRATION_STATUSES.map(({ code, label }) => [code, label]));

/** A gender code's label; a code no longer in reference data is written as its code. */
export function genderLabel(code: string, language: Language): string {
  return GENDER_LABELS.get(code)?.[language] ?? code;
}

/** An immigration status code's label; a code no longer in reference data is written as its code. */
export function immigrationStatusLabel(code: string, language: Language): string {
  return STATUS_LABELS.get(code)?.[language] ?? code;
}

/** The API's reference data (GET /v1/reference-data), loaded once after sign-in and read by every screen. */
import type { Schemas } from './api';
import { bilingual } from './dom';

let current: Schemas['ReferenceData'] | undefined;

export const referenceData = (): Schemas['ReferenceData'] | undefined => current;

export function setReferenceData(data: Schemas['ReferenceData']) {
  current = data;
}

/** A select box's options from coded values, labelled in both languages (switched with the page's). */
export function codedOptions(select: HTMLSelectElement, items: Schemas['CodedValue'][], selected?: string) {
  select.replaceChildren(...items.map((item) => bilingual('option', item.label, { value: item.code, selected: item.code === selected })));
}

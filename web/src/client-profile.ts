/**
 * A stored client as the screens show it: every field of the profile with its label (reference-data
 * labels, never codes; kept in the current language), and the client number in groups of four.
 * Used by the success screen, Find a Client, and room mode.
 */
import type { Schemas } from './api';
import { clientNumberGroups, spokenClientNumber } from './client-number';
import { bilingual, h, t } from './dom';
import type { TextKey } from './i18n';
import './journey.css';
import { referenceData } from './reference-data';

type Client = Schemas['AnonymousClient'];

/**
 * The number in groups of four. The groups are separate boxes rather than words with spaces between
 * them, so selecting and copying gives the plain id (and a copy of anything that starts in it gives the
 * id alone); screen readers get it one character at a time instead, since "0123" would be read as a
 * number. `id` names the element whose text is the plain id.
 */
export function clientNumberView(clientId: string, id?: string): HTMLElement {
  const view = h(
    'span',
    { class: 'client-number-view' },
    h('span', { class: 'journey-sr-only' }, spokenClientNumber(clientId)),
    h(
      'span',
      { class: 'client-number', id, 'aria-hidden': 'true', 'data-client-id': clientId },
      ...clientNumberGroups(clientId).map((group) => h('span', { class: 'client-number-group' }, group)),
    ),
  );
  view.addEventListener('copy', (event) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/plain', clientId);
    event.preventDefault();
  });
  return view;
}

/** A moment as YYYY-MM-DD HH:MM in the agency's time zone (the Canadian all-numeric form). */
export function dateTimeText(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Toronto',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** The label of a coded value, in both languages; the code itself only if reference data lacks it. */
function codedLabel(items: Schemas['CodedValue'][] | undefined, code: string): HTMLElement {
  const item = items?.find((candidate) => candidate.code === code);
  return item ? bilingual('dd', item.label) : h('dd', {}, code);
}

const text = (value: string | null | undefined) => (value ? h('dd', {}, value) : t('dd', 'notGiven'));

/** Every stored field of the profile, as a description list. */
export function profileList(client: Client, numberId?: string, reference = referenceData()): HTMLElement {
  const rows: [TextKey, string, HTMLElement][] = [
    ['clientNumber', 'clientId', h('dd', {}, clientNumberView(client.clientId, numberId))],
    ['agency', 'agency', h('dd', {}, client.agency.name)],
    ['clientName', 'clientName', t('dd', 'anonymousClient')],
    ['gender', 'gender', codedLabel(reference?.genders, client.gender)],
    ['arrivalYear', 'arrivalYear', client.arrivalYear === 'UNKNOWN' ? t('dd', 'unknown') : h('dd', {}, String(client.arrivalYear))],
    ['immigrationStatus', 'immigrationStatus', codedLabel(reference?.immigrationStatuses, client.immigrationStatus)],
    ['postalCode', 'postalCode', text(client.postalCode)],
    ['registrationDate', 'registrationDate', h('dd', {}, client.registrationDate)],
    ['siteName', 'siteName', h('dd', {}, client.site.name)],
    ['comments', 'comments', text(client.comments)],
    ['createdAt', 'createdAt', h('dd', {}, dateTimeText(client.createdAt))],
    ['createdBy', 'createdBy', h('dd', {}, client.createdBy)],
  ];
  return h(
    'dl',
    { class: 'profile-list' },
    ...rows.flatMap(([label, name, value]) => {
      value.dataset.field = name;
      if (name === 'comments') value.classList.add('multiline');
      return [t('dt', label), value];
    }),
  );
}

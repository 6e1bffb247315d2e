/** The front end's words for the form checks in the browser, the error summary and the site combobox, in English and French (merged into i18n.ts). */
export const en = {};

export const fr: typeof en = {};

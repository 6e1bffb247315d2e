/** The front end's words for drafts kept on the device, the outbox and the offline state, in English and French (merged into i18n.ts). */
export const en = {
  draftRestored: (time: string) => `Draft from ${time} restored.`,
  draftSaved: (time: string) => `Draft saved on this device at ${time}.`,
  draftDiscard: 'Discard the draft',
  signOutQuestionTitle: 'Before you sign out',
  signOutDraftQuestion: (time: string) =>
    `A registration you started (draft from ${time}) is not registered yet. Keep the draft on this device to finish it after signing in again, or delete it?`,
  signOutWaitingOnly: 'Registrations made on this device have not reached the server yet.',
  signOutWaiting: (n: number) =>
    n === 1
      ? '1 registration is waiting to be sent. It stays on this device and is sent when you sign in again.'
      : `${n} registrations are waiting to be sent. They stay on this device and are sent when you sign in again.`,
  signOutKeepDraft: 'Keep the draft and sign out',
  signOutDeleteDraft: 'Delete the draft and sign out',
  offline: 'Offline',
  outboxButton: (waiting: number, failed: number) =>
    `Outbox: ${[`${waiting} to send`, failed > 0 ? `${failed} not registered` : ''].filter(Boolean).join(', ')}`,
  outboxTitle: 'Registrations on this device',
  outboxNote:
    'Registrations made without a network wait here and are sent, once each, as soon as the network is back. They stay on this device until then.',
  outboxEmpty: 'Nothing is waiting.',
  outboxItem: (time: string, site: string) => (site ? `Registration of ${time}, ${site}` : `Registration of ${time}`),
  outboxWaiting: 'Waiting for the network.',
  outboxNextTry: (time: string) => `Waiting; next try at ${time}.`,
  outboxSending: 'Sending…',
  outboxSent: (clientId: string) => `Registered: client number ${clientId}.`,
  outboxFailed: (reason: string) => `Not registered: ${reason}`,
  outboxNeedsSignIn: 'Waiting for you to sign in again.',
  outboxOpen: 'Open',
  outboxOpenInForm: 'Open in the form',
  outboxSendNow: 'Send now',
  outboxClose: 'Close',
  outboxSavedTitle: 'Saved on this device',
  outboxSavedText:
    'The network did not answer, so this registration is saved on this device and will be sent as soon as the network is back. You can keep registering meanwhile.',
  outboxSavedWhy:
    'The receipt and a session need the client number, which the server gives once it has stored the registration: they are offered here when it is sent.',
};

export const fr: typeof en = {
  draftRestored: (time: string) => `Brouillon de ${time} rétabli.`,
  draftSaved: (time: string) => `Brouillon enregistré sur cet appareil à ${time}.`,
  draftDiscard: 'Supprimer le brouillon',
  signOutQuestionTitle: 'Avant de vous déconnecter',
  signOutDraftQuestion: (time: string) =>
    `Une inscription commencée (brouillon de ${time}) n'est pas encore enregistrée. Garder le brouillon sur cet appareil pour la terminer après vous être reconnecté, ou le supprimer?`,
  signOutWaitingOnly: 'Des inscriptions faites sur cet appareil ne sont pas encore parvenues au serveur.',
  signOutWaiting: (n: number) =>
    n === 1
      ? "1 inscription attend d'être envoyée. Elle reste sur cet appareil et sera envoyée quand vous vous reconnecterez."
      : `${n} inscriptions attendent d'être envoyées. Elles restent sur cet appareil et seront envoyées quand vous vous reconnecterez.`,
  signOutKeepDraft: 'Garder le brouillon et me déconnecter',
  signOutDeleteDraft: 'Supprimer le brouillon et me déconnecter',
  offline: 'Hors ligne',
  outboxButton: (waiting: number, failed: number) =>
    `Boîte d'envoi : ${[`${waiting} à envoyer`, failed > 0 ? `${failed} non inscrite(s)` : ''].filter(Boolean).join(', ')}`,
  outboxTitle: 'Inscriptions sur cet appareil',
  outboxNote:
    "Les inscriptions faites sans réseau attendent ici et sont envoyées, une seule fois chacune, dès le retour du réseau. Elles restent sur cet appareil d'ici là.",
  outboxEmpty: "Rien n'attend.",
  outboxItem: (time: string, site: string) => (site ? `Inscription de ${time}, ${site}` : `Inscription de ${time}`),
  outboxWaiting: 'En attente du réseau.',
  outboxNextTry: (time: string) => `En attente; prochain essai à ${time}.`,
  outboxSending: 'Envoi…',
  outboxSent: (clientId: string) => `Inscrit : numéro de client ${clientId}.`,
  outboxFailed: (reason: string) => `Non inscrit : ${reason}`,
  outboxNeedsSignIn: 'En attente de votre reconnexion.',
  outboxOpen: 'Ouvrir',
  outboxOpenInForm: 'Ouvrir dans le formulaire',
  outboxSendNow: 'Envoyer maintenant',
  outboxClose: 'Fermer',
  outboxSavedTitle: 'Enregistrée sur cet appareil',
  outboxSavedText:
    "Le réseau n'a pas répondu : cette inscription est enregistrée sur cet appareil et sera envoyée dès le retour du réseau. Vous pouvez continuer à inscrire d'ici là.",
  outboxSavedWhy:
    "Le reçu et la séance exigent le numéro de client, que le serveur donne une fois l'inscription enregistrée : ils sont offerts ici dès qu'elle est envoyée.",
};

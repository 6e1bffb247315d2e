/** The front end's words for the form checks in the browser, the error summary and the site combobox, in English and French (merged into i18n.ts). */

// What a date field is called inside a sentence (the messages below put it in lower case).
type DateField = 'registrationDate' | 'serviceDate';

export const en = {
  summaryTitle: 'There is a problem',
  summaryIntro: 'Correct the following:',
  dateHint: 'YYYY-MM-DD, for example 2026-11-30',
  checkChooseGender: 'Choose a gender',
  checkChooseArrivalYear: 'Choose the year of arrival, or Unknown',
  checkChooseImmigrationStatus: 'Choose an immigration status, or Unknown',
  checkPostalCode: 'Enter a Canadian postal code such as K1A 0B1, or its first three characters, such as K1A',
  checkChooseSite: 'Choose a registration site',
  checkSiteUnavailable: 'The registration site chosen is unknown or no longer active: choose another site',
  checkSessionSiteUnavailable: 'The session site is unknown or no longer active: register the client at an active site',
  checkChooseSessionType: 'Choose a session type',
  checkChooseDeliveryMethod: 'Choose a delivery method',
  checkDuration: 'Enter the duration as a whole number of minutes from 1 to 1,440, or leave it empty',
  checkDateFormat: (field: DateField) =>
    `Enter the ${field === 'registrationDate' ? 'registration date' : 'service date'} as YYYY-MM-DD, for example 2026-11-30`,
  checkDateTooEarly: (field: DateField, earliest: string) =>
    `The ${field === 'registrationDate' ? 'registration date' : 'service date'} cannot be before ${earliest}`,
  checkDateAfterToday: (field: DateField, today: string) =>
    `The ${field === 'registrationDate' ? 'registration date' : 'service date'} cannot be after today (${today})`,
  checkControlCharacters: (label: string) => `${label}: remove the special control characters (line breaks and tabs are fine)`,
  checkTooLong: (label: string, max: number, length: number) =>
    `${label} can be at most ${max.toLocaleString('en-CA')} characters; there are ${length.toLocaleString('en-CA')}. Remove ${(length - max).toLocaleString('en-CA')}.`,
  checkInvalid: (label: string) => `${label}: this value is not accepted. Check it and try again.`,
};

const frenchNumber = (value: number) => value.toLocaleString('fr-CA');

export const fr: typeof en = {
  summaryTitle: 'Il y a un problème',
  summaryIntro: 'Corrigez ce qui suit :',
  dateHint: 'AAAA-MM-JJ, par exemple 2026-11-30',
  checkChooseGender: 'Choisissez un genre',
  checkChooseArrivalYear: "Choisissez l'année d'arrivée, ou Inconnu",
  checkChooseImmigrationStatus: "Choisissez un statut d'immigration, ou Inconnu",
  checkPostalCode: 'Saisissez un code postal canadien comme K1A 0B1, ou ses trois premiers caractères, comme K1A',
  checkChooseSite: "Choisissez un lieu d'inscription",
  checkSiteUnavailable: "Le lieu d'inscription choisi est inconnu ou n'est plus actif : choisissez-en un autre",
  checkSessionSiteUnavailable: "Le lieu de la séance est inconnu ou n'est plus actif : inscrivez le client dans un lieu actif",
  checkChooseSessionType: 'Choisissez un type de séance',
  checkChooseDeliveryMethod: 'Choisissez un mode de prestation',
  checkDuration: 'Saisissez la durée en minutes, un nombre entier de 1 à 1 440, ou laissez le champ vide',
  checkDateFormat: (field) =>
    `Saisissez la ${field === 'registrationDate' ? "date d'inscription" : 'date du service'} au format AAAA-MM-JJ, par exemple 2026-11-30`,
  checkDateTooEarly: (field, earliest) =>
    `La ${field === 'registrationDate' ? "date d'inscription" : 'date du service'} ne peut pas précéder le ${earliest}`,
  checkDateAfterToday: (field, today) =>
    `La ${field === 'registrationDate' ? "date d'inscription" : 'date du service'} ne peut pas être postérieure à aujourd'hui (${today})`,
  checkControlCharacters: (label) =>
    `${label} : retirez les caractères de contrôle spéciaux (les sauts de ligne et les tabulations sont acceptés)`,
  checkTooLong: (label, max, length) =>
    `${label} : au plus ${frenchNumber(max)} caractères; il y en a ${frenchNumber(length)}. Retirez-en ${frenchNumber(length - max)}.`,
  checkInvalid: (label) => `${label} : cette valeur n'est pas acceptée. Vérifiez-la et réessayez.`,
};

/** The front end's words for the registration-site combobox and the Find dialog's grouped tree, in English and French (merged into i18n.ts). */
export const en = {
  siteComboboxHint: 'Type part of the site name, then choose it from the list.',
  siteOptions: 'Registration sites',
  sitesCount: (total: number, shown: number) =>
    total === 0
      ? 'No site matches.'
      : total === 1
        ? '1 site matches.'
        : total > shown
          ? `${total} sites match; the first ${shown} are listed.`
          : `${total} sites match.`,
  recentSitesCount: (n: number) => (n === 1 ? '1 recently used site.' : `${n} recently used sites.`),
  recentSite: 'recently used',
  chooseSiteFromList: 'Choose a site from the list',
  browseSites: 'Browse the list of sites',
  groupRange: (range: string) => `Groups ${range}`,
  siteRange: (range: string) => `Sites ${range}`,
};

export const fr: typeof en = {
  siteComboboxHint: 'Tapez une partie du nom du lieu, puis choisissez-le dans la liste.',
  siteOptions: "Lieux d'inscription",
  sitesCount: (total: number, shown: number) =>
    total === 0
      ? 'Aucun lieu ne correspond.'
      : total === 1
        ? '1 lieu correspond.'
        : total > shown
          ? `${total} lieux correspondent; les ${shown} premiers sont listés.`
          : `${total} lieux correspondent.`,
  recentSitesCount: (n: number) => (n === 1 ? '1 lieu utilisé récemment.' : `${n} lieux utilisés récemment.`),
  recentSite: 'utilisé récemment',
  chooseSiteFromList: 'Choisissez un lieu dans la liste',
  browseSites: 'Parcourir la liste des lieux',
  groupRange: (range: string) => `Groupes ${range}`,
  siteRange: (range: string) => `Lieux ${range}`,
};

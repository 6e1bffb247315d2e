/** The front end's words for the Reports page (GET /v1/reports/anonymous-clients), in English and French (merged into i18n.ts). */

type Dimension = 'month' | 'site' | 'gender' | 'immigrationStatus' | 'arrivalYear';
type Measure = 'clients' | 'sessions';

const DIMENSIONS_EN: Record<Dimension, string> = {
  month: 'Month',
  site: 'Site',
  gender: 'Gender',
  immigrationStatus: 'Immigration status',
  arrivalYear: 'Arrival year',
};
const DIMENSIONS_FR: Record<Dimension, string> = {
  month: 'Mois',
  site: 'Lieu',
  gender: 'Genre',
  immigrationStatus: "Statut d'immigration",
  arrivalYear: "Année d'arrivée",
};

export const en = {
  navReports: 'Reports',
  reportsTitle: 'Reports: anonymous clients served',
  reportsIntro:
    'How many anonymous clients the agency registered, and how many sessions they received, month by month. Clients count in the month they were registered, sessions in the month they were given.',
  reportMonths: 'Months',
  reportFrom: 'From (month)',
  reportTo: 'To (month)',
  reportMonthHint: 'YYYY-MM, for example 2026-04',
  reportQuickPicks: 'Quick picks (fiscal year, April to March)',
  reportFiscalYear: 'Fiscal year',
  reportThisYearToDate: 'This fiscal year to date',
  reportLastYear: 'Last fiscal year',
  reportWholeYear: 'Whole year',
  reportQuarter: (quarter: number) => `Q${quarter} ${['Apr–Jun', 'Jul–Sep', 'Oct–Dec', 'Jan–Mar'][quarter - 1]}`,
  reportFiscalYearOption: (label: string, which: 'this' | 'last' | 'other') =>
    which === 'this' ? `${label} (this year)` : which === 'last' ? `${label} (last year)` : label,
  reportBreakDown: 'Break down by',
  reportThenBy: 'then by',
  reportNoDimension: 'Nothing (totals only)',
  reportNoSecond: 'Nothing more',
  reportDimension: (dimension: Dimension) => DIMENSIONS_EN[dimension],
  reportSuppress: 'Hide small counts (for reports that leave the agency)',
  reportSuppressBelow: 'Hide counts under',
  reportSuppressHint: 'Counts from 1 to this number less one are withheld, and enough others that none can be worked out.',
  reportShow: 'Show the report',
  reportLoading: 'Counting…',
  reportDownload: 'Download CSV',
  reportDownloading: 'Preparing the CSV…',
  reportCaption: (from: string, to: string, by: string) => `Anonymous clients and sessions, ${from} to ${to}${by ? `, by ${by}` : ''}`,
  reportClients: 'Clients',
  reportSessions: 'Sessions',
  reportTotal: 'Total',
  reportAll: 'All clients',
  reportWithheld: (below: number) => `< ${below}`,
  reportWithheldNote: (below: number) =>
    `< ${below}: withheld. The count is under ${below}, or it is withheld so that a small count cannot be worked out from the others.`,
  reportEmpty: 'No clients in these months.',
  reportAsOf: (when: string) => `Counts include every change up to ${when}.`,
  reportForbidden: 'Only agency administrators can see reports.',
  reportOffline: 'Reports need the network: the counts are kept on the server. Connect, then try again.',
  reportChartShows: 'The chart shows',
  reportChartLabel: (measure: Measure, axis: string, stack: string, from: string, to: string) =>
    `Bar chart of ${measure} by ${axis}${stack ? `, each bar divided by ${stack}` : ''}, ${from} to ${to}. The table below gives every number.`,
  reportChartScroll: 'Chart (scrolls sideways)',
  reportTableScroll: 'Table (scrolls sideways)',
  reportLegend: (stack: string, columns: boolean) =>
    `${stack}, ${columns ? 'from the bottom of each bar up' : 'from the left of each bar'}:`,
  reportOthers: 'All others',
  reportChartWithheld: (below: number) => `* Some counts in this bar are withheld (< ${below}); the bar shows only the published ones.`,
};

export const fr: typeof en = {
  navReports: 'Rapports',
  reportsTitle: 'Rapports : clients anonymes servis',
  reportsIntro:
    "Combien de clients anonymes l'organisme a inscrits et combien de séances ils ont reçues, mois par mois. Un client compte dans le mois de son inscription, une séance dans le mois où elle a été donnée.",
  reportMonths: 'Mois',
  reportFrom: 'Du mois',
  reportTo: 'Au mois',
  reportMonthHint: 'AAAA-MM, par exemple 2026-04',
  reportQuickPicks: "Choix rapides (exercice financier, d'avril à mars)",
  reportFiscalYear: 'Exercice',
  reportThisYearToDate: "Cet exercice jusqu'à maintenant",
  reportLastYear: 'Exercice précédent',
  reportWholeYear: "L'exercice entier",
  reportQuarter: (quarter: number) => `T${quarter} ${['avr.–juin', 'juil.–sept.', 'oct.–déc.', 'janv.–mars'][quarter - 1]}`,
  reportFiscalYearOption: (label: string, which: 'this' | 'last' | 'other') =>
    which === 'this' ? `${label} (cet exercice)` : which === 'last' ? `${label} (exercice précédent)` : label,
  reportBreakDown: 'Répartir par',
  reportThenBy: 'puis par',
  reportNoDimension: 'Rien (totaux seulement)',
  reportNoSecond: 'Rien de plus',
  reportDimension: (dimension: Dimension) => DIMENSIONS_FR[dimension],
  reportSuppress: "Masquer les petits nombres (pour les rapports qui sortent de l'organisme)",
  reportSuppressBelow: 'Masquer les nombres inférieurs à',
  reportSuppressHint: "Les nombres de 1 à ce nombre moins un sont masqués, et assez d'autres pour qu'aucun ne puisse être déduit.",
  reportShow: 'Afficher le rapport',
  reportLoading: 'Calcul…',
  reportDownload: 'Télécharger le CSV',
  reportDownloading: 'Préparation du CSV…',
  reportCaption: (from: string, to: string, by: string) => `Clients anonymes et séances, de ${from} à ${to}${by ? `, par ${by}` : ''}`,
  reportClients: 'Clients',
  reportSessions: 'Séances',
  reportTotal: 'Total',
  reportAll: 'Tous les clients',
  reportWithheld: (below: number) => `< ${below}`,
  reportWithheldNote: (below: number) =>
    `< ${below} : nombre masqué. Il est inférieur à ${below}, ou il est masqué pour qu'un petit nombre ne puisse pas être déduit des autres.`,
  reportEmpty: 'Aucun client pendant ces mois.',
  reportAsOf: (when: string) => `Les nombres comprennent tous les changements jusqu'au ${when}.`,
  reportForbidden: "Seuls les administrateurs de l'organisme peuvent voir les rapports.",
  reportOffline: 'Les rapports ont besoin du réseau : les nombres sont tenus sur le serveur. Connectez-vous, puis réessayez.',
  reportChartShows: 'Le graphique montre',
  reportChartLabel: (measure: Measure, axis: string, stack: string, from: string, to: string) =>
    `Graphique à barres des ${measure === 'clients' ? 'clients' : 'séances'} par ${axis}${stack ? `, chaque barre divisée par ${stack}` : ''}, de ${from} à ${to}. Le tableau ci-dessous donne tous les nombres.`,
  reportChartScroll: 'Graphique (défile de côté)',
  reportTableScroll: 'Tableau (défile de côté)',
  reportLegend: (stack: string, columns: boolean) =>
    `${stack}, ${columns ? 'du bas de chaque barre vers le haut' : 'de la gauche de chaque barre'} :`,
  reportOthers: 'Tous les autres',
  reportChartWithheld: (below: number) =>
    `* Des nombres de cette barre sont masqués (< ${below}); la barre ne montre que ceux qui sont publiés.`,
};

/** The front end's words for the page frame: header, footer and menus, in English and French (merged into i18n.ts). */
export const en = {
  skipToContent: 'Skip to main content',
  mainMenu: 'Main menu',
  menu: 'Menu',
  footerAbout:
    'Newcomer intake is used by settlement agencies. It follows the Ontario Design System; it is not a Government of Ontario service.',
  footerAccessibility:
    "Accessibility: made to meet WCAG 2.1 level AA, in English and French, by keyboard and on phones. To report a barrier, contact your agency's administrator.",
  footerPrivacy: 'Privacy: clients are registered without their name. Sign out before you leave a shared computer.',
};

export const fr: typeof en = {
  skipToContent: 'Passer au contenu principal',
  mainMenu: 'Menu principal',
  menu: 'Menu',
  footerAbout:
    "Accueil des nouveaux arrivants est utilisé par les organismes d'établissement. Il suit le Système de conception de l'Ontario ; ce n'est pas un service du gouvernement de l'Ontario.",
  footerAccessibility:
    "Accessibilité : conçu pour respecter les WCAG 2.1, niveau AA, en français et en anglais, au clavier et sur téléphone. Pour signaler un obstacle, adressez-vous à l'administrateur de votre organisme.",
  footerPrivacy: 'Confidentialité : les clients sont inscrits sans leur nom. Déconnectez-vous avant de quitter un ordinateur partagé.',
};

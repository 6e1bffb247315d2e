/**
 * The reference front end: sign-in (local, or Cognito's hosted UI when config.json says so), "Register
 * New Client/Activity", the Find dialog, the registration wizard, "Begin Session with Client" and "Find
 * a Client in my Agency". It uses only the public API (and, in the embedded mode, POST /local/token).
 */
import { answered, apiClient, ApiError, currentToken, setApiBase, tokenClaims, whenUnauthorized } from './api';
import { isAgencyAdmin } from './client-history';
import { ConfigError, loadConfig } from './config';
import { errorMessage, h, lang, m, onLanguage, setLanguage, t, translated } from './dom';
import { forgetDraft } from './draft-form';
import { createFindClientsScreen } from './find-clients';
import { headerMenu } from './header-menu';
import { header, headerTools, screen, show } from './layout';
import { registerServiceWorker, setDeviceHours, startDeviceWork, stopDeviceWork } from './offline-app';
import { referenceData, setReferenceData } from './reference-data';
import { onRegistered, openFreshForm, registerScreen, resetRegisterForm, showAgency } from './register-form';
import './session-form';
import { createSignIn, type SignIn } from './sign-in';
import './style.css';
import { openWizard } from './wizard';

let signIn: SignIn | undefined;

document.documentElement.lang = lang();
onRegistered((client) => {
  forgetDraft();
  openWizard(client);
});

// ---------------------------------------------------------------- layout
const languageButton = h('button', { type: 'button', id: 'language', onclick: () => setLanguage(lang() === 'en' ? 'fr' : 'en') });
onLanguage(() => {
  languageButton.textContent = m().switchLanguage;
  languageButton.lang = lang() === 'en' ? 'fr' : 'en';
  languageButton.setAttribute('aria-label', m().switchLanguageName);
});
// Reports: agency administrators only (the API refuses others anyway); its page is a chunk of its own,
// fetched when the item is first chosen, so the first load does not carry it.
const reportsItem = t('button', 'navReports', {
  type: 'button',
  id: 'nav-reports',
  'data-screen': 'reports',
  hidden: true,
  onclick: () => void import('./reports').then((page) => page.openReports()),
});
const menu = headerMenu([
  t('button', 'navRegister', { type: 'button', id: 'nav-register', 'data-screen': 'register', onclick: () => openFreshForm() }),
  t('button', 'navFind', { type: 'button', id: 'nav-find', 'data-screen': 'find-clients', onclick: () => show(findClientsScreen) }),
  reportsItem,
  t('button', 'signOut', { type: 'button', id: 'sign-out', onclick: () => signIn?.signOut() }),
]);
headerTools.append(languageButton, menu.button);
header.append(menu.nav);

// ---------------------------------------------------------------- Find a Client in my Agency
const findClientsScreen = createFindClientsScreen(referenceData);

// ---------------------------------------------------------------- start
async function enter() {
  setReferenceData(await answered(apiClient().GET('/v1/reference-data')));
  const claims = tokenClaims();
  showAgency(String(claims['custom:agency_name'] ?? claims['custom:agency_id'] ?? ''));
  resetRegisterForm(undefined);
  await startDeviceWork(claims);
  reportsItem.hidden = !isAgencyAdmin();
  menu.available(true);
  show(registerScreen);
}

async function start() {
  let config;
  try {
    config = await loadConfig(location.href);
  } catch (error) {
    const why = error instanceof ConfigError ? error.message : 'network';
    const alert = h('p', { class: 'form-error', role: 'alert', id: 'start-error' });
    translated(alert)((messages) => messages.configFailed(why));
    show(screen('start-failed', 'appTitle', alert));
    return;
  }
  setApiBase(config.apiBaseUrl);
  setDeviceHours(config.draftHours);
  registerServiceWorker();
  const leave = () => {
    menu.available(false);
    stopDeviceWork();
    // A session that ends under an open Find dialog must not leave it over the sign-in screen.
    for (const dialog of document.querySelectorAll('dialog')) dialog.close();
  };
  const session = createSignIn(config, { enter, leave });
  signIn = session;
  whenUnauthorized(() => session.endSession((messages) => messages.sessionEnded));
  await session.completeReturn();
  if (!currentToken()) return session.endSession();
  await enter().catch((error: unknown) => {
    if (!(error instanceof ApiError && error.status === 401)) session.endSession(() => errorMessage(error));
  });
}

void start();

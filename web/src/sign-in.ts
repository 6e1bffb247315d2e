/**
 * Signing in and out. Embedded mode: a form that asks the local gateway for a token (POST /local/token).
 * AWS: Cognito's hosted UI, authorization code with PKCE; the ID token is the bearer token, because the
 * API's JWT authorizer checks its audience (the app client id) and reads custom:agency_id from it. The
 * verifier and state stay in sessionStorage only between leaving for the hosted UI and coming back.
 * Tokens and codes are never logged or shown.
 */
import { isAgencyId } from './agency-id';
import { api, ApiError, setToken } from './api';
import type { AppConfig } from './config';
import { errorMessage, field, h, t, translated, whileBusy } from './dom';
import { clockTime, deleteDraft, unsentDraft } from './draft-form';
import type { Messages } from './i18n';
import { screen, show } from './layout';
import { waitingCount } from './outbox-panel';
import {
  authorizeUrl,
  codeChallenge,
  logoutUrl,
  randomToken,
  tokenEndpoint,
  tokenRequestBody,
  withoutCallbackParameters,
  type CognitoSettings,
} from './pkce';
import { askBeforeSignOut } from './sign-out-dialog';

const PENDING_KEY = 'signin-pending';

export interface SignIn {
  /** Finishes a return from the hosted UI, if this page load is one; errors end up on the sign-in screen. */
  completeReturn(): Promise<void>;
  signOut(): void;
  /** Back to the sign-in screen, with a message when there is something to say (an expired session). */
  endSession(message?: (messages: Messages) => string): void;
}

/** Codes from the address bar or the token endpoint are shown only when they look like OAuth error codes. */
const errorCode = (value: unknown) => (typeof value === 'string' && /^[a-z_]{1,40}$/.test(value) ? value : 'error');

export function createSignIn(config: AppConfig, hooks: { enter: () => Promise<void>; leave: () => void }): SignIn {
  const alert = h('p', { class: 'form-error', role: 'alert', id: 'signin-error' });
  const setError = translated(alert);
  const auth = config.auth;
  const section = auth.mode === 'cognito' ? cognitoScreen(auth) : localScreen();

  function cognitoScreen(settings: CognitoSettings): HTMLElement {
    const button = t('button', 'signIn', { type: 'button', id: 'sign-in' });
    button.addEventListener('click', () => {
      const verifier = randomToken(32);
      const state = randomToken(16);
      sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state }));
      void codeChallenge(verifier).then((challenge) => location.assign(authorizeUrl(settings, state, challenge)));
    });
    return screen('signin', 'signInCognitoTitle', t('p', 'signInCognitoNote'), alert, h('div', { class: 'buttons' }, button));
  }

  function localScreen(): HTMLElement {
    const role = h(
      'select',
      {},
      t('option', 'roleStaff', { value: 'staff' }),
      t('option', 'roleAdmin', { value: 'agency-admin' }),
      t('option', 'roleOperator', { value: 'operator' }),
    );
    const agencyId = h('input', { name: 'agencyId', value: 'agency-1', autocomplete: 'organization' });
    const submit = t('button', 'signIn', { type: 'submit', id: 'sign-in' });
    const form = h(
      'form',
      { id: 'signin-form', novalidate: true },
      field('signin-agencyId', 'agencyId', agencyId, { required: true }),
      field('signin-agencyName', 'agencyName', h('input', { name: 'agencyName', value: 'Newcomer Centre of Peel' })),
      field('signin-userId', 'userId', h('input', { name: 'userId', value: 'front-desk-1', autocomplete: 'username' })),
      field('signin-role', 'role', role),
      alert,
      h('div', { class: 'buttons' }, submit),
    );
    // The agency id's error beside the field, in the current language; it goes once the id is edited.
    const setAgencyIdError = translated(form.querySelector<HTMLElement>('#err-signin-agencyId')!);
    const markAgencyId = (invalid: boolean) => {
      if (invalid) agencyId.setAttribute('aria-invalid', 'true');
      else agencyId.removeAttribute('aria-invalid');
      setAgencyIdError(invalid ? (messages) => messages.agencyIdInvalid : undefined);
    };
    agencyId.addEventListener('input', () => {
      if (agencyId.getAttribute('aria-invalid') !== 'true') return;
      markAgencyId(false);
      setError(undefined);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (submit.disabled) return;
      const data = new FormData(form);
      // The API's own rule: a token for an id it refuses would get 403 on every call.
      if (!isAgencyId(String(data.get('agencyId')))) {
        markAgencyId(true);
        setError((messages) => messages.fixErrors);
        agencyId.focus();
        return;
      }
      markAgencyId(false);
      void whileBusy(submit, 'signingIn', form, async () => {
        try {
          const answer = await api<{ token: string }>('POST', '/local/token', {
            agencyId: String(data.get('agencyId')).trim(),
            agencyName: String(data.get('agencyName')).trim() || undefined,
            userId: String(data.get('userId')).trim() || undefined,
            role: role.value,
          });
          setToken(answer.token);
          setError(undefined);
          await hooks.enter();
        } catch (error) {
          // The local token endpoint names the field it refuses (errors[].pointer).
          if (error instanceof ApiError && error.errors.some((e) => e.pointer === '/agencyId')) {
            markAgencyId(true);
            setError((messages) => messages.fixErrors);
          } else setError(() => errorMessage(error));
        }
      });
    });
    return screen('signin', 'signInTitle', t('p', 'signInNote'), form);
  }

  function takePending(): { verifier: string; state: string } | undefined {
    const text = sessionStorage.getItem(PENDING_KEY);
    sessionStorage.removeItem(PENDING_KEY);
    try {
      const pending = JSON.parse(text ?? 'null') as { verifier?: unknown; state?: unknown } | null;
      return typeof pending?.verifier === 'string' && typeof pending.state === 'string'
        ? { verifier: pending.verifier, state: pending.state }
        : undefined;
    } catch {
      return undefined;
    }
  }

  /** The ID token for the code in the address bar, or the message saying why there is none. */
  async function redeem(settings: CognitoSettings, params: URLSearchParams): Promise<string | ((messages: Messages) => string)> {
    const pending = takePending();
    const error = params.get('error');
    if (error !== null) return (messages) => messages.authRefused(errorCode(error));
    // A state this tab did not send means the answer was not asked for here (a forged or stale link).
    if (!pending || params.get('state') !== pending.state) return (messages) => messages.authStateMismatch;
    try {
      const response = await fetch(tokenEndpoint(settings), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: tokenRequestBody(settings, params.get('code') ?? '', pending.verifier),
      });
      const body = (await response.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown };
      if (response.ok && typeof body.id_token === 'string') return body.id_token;
      return (messages) => messages.authTokenFailed(errorCode(body.error));
    } catch {
      return (messages) => messages.authTokenFailed('network');
    }
  }

  function leaveSession() {
    setToken(undefined);
    if (auth.mode === 'cognito') {
      location.assign(logoutUrl(auth));
      return;
    }
    hooks.leave();
    setError(undefined);
    show(section);
  }

  return {
    async completeReturn() {
      if (auth.mode !== 'cognito') return;
      const params = new URLSearchParams(location.search);
      if (!params.has('code') && !params.has('error')) return;
      // The code is single-use: a reload must not send it again, and it must not stay in the history.
      history.replaceState(history.state, '', withoutCallbackParameters(location.href));
      const outcome = await redeem(auth, params);
      if (typeof outcome === 'string') setToken(outcome);
      else setError(outcome);
    },
    signOut() {
      void (async () => {
        // An unsent draft or waiting registrations on a possibly shared computer: the worker decides.
        const [draft, waiting] = await Promise.all([unsentDraft(), waitingCount()]);
        if (draft || waiting > 0) {
          const choice = await askBeforeSignOut(draft ? clockTime(draft.savedAt) : undefined, waiting);
          if (choice === 'cancel') return;
          if (choice === 'delete') await deleteDraft();
        }
        leaveSession();
      })();
    },
    endSession(message) {
      setToken(undefined);
      hooks.leave();
      // Without a message, what completeReturn found (a refused sign-in) stays on screen.
      if (message) setError(message);
      show(section);
    },
  };
}

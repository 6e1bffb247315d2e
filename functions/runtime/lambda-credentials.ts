/**
 * Stands in for `@aws-sdk/credential-provider-node` inside the Lambda bundles only (esbuild `alias`,
 * lib/bundling.ts); the embedded mode, the scripts and the tests keep the SDK's full chain.
 *
 * Why: every SDK client imports the default chain, which brings SSO, IAM Identity Center login, STS
 * web identity, INI files and the instance metadata service, with the nested STS/SSO clients they
 * call (about 60 KB minified of each bundle, parsed at every cold start). Lambda has exactly one
 * source: it puts the execution role's credentials in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
 * AWS_SESSION_TOKEN before the function starts, and that is the first thing the full chain would try.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

type FromEnvInit = Parameters<typeof fromEnv>[0];

/** Same name and call shape as the default chain's export, so the SDK clients' runtime config uses it unchanged. */
export const defaultProvider = (init?: FromEnvInit) => fromEnv(init);

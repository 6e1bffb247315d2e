/**
 * `npm run token -- --agency <agencyId> [--agency-name <name>] [--user <id>] [--role staff|agency-admin|operator] [--ttl <seconds>]`
 * Prints a bearer token that a local server using the same DATA_DIR accepts. Only the token goes to
 * stdout, so `TOKEN=$(npm run -s token -- --agency a1)` works.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../functions/domain/caller';
import { AGENCY_ID, USER_ID } from '../functions/http/caller-from-claims';
import { issueLocalToken } from '../local/tokens';

const USAGE =
  'usage: npm run token -- --agency <agencyId> [--agency-name <name>] [--user <id>] [--role staff|agency-admin|operator] [--ttl <seconds>]';

function fail(message: string): never {
  console.error(`token: ${message}\n${USAGE}`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        agency: { type: 'string' },
        'agency-name': { type: 'string' },
        user: { type: 'string' },
        role: { type: 'string', default: 'staff' },
        ttl: { type: 'string', default: String(8 * 3600) },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return fail((error as Error).message);
  }
})();

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.agency || !AGENCY_ID.test(values.agency)) {
  fail('--agency is required: letters, digits, "-" or "_", at most 64 characters, a letter or digit first');
}
if (values.user !== undefined && !USER_ID.test(values.user)) fail('--user must be 1 to 128 visible ASCII characters');
if (!(ROLES as readonly string[]).includes(values.role)) fail(`--role must be one of ${ROLES.join(', ')}`);
const ttlSeconds = Number(values.ttl);
if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > 7 * 24 * 3600) fail('--ttl must be 1 to 604800 seconds');

const dataDir = resolve(process.env.DATA_DIR ?? './.data');
console.log(
  await issueLocalToken(dataDir, {
    agencyId: values.agency,
    agencyName: values['agency-name'],
    userId: values.user,
    role: values.role as Role,
    ttlSeconds,
  }),
);

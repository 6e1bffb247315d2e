/**
 * CDK context is read once and checked: defaults for a first deployment, and a message naming the
 * key for a bad value, before any construct exists.
 */
import { describe, expect, it } from '@jest/globals';
import { App } from 'aws-cdk-lib';
import { readDeploymentSettings, stackName } from '../../lib/settings';

const read = (context: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) => readDeploymentSettings(new App({ context }).node, env);

describe('deployment settings', () => {
  it('default to one dev deployment in ca-central-1 with a local front end allowed', () => {
    expect(read({})).toMatchObject({
      regions: ['ca-central-1'],
      stage: 'dev',
      account: undefined,
      corsOrigins: ['http://localhost:5173'],
      callbackUrls: ['http://localhost:5173/'],
      throttle: { rateLimit: 50, burstLimit: 100 },
      agencyTimeZone: 'America/Toronto',
      receiptRetentionDays: 30,
    });
  });

  it('read comma lists, numbers and the account of the CLI environment', () => {
    const settings = read(
      {
        regions: 'ca-central-1, ca-west-1',
        stage: 'prod',
        corsOrigins: 'https://intake.example.org/app',
        throttleRate: '20',
        throttleBurst: 30,
      },
      { CDK_DEFAULT_ACCOUNT: '123456789012' },
    );
    expect(settings).toMatchObject({
      regions: ['ca-central-1', 'ca-west-1'],
      stage: 'prod',
      account: '123456789012',
      corsOrigins: ['https://intake.example.org'],
      callbackUrls: ['https://intake.example.org/'],
      throttle: { rateLimit: 20, burstLimit: 30 },
    });
  });

  it('allow no browser origin by default outside dev', () => {
    expect(read({ stage: 'prod' }).corsOrigins).toEqual([]);
  });

  it('leave the web site off unless -c webSite=true, as a string or a boolean', () => {
    expect(read({}).webSite).toBe(false);
    expect(read({ webSite: 'false' }).webSite).toBe(false);
    expect(read({ webSite: 'true' }).webSite).toBe(true);
    expect(read({ webSite: true }).webSite).toBe(true);
  });

  it('give Cognito no local callback outside dev when the web site is on (the stack adds the site)', () => {
    expect(read({ stage: 'prod' }).callbackUrls).toEqual(['http://localhost:5173/']);
    expect(read({ stage: 'prod', webSite: 'true' })).toMatchObject({ corsOrigins: [], callbackUrls: [], logoutUrls: [] });
    expect(read({ webSite: 'true' }).callbackUrls).toEqual(['http://localhost:5173/']);
  });

  it("take an existing pool's hosted sign-in origin, without a trailing slash", () => {
    const settings = read({
      webSite: 'true',
      existingUserPoolId: 'ca-central-1_AbC123',
      existingUserPoolDomain: 'https://staff.auth.ca-central-1.amazoncognito.com/',
    });
    expect(settings.existingUserPoolDomain).toBe('https://staff.auth.ca-central-1.amazoncognito.com');
  });

  it.each([
    [{ regions: 'canada-central' }, /"regions".*not an AWS region/],
    [{ stage: 'Prod!' }, /"stage"/],
    [{ throttleRate: 'fast' }, /"throttleRate".*whole number/],
    [{ corsOrigins: 'http://intake.example.org' }, /"corsOrigins".*https/],
    [{ agencyTimeZone: 'Mars/Olympus' }, /"agencyTimeZone"/],
    [{ alarmEmail: 'ops' }, /"alarmEmail"/],
    [{ existingUserPoolId: 'not-a-pool' }, /"existingUserPoolId"/],
    [{ existingUserPoolClientId: '1example23456789abcdefghij' }, /"existingUserPoolClientId".*only makes sense/],
    [{ regions: 'ca-central-1,ca-west-1', existingUserPoolId: 'ca-central-1_AbC123' }, /"existingUserPoolClientId".*ca-west-1/],
    [{ webSite: 'yes' }, /"webSite".*true or false/],
    [{ webSite: 'true', existingUserPoolId: 'ca-central-1_AbC123' }, /"existingUserPoolDomain".*ca-central-1\.amazoncognito\.com/],
    [{ existingUserPoolDomain: 'https://staff.auth.ca-central-1.amazoncognito.com' }, /"existingUserPoolDomain".*only makes sense/],
    [
      { existingUserPoolId: 'ca-central-1_AbC123', existingUserPoolDomain: 'http://staff.example.org' },
      /"existingUserPoolDomain".*https origin/,
    ],
    [
      { existingUserPoolId: 'ca-central-1_AbC123', existingUserPoolDomain: 'https://staff.example.org/login' },
      /"existingUserPoolDomain".*https origin/,
    ],
    [{ webSite: 'true', webSiteWebAclArn: 'arn:aws:wafv2:ca-central-1:123456789012:regional/webacl/a/b' }, /"webSiteWebAclArn".*us-east-1/],
    [{ webSiteWebAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/a/b' }, /"webSiteWebAclArn".*webSite=true/],
  ])('refuse %j naming the key', (context, message) => {
    expect(() => read(context)).toThrow(message);
  });

  it('name stacks with stage and region', () => {
    expect(stackName('prod', 'ca-west-1', 'Stateful')).toBe('NewcomerIntake-prod-ca-west-1-Stateful');
  });
});

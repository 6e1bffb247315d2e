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
      publicThrottle: { rateLimit: 5, burstLimit: 10 },
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

  it('give Cognito a local callback in dev only (the stack adds the web site)', () => {
    expect(read({}).callbackUrls).toEqual(['http://localhost:5173/']);
    expect(read({ webSite: 'true' }).callbackUrls).toEqual(['http://localhost:5173/']);
    // Outside dev: never localhost; offline with nothing configured, no URL at all (the client gets no OAuth).
    expect(read({ stage: 'prod' })).toMatchObject({ corsOrigins: [], callbackUrls: [], logoutUrls: [] });
    expect(read({ stage: 'prod', webSite: 'true', siteDefaultCertificate: 'true' })).toMatchObject({ callbackUrls: [], logoutUrls: [] });
    expect(read({ stage: 'prod', corsOrigins: 'https://intake.example.org' }).callbackUrls).toEqual(['https://intake.example.org/']);
  });

  it.each([
    [{ stage: 'prod', callbackUrls: 'http://localhost:5173/' }, /"callbackUrls".*"http:\/\/localhost:5173\/" is a local address/],
    [{ stage: 'prod', callbackUrls: 'https://intake.example.org/', logoutUrls: 'http://127.0.0.1:5173/' }, /"logoutUrls".*local address/],
    [{ stage: 'prod', corsOrigins: 'http://localhost:5173' }, /"corsOrigins".*local address/],
  ])('refuse a local callback outside dev: %j', (context, message) => {
    expect(() => read(context)).toThrow(message);
  });

  it('refuse, when a deploy is possible, a stage outside dev whose web client would have no callback URL', () => {
    const account = { CDK_DEFAULT_ACCOUNT: '123456789012' };
    expect(() => read({ stage: 'prod' }, account)).toThrow(/"callbackUrls".*stage prod.*-c corsOrigins=https:.*-c webSite=true/);
    expect(read({ stage: 'prod', corsOrigins: 'https://intake.example.org' }, account).callbackUrls).toEqual([
      'https://intake.example.org/',
    ]);
    expect(read({ stage: 'prod', webSite: 'true', siteDefaultCertificate: 'true' }, account).callbackUrls).toEqual([]);
  });

  it('require the stage on the command line whenever the CLI has an account, and default to dev only offline', () => {
    expect(() => read({}, { CDK_DEFAULT_ACCOUNT: '123456789012' })).toThrow(
      /"stage".*account 123456789012.*-c stage=prod.*second, deletable stack set/,
    );
    expect(read({ stage: 'dev' }, { CDK_DEFAULT_ACCOUNT: '123456789012' }).stage).toBe('dev');
    expect(read({}, {}).stage).toBe('dev');
  });

  it('refuse an existing user pool until its MFA and password settings are confirmed', () => {
    const pool = { existingUserPoolId: 'ca-central-1_AbC123' };
    expect(() => read(pool)).toThrow(
      /"existingUserPoolVerified".*ca-central-1_AbC123.*requires MFA.*at least 14 characters.*-c existingUserPoolVerified=true/,
    );
    expect(read({ ...pool, existingUserPoolVerified: 'true' })).toMatchObject({ ...pool, existingUserPoolVerified: true });
    expect(() => read({ existingUserPoolVerified: 'true' })).toThrow(/"existingUserPoolVerified".*only makes sense/);
  });

  it("read the site's own domain per region with its us-east-1 certificate", () => {
    const certificate = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d';
    expect(read({ webSite: 'true', siteDomain: 'Intake.Example.org', siteCertificateArn: certificate })).toMatchObject({
      siteDomains: { 'ca-central-1': 'intake.example.org' },
      siteCertificateArn: certificate,
    });
    expect(
      read({
        regions: 'ca-central-1,ca-west-1',
        webSite: 'true',
        siteDomain: 'ca-west-1=west.example.org, ca-central-1=central.example.org',
        siteCertificateArn: certificate,
      }).siteDomains,
    ).toEqual({ 'ca-central-1': 'central.example.org', 'ca-west-1': 'west.example.org' });
    expect(read({ stage: 'prod', webSite: 'true', siteDefaultCertificate: 'true' }).siteDefaultCertificate).toBe(true);
  });

  it("throttle each public route with a small budget of its own, never above the stage's", () => {
    expect(read({ publicThrottleRate: '2', publicThrottleBurst: '4' }).publicThrottle).toEqual({ rateLimit: 2, burstLimit: 4 });
    expect(read({ throttleRate: '3', throttleBurst: '3' }).publicThrottle).toEqual({ rateLimit: 3, burstLimit: 3 });
    expect(() => read({ publicThrottleRate: '80' })).toThrow(/"publicThrottleRate".*1 to 50/);
  });

  it("take an existing pool's hosted sign-in origin, without a trailing slash", () => {
    const settings = read({
      webSite: 'true',
      existingUserPoolId: 'ca-central-1_AbC123',
      existingUserPoolVerified: 'true',
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
    [{ stage: 'prod', webSite: 'true' }, /"siteDomain".*TLS 1\.2.*-c siteDefaultCertificate=true/],
    [{ webSite: 'true', siteDomain: 'intake.example.org' }, /"siteCertificateArn".*us-east-1/],
    [
      { webSite: 'true', siteDomain: 'intake.example.org', siteCertificateArn: 'arn:aws:acm:ca-central-1:123456789012:certificate/a' },
      /"siteCertificateArn".*us-east-1/,
    ],
    [{ webSite: 'true', siteCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/a' }, /"siteDomain".*needs the domain/],
    [{ siteDomain: 'intake.example.org' }, /"siteDomain".*webSite=true/],
    [
      {
        regions: 'ca-central-1,ca-west-1',
        webSite: 'true',
        siteDomain: 'intake.example.org',
        siteCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/a',
      },
      /"siteDomain".*one domain per region/,
    ],
    [
      {
        regions: 'ca-central-1,ca-west-1',
        webSite: 'true',
        siteDomain: 'ca-central-1=intake.example.org',
        siteCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/a',
      },
      /"siteDomain".*no domain for ca-west-1/,
    ],
    [
      {
        webSite: 'true',
        siteDomain: 'intake.example.org',
        siteCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/a',
        siteDefaultCertificate: 'true',
      },
      /"siteDefaultCertificate".*contradicts/,
    ],
  ])('refuse %j naming the key', (context, message) => {
    expect(() => read(context)).toThrow(message);
  });

  it('name stacks with stage and region', () => {
    expect(stackName('prod', 'ca-west-1', 'Stateful')).toBe('NewcomerIntake-prod-ca-west-1-Stateful');
  });
});

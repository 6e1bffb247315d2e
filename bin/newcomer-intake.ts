/**
 * The CDK app entry (`cdk.json`: `npx tsx bin/newcomer-intake.ts`). Context: `-c regions=a,b`
 * `-c stage=prod` (required whenever the CLI has credentials: cdk.json names no stage) `-c corsOrigins=...`
 * `-c throttleRate=` `-c throttleBurst=` `-c publicThrottleRate=` `-c publicThrottleBurst=`
 * `-c existingUserPoolId=` with `-c existingUserPoolVerified=true` `-c alarmEmail=` `-c webSite=true`
 * `-c siteDomain=` `-c siteCertificateArn=` (see lib/settings.ts and docs/operators-guide.md).
 */
import { App } from 'aws-cdk-lib';
import { buildApp } from '../lib/app';

buildApp(new App());

/**
 * The CDK app entry (`cdk.json`: `npx tsx bin/newcomer-intake.ts`). Context: `-c regions=a,b`
 * `-c stage=prod` `-c corsOrigins=...` `-c throttleRate=` `-c throttleBurst=` `-c existingUserPoolId=`
 * `-c alarmEmail=` `-c webSite=true` (see lib/settings.ts and docs/operators-guide.md).
 */
import { App } from 'aws-cdk-lib';
import { buildApp } from '../lib/app';

buildApp(new App());

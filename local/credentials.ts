/**
 * Static credentials for the embedded stack's emulators. s3rver only accepts the access key pair
 * S3RVER/S3RVER; DynamoDB Local started with -sharedDb accepts any well-formed pair (letters and
 * digits only). The embedded server configures a single set of credentials for every AWS SDK client
 * in the process, so both emulators get this one pair.
 *
 * Do not freeze this object, and prefer handing SDK clients a copy (`{ ...LOCAL_AWS_CREDENTIALS }`):
 * AWS SDK v3 (3.1169) writes a `$source` bookkeeping property onto the credentials object it is given,
 * and on a frozen object every request fails with "Cannot set properties of undefined (setting
 * 'CREDENTIALS_CODE')".
 */
export const LOCAL_AWS_CREDENTIALS: { readonly accessKeyId: string; readonly secretAccessKey: string } = {
  accessKeyId: 'S3RVER',
  secretAccessKey: 'S3RVER',
};

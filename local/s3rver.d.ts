// s3rver 3.7.1 ships no type definitions; this covers the part of its API the embedded stack uses.
declare module 's3rver' {
  import type { Server } from 'node:http';
  import type { AddressInfo } from 'node:net';

  namespace S3rver {
    interface BucketConfig {
      name: string;
      /** Raw CORS or website configuration XML. */
      configs?: Array<string | Buffer>;
    }

    interface Options {
      /** Host/IP to bind to (default 'localhost'). */
      address?: string;
      /** Port to listen on (default 4568; 0 picks a free one). */
      port?: number;
      key?: string | Buffer;
      cert?: string | Buffer;
      silent?: boolean;
      serviceEndpoint?: string;
      /** Data directory (default: a folder under os.tmpdir()). */
      directory?: string;
      resetOnClose?: boolean;
      allowMismatchedSignatures?: boolean;
      vhostBuckets?: boolean;
      configureBuckets?: BucketConfig[];
    }
  }

  class S3rver {
    constructor(options?: S3rver.Options);
    /** Creates configureBuckets, then listens. Resolves with the bound address. */
    run(): Promise<AddressInfo>;
    /** Closes the HTTP server (rejects with 'Not running' if it never started). */
    close(): Promise<void>;
    configureBuckets(): Promise<void>;
    reset(): void;
    /** Set once run() has started listening. */
    httpServer?: Server;
  }

  export = S3rver;
}

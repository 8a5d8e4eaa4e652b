import type { RequestHandler } from 'express';
import type { Db } from '../../db/gateway.js';
import { dataVersion, type DataVersion } from '../../db/queries/data-version.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** The data version this request is answered from. */
    dataVersion: DataVersion;
  }
}

/**
 * Reads the data version (the latest import) that requests are answered from and tag as ETag: once per turn of the
 * event loop, for every request that arrives in it, since under load dozens arrive together and the read is a
 * query each. A commit seen a turn later changes nothing but when the new data is first served: an answer is
 * always made on one snapshot, with the version of that snapshot (registry.ts), never a mix.
 */
export function dataVersionReader(db: Db): () => DataVersion {
  let current: DataVersion | null = null;
  const forget = () => {
    current = null;
  };
  return () => {
    if (current === null) {
      current = dataVersion(db);
      setImmediate(forget);
    }
    return current;
  };
}

export function setUpDataVersion(read: () => DataVersion): RequestHandler {
  return (req, _res, next) => {
    req.dataVersion = read();
    next();
  };
}

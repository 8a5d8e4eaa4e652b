import type { RequestHandler } from 'express';
import type { Db } from '../../db/gateway.js';
import { dataVersion, type DataVersion } from '../../db/queries/dataVersion.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** The data version this request is answered from, read once per request. */
    dataVersion: DataVersion;
  }
}

/** Reads the data version (the latest import) for each request: routes answer from it and tag it as ETag. */
export function setUpDataVersion(db: Db): RequestHandler {
  return (req, _res, next) => {
    req.dataVersion = dataVersion(db);
    next();
  };
}

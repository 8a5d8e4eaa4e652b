import type { RequestHandler } from 'express';
import type { Db } from '../../db/gateway.js';
import { databaseProblem, fileProblem } from '../../db/file-watch.js';
import { HttpError } from '../../answers/errors.js';

/**
 * A 503 for every request once the database file was removed or replaced under the server (its connection would
 * answer from a deleted inode while uploads reached another file), and on /healthz also once any query met an I/O
 * or corruption error. Both checks are cheap: a stat of the path, a flag.
 */
export function setUpDatabaseWatch(db: Db): RequestHandler {
  return (req, _res, next) => {
    const problem = req.path === '/healthz' ? databaseProblem(db) : fileProblem(db);
    next(problem === null ? undefined : new HttpError(503, problem));
  };
}

import express, { type RequestHandler } from 'express';

/** Largest JSON request body accepted; larger bodies get a 413 in the error shape. */
export const JSON_BODY_LIMIT = 100 * 1024;

/** Reads JSON bodies of writes (reads carry none, and skip the parser). */
export function setUpJson(): RequestHandler {
  const json = express.json({ limit: JSON_BODY_LIMIT });
  return (req, res, next) => (req.method === 'GET' || req.method === 'HEAD' ? next() : json(req, res, next));
}

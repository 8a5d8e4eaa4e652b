import express, { type RequestHandler } from 'express';

/** Largest JSON request body accepted; larger bodies get a 413 in the error shape. */
export const JSON_BODY_LIMIT = 100 * 1024;

export function setUpJson(): RequestHandler {
  return express.json({ limit: JSON_BODY_LIMIT });
}

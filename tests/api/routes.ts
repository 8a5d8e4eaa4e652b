import type { Express } from 'express';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every GET route Express will serve, read from the app's own router. */
export function expressGetRoutes(app: Express): string[] {
  const stack = (app.router as unknown as { stack: Layer[] }).stack;
  return stack.flatMap((layer) => (layer.route?.methods.get ? [layer.route.path] : []));
}

// Credentials belong in the Authorization header. A URL is written to logs, browser histories and proxies' logs,
// so a token found in one is refused, and never logged or echoed.
import { unescape } from 'node:querystring';

/** Query parameters whose values are credentials, whatever the route. */
const SECRET_NAME =
  /^(?:token|access_?token|id_?token|auth|authorization|bearer|api_?key|key|password|passwd|secret|admin_?token|session)$/i;
const MAYBE_SECRET =
  /[?&](?:token|access_?token|id_?token|auth|authorization|bearer|api_?key|key|password|passwd|secret|admin_?token|session)=/i;

export const REDACTED = '[redacted]';

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

// A token percent-encoded twice ('%2574...') is still the token to whoever reads the log; three rounds undo any
// encoding a client would plausibly apply. unescape decodes what it can of a malformed sequence, as the query
// parser does, where decodeURIComponent would give up on the whole text.
function unescaped(text: string, plusIsSpace: boolean): string {
  let s = plusIsSpace ? text.replace(/\+/g, ' ') : text;
  for (let round = 0; round < 3 && s.includes('%'); round++) {
    const next = unescape(s);
    if (next === s) break;
    s = next;
  }
  return s;
}

/** Whether text holds the token, as it is or however it was percent-encoded ('+' read both ways). */
function holds(text: string, token: string | null): boolean {
  if (token === null) return false;
  if (text.includes(token)) return true;
  if (!text.includes('%') && !text.includes('+')) return false;
  return unescaped(text, false).includes(token) || unescaped(text, true).includes(token);
}

/** Where a URL holds a credential ('path', 'query', or a parameter's name) and the URL with each one replaced. */
export interface SecretsInUrl {
  /** The first place a credential was found, to name in a 400; null when the URL holds none. */
  where: string | null;
  redacted: string;
}

/**
 * Finds credentials in a URL: the values of parameters named like one, and the admin token in a path segment, a
 * parameter's name or its value (decoded). A token that spans separators ('/', '&', '=') redacts the whole URL.
 * Cheap for the usual URL, which has none of these.
 */
export function secretsInUrl(url: string, adminToken: string | null): SecretsInUrl {
  if (!MAYBE_SECRET.test(url) && !url.includes('%') && !url.includes('+') && !holds(url, adminToken)) {
    return { where: null, redacted: url };
  }
  let where: string | null = null;
  const found = (place: string) => {
    where ??= place;
    return REDACTED;
  };
  const at = url.indexOf('?');
  const path = (at === -1 ? url : url.slice(0, at))
    .split('/')
    .map((segment) => (holds(segment, adminToken) ? found('path') : segment))
    .join('/');
  let redacted = path;
  if (at !== -1) {
    const pairs = url
      .slice(at + 1)
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        const rawName = eq === -1 ? pair : pair.slice(0, eq);
        // A parameter named by the token is named in a 400 as 'query', never by its name.
        if (holds(rawName, adminToken)) return found('query');
        if (eq === -1) return pair;
        const name = unescaped(rawName, true);
        const value = pair.slice(eq + 1);
        return isSecretName(name) || holds(value, adminToken) ? `${rawName}=${found(name)}` : pair;
      });
    redacted = `${path}?${pairs.join('&')}`;
  }
  if (holds(redacted, adminToken)) return { where: where ?? 'path', redacted: REDACTED };
  return { where, redacted };
}

/** The URL with every credential in it replaced by [redacted] (secretsInUrl). */
export function redactUrl(url: string, adminToken: string | null = null): string {
  return secretsInUrl(url, adminToken).redacted;
}

/** What is logged of a request's URL (request log, faults): redactUrl for this server's admin token. */
export type UrlRedactor = (url: string) => string;

export function urlRedactor(adminToken: string | null): UrlRedactor {
  return (url) => redactUrl(url, adminToken);
}

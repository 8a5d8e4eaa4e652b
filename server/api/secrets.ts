// Credentials belong in the Authorization header. A URL is written to logs, browser histories and proxies' logs,
// so a token found in one is refused, and never logged or echoed.

/** Query parameters whose values are credentials, whatever the route. */
const SECRET_NAME =
  /^(?:token|access_?token|id_?token|auth|authorization|bearer|api_?key|key|password|passwd|secret|admin_?token|session)$/i;
const MAYBE_SECRET =
  /[?&](?:token|access_?token|id_?token|auth|authorization|bearer|api_?key|key|password|passwd|secret|admin_?token|session)=/i;

export const REDACTED = '[redacted]';

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** The URL with the values of credential parameters replaced; cheap for the usual URL, which has none. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  // Percent-encoded names ('%74oken') are decoded below; the usual URL has neither.
  if (at === -1 || (!MAYBE_SECRET.test(url) && !url.includes('%', at))) return url;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // A malformed name is logged as it came.
      }
      return eq !== -1 && isSecretName(decoded) ? `${name}=${REDACTED}` : pair;
    });
  return `${url.slice(0, at)}?${query.join('&')}`;
}

/**
 * The credential a query carries, by the parameter's name or because its value contains the admin token: the
 * parameter's name, or null.
 */
export function secretInQuery(query: Record<string, unknown>, adminToken: string | null): string | null {
  for (const [name, value] of Object.entries(query)) {
    if (isSecretName(name)) return name;
    const values = Array.isArray(value) ? value : [value];
    if (adminToken !== null && values.some((v) => typeof v === 'string' && v.includes(adminToken)))
      return name;
  }
  return null;
}

import "server-only";

/**
 * Route handlers, unlike server actions, get no origin check from Next: a POST that exports data
 * must come from a page of this site. Browsers say so in Sec-Fetch-Site; with our
 * "Referrer-Policy: no-referrer" a form POST carries "Origin: null", so Origin is only the
 * fallback for clients without Fetch Metadata.
 */
export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const source = request.headers.get("origin");
  if (!source || source === "null") return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(source).host === host;
  } catch {
    return false;
  }
}

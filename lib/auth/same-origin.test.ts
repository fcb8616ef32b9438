import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

const request = (headers: Record<string, string>) =>
  new Request("http://sanad.test/cases/export/download", {
    method: "POST",
    headers: { host: "sanad.test", ...headers },
  });

describe("isSameOrigin", () => {
  it("trusts Fetch Metadata when the browser sends it", () => {
    expect(isSameOrigin(request({ "sec-fetch-site": "same-origin", origin: "null" }))).toBe(true);
    expect(isSameOrigin(request({ "sec-fetch-site": "cross-site", origin: "http://sanad.test" }))).toBe(
      false,
    );
    expect(isSameOrigin(request({ "sec-fetch-site": "same-site" }))).toBe(false);
  });

  it("falls back to Origin, refusing a missing, null or foreign one", () => {
    expect(isSameOrigin(request({ origin: "http://sanad.test" }))).toBe(true);
    expect(isSameOrigin(request({ origin: "http://evil.test" }))).toBe(false);
    expect(isSameOrigin(request({ origin: "null" }))).toBe(false);
    expect(isSameOrigin(request({}))).toBe(false);
  });
});

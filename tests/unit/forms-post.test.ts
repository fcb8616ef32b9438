import { describe, expect, it } from "vitest";
import { jsxElements } from "./jsx-elements";

/**
 * A form without `method` is sent by the browser as a GET when it is submitted before the page's
 * JavaScript runs: every named field, a person's details or a password, goes into the address,
 * the history and the logs on the way (e2e/before-scripts.spec.ts shows it in a browser). So each
 * form says how it is sent: `method="post"` for forms the page handles in script, a server action
 * (`action={…}`, which React sends as a POST), or `method="get"` where the fields are meant for
 * the address, as the case list's filters are.
 */
describe("forms", () => {
  it("every form says how it is sent, so none goes as a GET by default", () => {
    const missing = jsxElements()
      .filter((e) => e.tag === "form" && !e.attributes.has("method") && !e.attributes.has("action"))
      .map((e) => e.at);
    expect(missing).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { jsxElements } from "./jsx-elements";

/**
 * A button that works through `onClick` does nothing until the page has hydrated, and a user on
 * a slow connection cannot tell. ScriptButton (components/forms/script-button.tsx) is disabled
 * until then; e2e/before-scripts.spec.ts shows one in a browser without scripts.
 */
describe("script buttons", () => {
  it("every button that works through onClick is a ScriptButton", () => {
    const raw = jsxElements()
      .filter((e) => e.tag === "button" && e.attributes.has("onClick"))
      .map((e) => e.at);
    expect(raw).toEqual([]);
  });
});

import { expect, test } from "@playwright/test";
import { storageState, uniqueName } from "./support";

/** What a data-collection tool sends: one person per request, as JSON. */
function person(familyName: string) {
  return {
    biodata: {
      familyName,
      givenNames: "Tablet",
      sex: "female",
      dobMode: "exact",
      dateOfBirth: "1991-03-14",
      nationality: "SDN",
      populationType: "migrant",
      languages: [],
      baladiyaPcode: "LY021104",
      detained: false,
      vulnerabilities: [],
    },
    consent: { obtained: "yes", givenBy: "self", givenOn: "2025-02-01", purposes: ["services"] },
  };
}

test.describe("registration over the JSON endpoint", () => {
  test.use({ storageState: storageState("caseworker") });

  test("a caseworker's tool registers a person, who then opens as a case; a second copy is held as a duplicate", async ({
    page,
  }) => {
    const familyName = uniqueName("Api");
    const created = await page.request.post("/api/beneficiaries", { data: person(familyName) });
    expect(created.status()).toBe(201);
    const { id, caseNumber } = (await created.json()) as { id: string; caseNumber: string };
    expect(caseNumber).toMatch(/^LBY-\d{2}-[0-9A-Z]{6}$/);

    await page.goto(`/cases/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(familyName);

    const again = await page.request.post("/api/beneficiaries", { data: person(familyName) });
    expect(again.status()).toBe(409);
    expect(((await again.json()) as { error: string }).error).toBe("duplicates");
  });

  test("bad input is refused with per-field errors and writes nothing", async ({ page }) => {
    const familyName = uniqueName("Api");
    const bad = person(familyName);
    bad.biodata.dateOfBirth = "not a date";
    const refused = await page.request.post("/api/beneficiaries", { data: bad });
    expect(refused.status()).toBe(400);
    const body = (await refused.json()) as { error: string; fieldErrors: Record<string, string[]> };
    expect(body.error).toBe("invalid");
    expect(Object.keys(body.fieldErrors).join(" ")).toContain("dateOfBirth");

    await page.goto(`/cases?q=${encodeURIComponent(familyName)}`);
    await expect(page.getByTestId("case-list").getByRole("row").filter({ hasText: familyName })).toHaveCount(
      0,
    );
  });

  test("a form post, another site's request or no session gets nothing", async ({
    page,
    playwright,
    baseURL,
  }) => {
    const form = await page.request.post("/api/beneficiaries", { form: { familyName: "X" } });
    expect(form.status()).toBe(415);
    const crossSite = await page.request.post("/api/beneficiaries", {
      data: person(uniqueName("Api")),
      headers: { origin: "https://elsewhere.example" },
    });
    expect(crossSite.status()).toBe(403);
    const anonymous = await playwright.request.newContext({
      baseURL,
      storageState: { cookies: [], origins: [] },
    });
    try {
      const response = await anonymous.post("/api/beneficiaries", { data: person(uniqueName("Api")) });
      expect(response.status()).toBe(401);
    } finally {
      await anonymous.dispose();
    }
  });
});

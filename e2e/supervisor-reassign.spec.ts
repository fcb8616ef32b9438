import { expect, test } from "@playwright/test";
import { casePath, expectNotFound, pageAs, registerPerson, uniqueName } from "./support";

test("a supervisor hands a caseworker's case to a colleague, who alone can then open it", async ({
  browser,
}) => {
  // Several browser contexts and form round trips: allow three times the default timeout.
  test.slow();
  const karim = await pageAs(browser, "caseworker");
  const leila = await pageAs(browser, "supervisor");
  const salma = await pageAs(browser, "caseworker2");
  try {
    const family = uniqueName("Abakar");
    const caseNumber = await registerPerson(karim, { familyName: family, givenNames: "Idriss" });
    const path = casePath(karim);
    await expect(karim.getByTestId("case-owner")).toHaveText("Karim Caseworker");

    // The supervisor of the same office (Tripoli) sees the case and can reassign it.
    await leila.goto(path);
    await expect(leila.getByTestId("case-number")).toHaveText(caseNumber);
    await expect(leila.getByTestId("case-owner")).toHaveText("Karim Caseworker");
    const reassign = leila.getByRole("region", { name: "Reassign case" });
    await expect(reassign.getByRole("button", { name: "Reassign" })).toBeDisabled();
    await reassign.getByLabel("New owner").selectOption({ label: "Salma Caseworker" });
    await reassign.getByRole("button", { name: "Reassign" }).click();
    await expect(reassign.getByRole("status")).toHaveText("The case now belongs to Salma Caseworker.");
    await expect(leila.getByTestId("case-owner")).toHaveText("Salma Caseworker");

    // The previous owner has lost the case; the new owner has it.
    await karim.goto(path);
    await expectNotFound(karim);
    await expect(karim.getByText(family)).toHaveCount(0);
    await salma.goto(path);
    await expect(salma.getByTestId("case-number")).toHaveText(caseNumber);
    await expect(salma.getByRole("heading", { level: 1 })).toContainText(family);
    await expect(salma.getByTestId("case-owner")).toHaveText("Salma Caseworker");
  } finally {
    for (const page of [karim, leila, salma]) await page.context().close();
  }
});

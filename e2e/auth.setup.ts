import { expect, test as setup } from "@playwright/test";
import { type DemoUser, signIn, storageState, USERS } from "./support";

// Each role signs in once through the real sign-in form; journeys reuse the saved session.
for (const user of Object.keys(USERS) as DemoUser[]) {
  setup(`sign in as ${user}`, async ({ page }) => {
    await signIn(page, USERS[user]);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("who")).toBeVisible();
    await page.context().storageState({ path: storageState(user) });
  });
}

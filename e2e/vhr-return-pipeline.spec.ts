import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { storageState } from "./support";

test.use({ storageState: storageState("focalVhr") });

/** A VHR referral the unit accepted, for an adult seeded person with no return yet. */
async function acceptedReferral(): Promise<{ name: string }> {
  const sql = postgres(process.env.E2E_DATABASE_URL ?? "", { max: 1, onnotice: () => {} });
  try {
    const [p] = await sql<{ id: string; owner: string; name: string }[]>`
      select b.id, b.owner_id as owner, b.family_name || ', ' || b.given_names as name
      from beneficiaries b
      where b.population_type = 'migrant' and b.uasc_status is null and b.status <> 'closed'
        and b.date_of_birth < current_date - interval '20 years'
        and not exists (select 1 from vhr_cases v where v.beneficiary_id = b.id)
        and not exists (select 1 from referrals r where r.beneficiary_id = b.id and r.service = 'vhr')
      order by random() limit 1`;
    if (!p) throw new Error("no seeded adult without a return");
    await sql`
      insert into referrals (beneficiary_id, service, recipient_kind, urgency, reason, state, created_by, created_at)
      values (${p.id}, 'vhr', 'internal', 'medium', 'Wishes to return home', 'accepted', ${p.owner}, now() - interval '10 days')`;
    return { name: p.name };
  } finally {
    await sql.end();
  }
}

test("a movement officer opens a return and takes it to a travel document, step by step", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const person = await acceptedReferral();
  await page.goto("/returns");
  await page.getByRole("link", { name: `Open the return for ${person.name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Open a return" })).toBeVisible();

  // Without the informed consent nothing is written.
  await page.getByLabel("Language used").fill("Hausa");
  await page.getByRole("button", { name: "Open the return" }).click();
  await expect(page.getByText("The person's informed consent to return must be confirmed.")).toBeVisible();

  await page.getByRole("checkbox", { name: /freely consents to return/ }).check();
  await page.getByLabel("Country of return").selectOption("NER");
  await page.getByRole("button", { name: "Open the return" }).click();
  await expect(page).toHaveURL(/\/returns\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Return requested").first()).toBeVisible();

  await page.getByRole("button", { name: "Record the counselling" }).click();
  await page.getByRole("button", { name: "Record the verification" }).click();
  await page.getByRole("button", { name: "Record the interview" }).click();
  await page.getByLabel("Document type").selectOption("laissez_passer");
  await page.getByLabel("Document number").fill("LP 4471");
  await page.getByLabel("Issued on").fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
  await page.getByLabel("Expiry date").fill("2099-12-31");
  await page.getByRole("button", { name: "Record the travel document" }).click();
  await expect(page.getByText("LP 4471")).toBeVisible();
  // Every step is in the history with who did it.
  await expect(page.getByText("Tarek VHR Focal Point").first()).toBeVisible();
});

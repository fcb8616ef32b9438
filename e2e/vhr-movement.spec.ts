import { expect, type Page, test } from "@playwright/test";
import postgres from "postgres";
import { missionLocal } from "../lib/domain/vhr/constants";
import { pageAs } from "./support";

interface Person {
  name: string;
}

/**
 * Four adults whose return reached "travel document issued", as the VHR unit's earlier steps leave
 * them: three examined fit to travel this morning, one whose clearance lapsed two days ago.
 */
async function preparePeople(): Promise<Person[]> {
  const sql = postgres(process.env.E2E_DATABASE_URL ?? "", { max: 1, onnotice: () => {} });
  try {
    const [focal] = await sql<{ id: string }[]>`select id from users where email = 'focal.vhr@sanad.example'`;
    const people = await sql<{ id: string; owner: string; name: string }[]>`
      select b.id, b.owner_id as owner, b.family_name || ', ' || b.given_names as name
      from beneficiaries b
      where b.population_type = 'migrant' and b.uasc_status is null and b.status <> 'closed'
        and b.date_of_birth between current_date - interval '55 years' and current_date - interval '20 years'
        and not exists (select 1 from vhr_cases v where v.beneficiary_id = b.id)
      order by random() limit 4`;
    if (!focal || people.length < 4) throw new Error("the seed has too few adults to prepare");
    for (const [i, p] of people.entries()) {
      const [referral] = await sql<{ id: string }[]>`
        insert into referrals (beneficiary_id, service, recipient_kind, urgency, reason, state, created_by)
        values (${p.id}, 'vhr', 'internal', 'medium', 'Wishes to go home to Niamey', 'accepted', ${p.owner})
        returning id`;
      await sql`
        insert into vhr_cases (beneficiary_id, referral_id, stage, destination_country, informed_consent, declared_on,
          language, counselled_on, nationality_verified_on, interviewed_on, travel_document_type,
          travel_document_number, travel_document_issued_on, travel_document_expiry, created_by)
        values (${p.id}, ${referral?.id ?? ""}, 'documented', 'NER', true, current_date - 30, 'Hausa',
          current_date - 25, current_date - 20, current_date - 15, 'laissez_passer', ${`LP${700100 + i}`},
          current_date - 10, current_date + 90, ${focal.id})`;
      const lapsed = i === 3;
      await sql`
        insert into screenings (beneficiary_id, instrument, version, answers, outcome, outcome_detail, screened_on,
          valid_until, created_by, created_at)
        values (${p.id}, 'fit_to_travel', 1, '{}'::jsonb, 'fit', '{"reasons":[],"flags":[],"conditions":[]}'::jsonb,
          ${lapsed ? sql`current_date - 5` : sql`current_date`},
          ${lapsed ? sql`now() - interval '28 hours'` : sql`now() + interval '72 hours'`}, ${p.owner},
          ${lapsed ? sql`now() - interval '100 hours'` : sql`now()`})`;
    }
    return people.map((p) => ({ name: p.name }));
  } finally {
    await sql.end();
  }
}

async function vhrReturns(page: Page, year: string): Promise<number> {
  await page.goto(`/dashboard?period=year&year=${year}&indicator=vhr_returns`);
  const text = (await page.getByTestId("reached-vhr_returns").textContent()) ?? "";
  return Number(text.replace(/[^\d]/g, ""));
}

test("a movement officer plans a charter to Niamey, books the ready, confirms departures, and the dashboard counts them", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const people = await preparePeople();
  const [a, b, c, lapsed] = people as [Person, Person, Person, Person];
  const departure = missionLocal(new Date(Date.now() + 2 * 3_600_000));
  const year = departure.date.slice(0, 4);

  const manager = await pageAs(browser, "manager");
  const before = await vhrReturns(manager, year);

  const page = await pageAs(browser, "focalVhr");
  await page.goto("/movements");
  await page.getByRole("link", { name: "New movement" }).click();
  await page.getByLabel("Type").selectOption("charter");
  await page.getByLabel("Departure date").fill(departure.date);
  await page.getByLabel("Departure time").fill(departure.time);
  await page.getByLabel("Departure airport").selectOption("MJI");
  await page.getByLabel("Destination country").selectOption("NER");
  await page.getByLabel("Destination airport").fill("Niamey (NIM)");
  await page.getByLabel("Capacity (seats)").fill("3");
  await page.getByRole("button", { name: "Create the movement" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Movement VHR-\d{6}-MJI-NER-/ })).toBeVisible();
  await expect(page.getByTestId("movement-facts")).toContainText("Mitiga (Tripoli) → Niamey (NIM)");

  // The fourth person's clearance lapsed: shown blocked, with the reason, before anyone books.
  const lapsedRow = page.getByTestId("candidate").filter({ hasText: lapsed.name });
  await expect(lapsedRow).toContainText("Blocked");
  await expect(lapsedRow).toContainText("Fit-to-travel expired before departure");

  for (const p of [a, b, c]) {
    await expect(page.getByTestId("candidate").filter({ hasText: p.name })).toContainText("Ready");
    await page.getByRole("button", { name: `Book ${p.name}` }).click();
    await expect(page.getByTestId("manifest-row").filter({ hasText: p.name })).toBeVisible();
  }
  await expect(page.getByTestId("seats")).toHaveText("3 / 3");
  // The movement is full: the fourth cannot take a seat.
  await expect(page.getByText("The movement is full.")).toBeVisible();
  await expect(page.getByRole("button", { name: `Book ${lapsed.name}` })).toBeDisabled();

  // Without the pre-departure kit nobody is ready to board.
  for (const p of [a, b, c]) {
    const row = page.getByTestId("manifest-row").filter({ hasText: p.name });
    await expect(row).toContainText("Pre-departure kit not given");
    await page.getByRole("button", { name: `Record the pre-departure kit given to ${p.name}` }).click();
    await expect(row).toContainText("Ready");
  }

  await page.getByLabel(`Outcome for ${a.name}`).selectOption("departed");
  await page.getByLabel(`Outcome for ${b.name}`).selectOption("departed");
  await page.getByLabel(`Outcome for ${c.name}`).selectOption("no_show");
  await page.getByRole("button", { name: "Confirm outcomes" }).click();
  await expect(page.getByText("Saved: 2 departed, 1 no-show, 0 offloaded.")).toBeVisible();
  await expect(
    page.getByTestId("manifest-row").filter({ hasText: a.name }).getByTestId("booking-status"),
  ).toHaveText("Departed");
  await expect(
    page.getByTestId("manifest-row").filter({ hasText: c.name }).getByTestId("booking-status"),
  ).toHaveText("No-show");

  await page.getByRole("button", { name: "Close the movement" }).click();
  await expect(page.getByTestId("movement-status")).toHaveText("Closed");

  // Exactly the two departures count as VHR returns; the no-show counts nothing.
  expect(await vhrReturns(manager, year)).toBe(before + 2);
});

test("a focal point of another service cannot open movements", async ({ browser }) => {
  const page = await pageAs(browser, "focalMhpss");
  const response = await page.goto("/movements");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Movements" })).toHaveCount(0);
});

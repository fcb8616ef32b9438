import { beforeAll, describe, expect, it } from "vitest";
import { correctAssistance } from "@/lib/dal/assistance/correct-assistance";
import { listAssistance } from "@/lib/dal/assistance/list-assistance";
import { recordAssistance } from "@/lib/dal/assistance/record-assistance";
import type { DalContext } from "@/lib/dal/context";
import { getDashboard } from "@/lib/dal/rollup/get-dashboard";
import type { AssistanceType } from "@/lib/domain/assistance";
import type { KeyCount } from "@/lib/domain/rollup/types";
import type { DashboardFilters } from "@/lib/validation/rollup";
import { makeUser } from "../support/factories";
import { insertPerson, projectIds } from "../support/rollup-data";

/**
 * A hand-built dataset with every number worked out by hand (see the comments): the counting cases
 * the plan's reports get wrong most often.
 */

let cw: DalContext;
let manager: DalContext;
let supTip: DalContext;
let dp01: string;
let dp02: string;
const P: Record<string, string> = {};
let eRecord: string;

const TRIPOLI = "LY021104"; // mantika LY0211
const MISRATA = "LY021401"; // mantika LY0214

async function serve(
  person: string,
  type: AssistanceType,
  serviceDate: string,
  extra: { project?: string; baladiya?: string; detained?: boolean; by?: DalContext } = {},
): Promise<string> {
  const by = extra.by ?? cw;
  const { id } = await recordAssistance(by, {
    beneficiaryId: person,
    assistanceType: type,
    serviceDate,
    baladiyaPcode: extra.baladiya ?? TRIPOLI,
    quantity: 1,
    donorProjectId: extra.project ?? "",
    providedBy: by.actor.id,
    detained: extra.detained ?? false,
  });
  return id;
}

const view = (
  period: DashboardFilters["period"],
  indicatorCode: string,
  more: Partial<DashboardFilters> = {},
) => getDashboard(manager, { period, officeCode: null, mantikaPcode: null, indicatorCode, ...more });
const year = (y: number) => ({ kind: "year", year: y }) as const;
const counts = (list: KeyCount[]) => Object.fromEntries(list.map((k) => [k.key, k.count]));
const reached = (d: Awaited<ReturnType<typeof view>>, code: string) =>
  d.programmes.flatMap((p) => p.indicators).find((i) => i.code === code)?.reached;

beforeAll(async () => {
  cw = await makeUser("caseworker", "TIP");
  manager = await makeUser("programme_manager", "TUN");
  supTip = await makeUser("supervisor", "TIP");
  [dp01, dp02] = (await projectIds()) as [string, string];
  const owner = cw.actor.id;
  P.A = await insertPerson(owner, {
    sex: "male",
    dateOfBirth: "1990-05-05",
    nationality: "NER",
    populationType: "migrant",
  });
  // B turns 18 on 15 June 2020.
  P.B = await insertPerson(owner, {
    sex: "female",
    dateOfBirth: "2002-06-15",
    nationality: "NGA",
    populationType: "migrant",
  });
  P.C = await insertPerson(owner, {
    sex: "male",
    dateOfBirth: "1985-01-01",
    nationality: "SDN",
    populationType: "migrant",
  });
  P.D = await insertPerson(owner, {
    sex: "female",
    dateOfBirth: "2015-04-04",
    nationality: "LBY",
    populationType: "idp",
  });
  P.E = await insertPerson(owner, {
    sex: "male",
    dateOfBirth: "1999-09-09",
    nationality: "TCD",
    populationType: "migrant",
  });
  P.F = await insertPerson(owner, {
    sex: "male",
    dateOfBirth: "1980-03-03",
    nationality: "EGY",
    populationType: "migrant",
  });
  // A: three NFI kits in 2020, two donor projects.
  await serve(P.A, "nfi_kit", "2020-03-10", { project: dp01 });
  await serve(P.A, "nfi_kit", "2020-03-20", { project: dp02 });
  await serve(P.A, "nfi_kit", "2020-07-01", { project: dp01 });
  // B: CP at 17 and at 18; an NFI kit at 18 through DP02.
  await serve(P.B, "cp_service", "2020-05-01");
  await serve(P.B, "cp_service", "2020-08-01");
  await serve(P.B, "nfi_kit", "2020-08-01", { project: dp02 });
  // C: NFI on the last day of 2019 and the first of 2020 in Misrata; MHPSS in detention.
  await serve(P.C, "nfi_kit", "2019-12-31", { baladiya: MISRATA });
  await serve(P.C, "nfi_kit", "2020-01-01", { baladiya: MISRATA });
  await serve(P.C, "mhpss_session", "2020-02-02", { detained: true });
  // D: an IDP child.
  await serve(P.D, "nfi_kit", "2020-04-04", { project: dp01 });
  await serve(P.D, "cp_service", "2020-04-05");
  // E: an NFI kit later found to be recorded in error.
  eRecord = await serve(P.E, "nfi_kit", "2020-09-09");
  // F: MHPSS in the community: not for the in-detention indicator.
  await serve(P.F, "mhpss_session", "2020-02-03", { detained: false });
});

describe("counting rules, by hand", () => {
  it("a person served several times counts once; a year is not the sum of its months", async () => {
    const d = await view(year(2020), "da_migrants");
    // A, B, C, E: A's three kits count once.
    expect(reached(d, "da_migrants")).toBe(4);
    const months = [1, 3, 7, 8, 9].map((m) => view({ kind: "month", year: 2020, month: m }, "da_migrants"));
    const perMonth = (await Promise.all(months)).map((x) => reached(x, "da_migrants"));
    // January C, March A, July A, August B, September E: months add up to five, the year is four.
    expect(perMonth).toEqual([1, 1, 1, 1, 1]);
    expect(perMonth.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(5);
    expect(counts(d.selected?.counts.newByMonth ?? [])).toEqual({
      "2020-01-01": 1,
      "2020-03-01": 1,
      "2020-08-01": 1,
      "2020-09-01": 1,
    });
    expect(d.selected?.trend.at(-1)?.cumulative).toBe(4);
  });

  it("a person reached by two donor projects counts once in each and once in the total", async () => {
    const d = await view(year(2020), "da_migrants");
    const byProject = counts(d.selected?.counts.byDonorProject ?? []);
    // DP01: A. DP02: A and B. None: C and E.
    expect(byProject).toEqual({ [dp01]: 1, [dp02]: 2, none: 2 });
    expect(d.selected?.counts.total).toBe(4);
    // Places overlap too: C was served in Misrata, the others in Tripoli.
    expect(counts(d.selected?.counts.byMantika ?? [])).toEqual({ LY0211: 3, LY0214: 1 });
    // Who-breakdowns add up to the total.
    expect(counts(d.selected?.counts.bySexAge ?? [])).toEqual({ "male|18-59": 3, "female|18-59": 1 });
    expect(counts(d.selected?.counts.byNationality ?? [])).toEqual({ NER: 1, NGA: 1, SDN: 1, TCD: 1 });
  });

  it("age is taken on the date of service: a child turning 18 counts through earlier services only", async () => {
    const d = await view(year(2020), "cp_migrant_children");
    expect(reached(d, "cp_migrant_children")).toBe(1);
    expect(counts(d.selected?.counts.bySexAge ?? [])).toEqual({ "female|12-17": 1 });
    // From July on, B is 18: her August CP service does not make her a child reached.
    const q3 = await view({ kind: "quarter", year: 2020, quarter: 3 }, "cp_migrant_children");
    expect(reached(q3, "cp_migrant_children")).toBe(0);
    // …and her August NFI kit counts her in the adult age group.
    const aug = await view({ kind: "month", year: 2020, month: 8 }, "da_migrants");
    expect(counts(aug.selected?.counts.bySexAge ?? [])).toEqual({ "female|18-59": 1 });
  });

  it("eligibility at the date of service: population type and detention", async () => {
    const d = await view(year(2020), "mhpss_detention");
    expect(reached(d, "mhpss_detention")).toBe(1); // C, detained; not F
    expect(reached(d, "da_idps")).toBe(1); // D
    expect(reached(d, "cp_idp_children")).toBe(1); // D
    const prog = (code: string) => d.programmes.find((p) => p.code === code)?.reached;
    expect(prog("DA")).toBe(5); // A, B, C, E migrants and D
    expect(prog("CP")).toBe(2); // B, D
    expect(d.mission).toBe(5); // A, B, C, D, E; F reached nothing that counts
  });

  it("a custom period reads partial months exactly", async () => {
    const d = await view({ kind: "custom", from: "2019-12-31", to: "2020-03-15" }, "da_migrants");
    // C on 31 Dec and 1 Jan counts once; A on 10 March; A's 20 March kit is outside.
    expect(reached(d, "da_migrants")).toBe(2);
    expect(counts(d.selected?.counts.byDonorProject ?? [])).toEqual({ [dp01]: 1, none: 1 });
  });

  it("filters by office and mantika; a supervisor sees only their office", async () => {
    const misrata = await view(year(2020), "da_migrants", { mantikaPcode: "LY0214" });
    expect(reached(misrata, "da_migrants")).toBe(1);
    const sup = await getDashboard(supTip, {
      period: year(2020),
      officeCode: "BEN",
      mantikaPcode: null,
      indicatorCode: "da_migrants",
    });
    expect(sup.filters.officeCode).toBe("TIP");
    expect(sup.officeLocked).toBe(true);
    expect(reached(sup, "da_migrants")).toBe(4);
  });

  it("an office code given as a mantika, or the reverse, is refused rather than read as the other scope", async () => {
    await expect(view({ kind: "plan" }, "da_migrants", { mantikaPcode: "TIP" })).rejects.toMatchObject({
      code: "invalid",
    });
    await expect(view({ kind: "plan" }, "da_migrants", { officeCode: "LY0211" })).rejects.toMatchObject({
      code: "invalid",
    });
  });

  it("the dashboard carries no personal data", async () => {
    const d = await view({ kind: "plan" }, "da_migrants");
    const json = JSON.stringify(d);
    for (const id of Object.values(P)) expect(json).not.toContain(id);
    expect(json).not.toMatch(/LBY-\d/);
  });

  it("a correction changes the counts: the voided record stops counting, its replacement counts", async () => {
    const before = await listAssistance(cw, P.E as string);
    expect(before.records).toHaveLength(1);
    const { replacementId } = await correctAssistance(cw, {
      id: eRecord,
      reason: "kit was given in January 2021",
      replace: true,
      replacement: {
        assistanceType: "nfi_kit",
        serviceDate: "2021-01-15",
        baladiyaPcode: TRIPOLI,
        quantity: 1,
        providedBy: cw.actor.id,
        detained: false,
      },
    });
    expect(replacementId).toBeTruthy();
    const y2020 = await view(year(2020), "da_migrants");
    expect(reached(y2020, "da_migrants")).toBe(3);
    expect(counts(y2020.selected?.counts.byDonorProject ?? [])).toEqual({ [dp01]: 1, [dp02]: 2, none: 1 });
    const y2021 = await view(year(2021), "da_migrants");
    expect(reached(y2021, "da_migrants")).toBe(1);
    const plan = await view({ kind: "plan" }, "da_migrants");
    // C's first kit, on 31 December 2019, opens the plan's trend.
    expect(reached(plan, "da_migrants")).toBe(4);
    expect(counts(plan.selected?.counts.newByMonth ?? [])).toEqual({
      "2019-12-01": 1,
      "2020-03-01": 1,
      "2020-08-01": 1,
      "2021-01-01": 1,
    });
    const after = await listAssistance(cw, P.E as string);
    const voided = after.records.find((r) => r.id === eRecord);
    expect(voided?.voided?.reason).toBe("kit was given in January 2021");
    expect(voided?.replacedById).toBe(replacementId);
  });
});

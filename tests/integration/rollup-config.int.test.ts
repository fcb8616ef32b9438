import { beforeAll, describe, expect, it } from "vitest";
import { recordAssistance } from "@/lib/dal/assistance/record-assistance";
import type { DalContext } from "@/lib/dal/context";
import { getProgrammeConfig } from "@/lib/dal/programmes/get-programme-config";
import { saveIndicator } from "@/lib/dal/programmes/save-indicator";
import { setIndicatorTarget } from "@/lib/dal/programmes/set-indicator-target";
import { getDashboard } from "@/lib/dal/rollup/get-dashboard";
import { makeUser } from "../support/factories";
import { insertPerson } from "../support/rollup-data";
import { dalError } from "./dal-assert";

let admin: DalContext;
let manager: DalContext;
let cw: DalContext;

const year2020 = (indicatorCode: string) =>
  getDashboard(manager, {
    period: { kind: "year", year: 2020 },
    officeCode: null,
    mantikaPcode: null,
    indicatorCode,
  });
const indicatorRow = async (code: string) =>
  (await year2020(code)).programmes.flatMap((p) => p.indicators).find((i) => i.code === code);

beforeAll(async () => {
  [admin, manager, cw] = await Promise.all([
    makeUser("admin", "TIP"),
    makeUser("programme_manager", "TUN"),
    makeUser("caseworker", "TIP"),
  ]);
  const child = await insertPerson(cw.actor.id, {
    sex: "male",
    dateOfBirth: "2010-01-01",
    nationality: "NER",
    populationType: "migrant",
  });
  const adult = await insertPerson(cw.actor.id, {
    sex: "female",
    dateOfBirth: "1990-01-01",
    nationality: "NER",
    populationType: "migrant",
  });
  for (const person of [child, adult]) {
    await recordAssistance(cw, {
      beneficiaryId: person,
      assistanceType: "mrrm_outreach",
      serviceDate: "2020-05-05",
      baladiyaPcode: "LY021104",
      quantity: 1,
      providedBy: cw.actor.id,
      detained: false,
    });
  }
});

describe("indicators and targets as data", () => {
  it("the plan's 14 programmes, 11 indicators and targets are seeded", async () => {
    const config = await getProgrammeConfig(admin);
    expect(config.programmes).toHaveLength(14);
    expect(config.donorProjects).toHaveLength(14);
    const target = (code: string) => config.indicators.find((i) => i.code === code)?.targets[0]?.target;
    expect(target("vhr_returns")).toBe(60_000);
    expect(target("cp_idp_children")).toBe(1_000);
    expect(target("mrrm_beneficiaries")).toBe(120_000);
    expect(config.threshold).toBe(5);
  });

  it("a new indicator counts existing services at once; changing its age band recounts them", async () => {
    await saveIndicator(admin, {
      code: "mrrm_children",
      programmeCode: "MRRM",
      label: "Migrant children reached by outreach",
      assistanceTypes: ["mrrm_outreach"],
      populationTypes: ["migrant"],
      ageMin: null,
      ageMax: 17,
      detention: "any",
      active: true,
    });
    expect((await indicatorRow("mrrm_children"))?.reached).toBe(1);
    await saveIndicator(admin, {
      code: "mrrm_children",
      programmeCode: "MRRM",
      label: "Migrants reached by outreach, any age",
      assistanceTypes: ["mrrm_outreach"],
      populationTypes: [],
      ageMin: null,
      ageMax: null,
      detention: "any",
      active: true,
    });
    expect((await indicatorRow("mrrm_children"))?.reached).toBe(2);
  });

  it("an edited target is what the dashboard measures against", async () => {
    const config = await getProgrammeConfig(admin);
    const plan = config.periods[0]?.id as string;
    await setIndicatorTarget(admin, { indicatorCode: "mrrm_beneficiaries", periodId: plan, target: 4 });
    const row = await indicatorRow("mrrm_beneficiaries");
    expect(row).toMatchObject({ target: 4, reached: 2, percentOfTarget: 50 });
  });

  it("only the administrator configures", async () => {
    await dalError(getProgrammeConfig(manager), "forbidden");
    await dalError(
      setIndicatorTarget(cw, {
        indicatorCode: "vhr_returns",
        periodId: "00000000-0000-4000-8000-000000000000",
        target: 1,
      }),
      "forbidden",
    );
  });
});

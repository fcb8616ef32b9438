import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { beneficiaries } from "@/db/schema";
import type { DuplicateMatch } from "@/lib/dal/beneficiaries/find-duplicates";
import { listBeneficiaries } from "@/lib/dal/beneficiaries/list-beneficiaries";
import { registerBeneficiary } from "@/lib/dal/beneficiaries/register-beneficiary";
import type { DalContext } from "@/lib/dal/context";
import type { RegistrationInput } from "@/lib/validation/beneficiary";
import { makeUser, registration } from "../support/factories";
import { dalError } from "./dal-assert";

type Biodata = Partial<RegistrationInput["biodata"]>;

const MOHAMED: Biodata = {
  familyName: "Hassan",
  givenNames: "Mohamed Ali",
  sex: "male",
  nationality: "EGY",
  dateOfBirth: "1990-05-01",
};
const MUHAMMAD: Biodata = {
  ...MOHAMED,
  familyName: "Hasan",
  givenNames: "Muhammad Aly",
  dateOfBirth: "1991-02-01",
};

let cwTip: DalContext;
let cwTip2: DalContext;
let supTip: DalContext;
let cwBen: DalContext;
let first: { id: string; caseNumber: string };

beforeAll(async () => {
  [cwTip, cwTip2, supTip, cwBen] = await Promise.all([
    makeUser("caseworker", "TIP"),
    makeUser("caseworker", "TIP"),
    makeUser("supervisor", "TIP"),
    makeUser("caseworker", "BEN"),
  ]);
  first = await registerBeneficiary(cwTip, registration(MOHAMED));
});

async function duplicatesOf(ctx: DalContext, biodata: Biodata, extra: Partial<RegistrationInput> = {}) {
  const error = await dalError(registerBeneficiary(ctx, registration(biodata, extra)), "duplicates");
  expect(Array.isArray(error.data)).toBe(true);
  return error.data as DuplicateMatch[];
}

async function countRows(): Promise<number> {
  return (await getDb().select({ id: beneficiaries.id }).from(beneficiaries)).length;
}

describe("duplicate check on registration", () => {
  it("reports the earlier record to its own caseworker, with case number and name", async () => {
    const before = await countRows();
    const matches = await duplicatesOf(cwTip, MUHAMMAD);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({
      inScope: true,
      id: first.id,
      caseNumber: first.caseNumber,
      familyName: "Hassan",
      givenNames: "Mohamed Ali",
      officeCode: "TIP",
      nationality: "EGY",
      sex: "male",
      dobEstimated: false,
    });
    expect(matches[0]?.score).toBeGreaterThanOrEqual(0.5);
    expect(await countRows()).toBe(before);
  });

  it("shows a supervisor of the same office the full match", async () => {
    const matches = await duplicatesOf(supTip, MUHAMMAD);
    expect(matches[0]).toMatchObject({ inScope: true, id: first.id, caseNumber: first.caseNumber });
  });

  it("tells a caseworker of another office only which office holds the match", async () => {
    const matches = await duplicatesOf(cwBen, MUHAMMAD);
    expect(matches).toHaveLength(1);
    const [match] = matches;
    expect(match).toEqual({ inScope: false, officeCode: "TIP", score: expect.any(Number) });
    expect(Object.keys(match ?? {}).sort()).toEqual(["inScope", "officeCode", "score"]);
    const serialized = JSON.stringify(matches);
    for (const secret of [first.caseNumber, first.id, "Hassan", "Mohamed"])
      expect(serialized).not.toContain(secret);
  });

  it("hides the match from a colleague of the same office who does not own it", async () => {
    const matches = await duplicatesOf(cwTip2, MUHAMMAD);
    expect(matches).toEqual([{ inScope: false, officeCode: "TIP", score: expect.any(Number) }]);
  });

  it("rejects an override reason that is too short, writing nothing", async () => {
    const before = await countRows();
    const error = await dalError(
      registerBeneficiary(cwTip, registration(MUHAMMAD, { duplicateOverrideReason: "abc" })),
      "invalid",
    );
    expect(error.fieldErrors?.duplicateOverrideReason).toEqual(["reasonTooShort"]);
    expect(await countRows()).toBe(before);
  });

  it("registers despite matches with a reason of at least 10 characters", async () => {
    const reason = "Different father's name, confirmed with ID";
    const second = await registerBeneficiary(
      cwBen,
      registration(MUHAMMAD, { duplicateOverrideReason: reason }),
    );
    expect(second.caseNumber).not.toBe(first.caseNumber);
    const [row] = await getDb().select().from(beneficiaries).where(eq(beneficiaries.id, second.id));
    expect(row?.duplicateOverrideReason).toBe(reason);
    expect(row?.officeCode).toBe("BEN");
    // The out-of-scope match is remembered by office only.
    expect(row?.duplicateCandidates).toEqual(["office:TIP"]);
  });
});

describe("spelling variants that must be found", () => {
  const variants: Array<{ label: string; a: Biodata; b: Biodata }> = [
    {
      label: "Abdel Rahman / Abdurrahman",
      a: { familyName: "Abdel Rahman", givenNames: "Khaled", nationality: "SDN", dateOfBirth: "1985-01-10" },
      b: { familyName: "Abdurrahman", givenNames: "Khaled", nationality: "SDN", dateOfBirth: "1985-06-10" },
    },
    {
      label: "El-Sayed / Al Sayed",
      a: { familyName: "El-Sayed", givenNames: "Ahmed", nationality: "EGY", dateOfBirth: "1975-03-03" },
      b: { familyName: "Al Sayed", givenNames: "Ahmed", nationality: "EGY", dateOfBirth: "1975-03-03" },
    },
    {
      label: "Ousmane Diallo / Usman Dialo",
      a: { familyName: "Diallo", givenNames: "Ousmane", nationality: "GIN", dateOfBirth: "1995-03-14" },
      b: { familyName: "Dialo", givenNames: "Usman", nationality: "GIN", dateOfBirth: "1996-01-01" },
    },
    {
      label: "Arabic script محمد / مُحَمَّد",
      a: { familyName: "محمد", givenNames: "أحمد", nationality: "TCD", dateOfBirth: "1988-08-08" },
      b: { familyName: "مُحَمَّد", givenNames: "احمد", nationality: "TCD", dateOfBirth: "1988-08-08" },
    },
  ];

  for (const { label, a, b } of variants) {
    it(label, async () => {
      const original = await registerBeneficiary(cwTip, registration(a));
      const matches = await duplicatesOf(cwTip, b);
      expect(matches.map((m) => (m.inScope ? m.id : null))).toEqual([original.id]);
    });
  }

  it("Arabic name field alongside differently spelled Latin names", async () => {
    const original = await registerBeneficiary(
      cwTip,
      registration({
        familyName: "Yousef",
        givenNames: "Ibrahim",
        nameAr: "إبراهيم يوسف",
        nationality: "SYR",
        dateOfBirth: "1983-12-12",
      }),
    );
    const matches = await duplicatesOf(cwTip, {
      familyName: "Youssef",
      givenNames: "Ebrahim",
      nameAr: "ابراهيم يوسف",
      nationality: "SYR",
      dateOfBirth: "1983-12-12",
    });
    expect(matches.map((m) => (m.inScope ? m.id : null))).toContain(original.id);
  });
});

describe("non-matches register without a reason", () => {
  it("same name, different nationality", async () => {
    await expect(
      registerBeneficiary(cwTip, registration({ ...MUHAMMAD, nationality: "SDN" })),
    ).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("same name, date of birth five years apart", async () => {
    await expect(
      registerBeneficiary(cwTip, registration({ ...MOHAMED, dateOfBirth: "1995-05-01" })),
    ).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("clearly different name", async () => {
    await expect(
      registerBeneficiary(
        cwTip,
        registration({
          ...MOHAMED,
          familyName: "Okonkwo",
          givenNames: "Ibrahim Yusuf",
          dateOfBirth: "1990-06-01",
        }),
      ),
    ).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("same name, sex unknown: a likely match of either sex", async () => {
    const matches = await duplicatesOf(cwTip, { ...MUHAMMAD, sex: "unknown" });
    expect(matches.map((m) => (m.inScope ? m.id : null))).toContain(first.id);
  });

  it("same name, different sex", async () => {
    await expect(
      registerBeneficiary(cwTip, registration({ ...MUHAMMAD, sex: "female", givenNames: "Muhammad Aly" })),
    ).resolves.toMatchObject({ id: expect.any(String) });
  });
});

describe("case list search", () => {
  it("finds a misspelled name", async () => {
    const page = await listBeneficiaries(cwTip, { q: "Muhamad Aly" });
    expect(page.searchMode).toBe("name");
    expect(page.items.map((i) => i.id)).toContain(first.id);
  });

  it("finds exactly the case by its case number", async () => {
    const page = await listBeneficiaries(cwTip, { q: first.caseNumber });
    expect(page.searchMode).toBe("case_number");
    expect(page.items.map((i) => i.id)).toEqual([first.id]);
    expect(page.nextCursor).toBeNull();
  });

  it("finds the case by a case number typed in lowercase with spaces", async () => {
    const typed = first.caseNumber.toLowerCase();
    const q = ` ${typed.slice(0, 7)} ${typed.slice(7, 10)} ${typed.slice(10)} `;
    const page = await listBeneficiaries(cwTip, { q });
    expect(page.searchMode).toBe("case_number");
    expect(page.items.map((i) => i.id)).toEqual([first.id]);
  });

  it("does not find another caseworker's case by its case number", async () => {
    const page = await listBeneficiaries(cwTip2, { q: first.caseNumber });
    expect(page.searchMode).toBe("case_number");
    expect(page.items).toEqual([]);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { getBeneficiary } from "../../lib/dal/beneficiaries/get-beneficiary";
import { registerBeneficiary } from "../../lib/dal/beneficiaries/register-beneficiary";
import { setCaseAssignment } from "../../lib/dal/beneficiaries/set-case-assignment";
import { updateBeneficiary } from "../../lib/dal/beneficiaries/update-beneficiary";
import type { DalContext } from "../../lib/dal/context";
import { makeUser, registration } from "../support/factories";
import { dalError } from "./dal-assert";

let owner: DalContext;
let colleague: DalContext;
let supervisor: DalContext;
let otherOffice: DalContext;
let caseId: string;

beforeAll(async () => {
  owner = await makeUser("caseworker", "TIP");
  colleague = await makeUser("caseworker", "TIP");
  supervisor = await makeUser("supervisor", "TIP");
  otherOffice = await makeUser("caseworker", "BEN");
  const created = await registerBeneficiary(
    owner,
    registration({
      familyName: "Kanoute",
      givenNames: "Bakary",
      detained: true,
      detentionCentre: "Tariq al-Sikka",
      detainedSince: "2025-03-01",
    }),
  );
  caseId = created.id;
});

describe("assigning a colleague to a case", () => {
  it("gives the colleague the case but not its detention details, which their edits keep", async () => {
    await dalError(getBeneficiary(colleague, caseId), "not_found");
    await setCaseAssignment(supervisor, { id: caseId, userId: colleague.actor.id, assigned: true });

    const seen = await getBeneficiary(colleague, caseId);
    expect(seen.detained).toBe(true);
    expect(seen.detentionRestricted).toBe(true);
    expect(seen.detentionCentre).toBeNull();
    expect(seen.detainedSince).toBeNull();

    const ownerView = await getBeneficiary(owner, caseId);
    expect(ownerView.detentionRestricted).toBe(false);
    expect(ownerView.detentionCentre).toBe("Tariq al-Sikka");

    // The colleague's form carries no detention details; saving must not erase the stored ones.
    await updateBeneficiary(colleague, {
      id: caseId,
      version: seen.version,
      biodata: { ...registration().biodata, familyName: "Kanouté", givenNames: "Bakary", detained: false },
    });
    const after = await getBeneficiary(owner, caseId);
    expect(after.familyName).toBe("Kanouté");
    expect(after.detained).toBe(true);
    expect(after.detentionCentre).toBe("Tariq al-Sikka");
    expect(after.detainedSince).toBe("2025-03-01");
  });

  it("refuses colleagues of another office and caseworkers assigning each other", async () => {
    const refused = await dalError(
      setCaseAssignment(supervisor, { id: caseId, userId: otherOffice.actor.id, assigned: true }),
      "invalid",
    );
    expect(refused.fieldErrors?.userId).toEqual(["ownerNotEligible"]);
    await dalError(
      setCaseAssignment(owner, { id: caseId, userId: colleague.actor.id, assigned: true }),
      "forbidden",
    );
  });

  it("ends the colleague's access when they are removed", async () => {
    await setCaseAssignment(supervisor, { id: caseId, userId: colleague.actor.id, assigned: false });
    await dalError(getBeneficiary(colleague, caseId), "not_found");
  });
});

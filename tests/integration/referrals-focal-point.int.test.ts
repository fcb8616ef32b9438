import { beforeAll, describe, expect, it } from "vitest";
import { getBeneficiary } from "@/lib/dal/beneficiaries/get-beneficiary";
import type { DalContext } from "@/lib/dal/context";
import { createReferral } from "@/lib/dal/referrals/create-referral";
import { listCaseReferrals } from "@/lib/dal/referrals/list-case-referrals";
import { listIncomingReferrals } from "@/lib/dal/referrals/list-incoming-referrals";
import { transitionReferral } from "@/lib/dal/referrals/transition-referral";
import { setCaseAssignment } from "../../lib/dal/beneficiaries/set-case-assignment";
import { makeUser } from "../support/factories";
import { dalError } from "./dal-assert";
import { eventsOf, focalPoint, personWith } from "./referrals-support";

let caseworker: DalContext;
let supervisor: DalContext;
let mhpssFocal: DalContext;
let vhrFocal: DalContext;

beforeAll(async () => {
  [caseworker, supervisor, mhpssFocal, vhrFocal] = await Promise.all([
    makeUser("caseworker", "TIP"),
    makeUser("supervisor", "TIP"),
    focalPoint(["mhpss"]),
    focalPoint(["vhr", "reintegration"]),
  ]);
});

async function mhpssReferral(purposes: Array<"services" | "sharing">, sharePhone: boolean) {
  const p = await personWith(caseworker, purposes);
  const r = await createReferral(caseworker, {
    beneficiaryId: p.id,
    service: "mhpss",
    recipientKind: "internal",
    urgency: "medium",
    reason: "Moderate distress, asks for counselling in Wolof.",
    sharePhone,
  });
  return { ...r, beneficiaryId: p.id };
}

describe("what a focal point sees", () => {
  it("nothing before the supervisor approves; afterwards only the shared fields", async () => {
    const r = await mhpssReferral(["services", "sharing"], true);
    expect((await listIncomingReferrals(mhpssFocal, "all")).map((x) => x.id)).not.toContain(r.id);
    await dalError(
      transitionReferral(mhpssFocal, { id: r.id, version: r.version, event: "accept" }),
      "not_found",
    );
    const sent = await transitionReferral(supervisor, { id: r.id, version: r.version, event: "approve" });
    expect(sent.state).toBe("sent");

    const incoming = (await listIncomingReferrals(mhpssFocal)).find((x) => x.id === r.id);
    expect(incoming).toBeDefined();
    expect(Object.keys(incoming ?? {}).sort()).toEqual(
      [
        "actions",
        "assistanceHref",
        "dueAt",
        "id",
        "overdue",
        "person",
        "reason",
        "service",
        "state",
        "urgency",
        "version",
      ].sort(),
    );
    expect(Object.keys(incoming?.person ?? {}).sort()).toEqual(
      ["age", "caseNumber", "name", "nationality", "phone", "sex"].sort(),
    );
    expect(incoming?.person.phone).toBe("+218 91 234 5678");
    expect(incoming?.reason).toBe("Moderate distress, asks for counselling in Wolof.");
    expect(incoming?.actions).toEqual(["accept", "decline"]);
  });

  it("the phone only with sharing consent and only when the referrer chose to share it", async () => {
    const sup = supervisor;
    const noSharing = await mhpssReferral(["services"], true);
    const notChosen = await mhpssReferral(["services", "sharing"], false);
    for (const r of [noSharing, notChosen])
      await transitionReferral(sup, { id: r.id, version: r.version, event: "approve" });
    const list = await listIncomingReferrals(mhpssFocal);
    expect(list.find((x) => x.id === noSharing.id)?.person.phone).toBeNull();
    expect(list.find((x) => x.id === notChosen.id)?.person.phone).toBeNull();
  });

  it("another service's focal point gets not found, and a focal point never opens the case", async () => {
    const r = await mhpssReferral(["services"], false);
    const sent = await transitionReferral(supervisor, { id: r.id, version: r.version, event: "approve" });
    expect((await listIncomingReferrals(vhrFocal, "all")).map((x) => x.id)).not.toContain(r.id);
    await dalError(
      transitionReferral(vhrFocal, { id: r.id, version: sent.version, event: "accept" }),
      "not_found",
    );
    await dalError(getBeneficiary(mhpssFocal, r.beneficiaryId), "forbidden");
    await dalError(listCaseReferrals(mhpssFocal, r.beneficiaryId), "forbidden");
  });

  it("the journey: accept, then complete with feedback; history records who, when and the note", async () => {
    const r = await mhpssReferral(["services"], false);
    const sent = await transitionReferral(supervisor, { id: r.id, version: r.version, event: "approve" });
    await dalError(
      transitionReferral(caseworker, { id: r.id, version: sent.version, event: "accept" }),
      "forbidden",
    );
    const accepted = await transitionReferral(mhpssFocal, {
      id: r.id,
      version: sent.version,
      event: "accept",
    });
    const noFeedback = await dalError(
      transitionReferral(mhpssFocal, { id: r.id, version: accepted.version, event: "complete" }),
      "invalid",
    );
    expect(noFeedback.fieldErrors?.note).toEqual(["referrals.validation.noteRequired"]);
    const done = await transitionReferral(mhpssFocal, {
      id: r.id,
      version: accepted.version,
      event: "complete",
      note: "Six counselling sessions held; follow-up in a month.",
    });
    expect(done.state).toBe("completed");
    const events = await eventsOf(r.id);
    expect(events.map((e) => [e.toState, e.actorId])).toEqual([
      ["draft", caseworker.actor.id],
      ["submitted", caseworker.actor.id],
      ["approved", supervisor.actor.id],
      ["sent", supervisor.actor.id],
      ["accepted", mhpssFocal.actor.id],
      ["completed", mhpssFocal.actor.id],
    ]);
    expect(events.at(-1)?.note).toBe("Six counselling sessions held; follow-up in a month.");
    expect(events.at(-1)?.actorRole).toBe("focal_point");

    const tab = await listCaseReferrals(caseworker, r.beneficiaryId);
    expect(tab.referrals[0]?.state).toBe("completed");
    expect(tab.referrals[0]?.history).toHaveLength(6);
    expect(tab.referrals[0]?.actions).toEqual([]);
  });

  it("hides the reason of a sensitive service from a caseworker without the category", async () => {
    const r = await mhpssReferral(["services"], false);
    // A colleague assigned to help on the case; the owner and the office's supervisor see it all.
    const colleague = await makeUser("caseworker", "TIP");
    const officeSupervisor = await makeUser("supervisor", "TIP");
    await setCaseAssignment(officeSupervisor, {
      id: r.beneficiaryId,
      userId: colleague.actor.id,
      assigned: true,
    });
    const supervisorView = (await listCaseReferrals(officeSupervisor, r.beneficiaryId)).referrals.find(
      (x) => x.id === r.id,
    );
    expect(supervisorView?.restricted).toBe(false);
    const tab = await listCaseReferrals(colleague, r.beneficiaryId);
    const entry = tab.referrals.find((x) => x.id === r.id);
    expect(entry?.restricted).toBe(true);
    expect(entry?.reason).toBe("");
    const granted = { ...colleague, actor: { ...colleague.actor, categories: ["health" as const] } };
    const visible = (await listCaseReferrals(granted, r.beneficiaryId)).referrals.find((x) => x.id === r.id);
    expect(visible?.reason).toBe("Moderate distress, asks for counselling in Wolof.");
  });
});

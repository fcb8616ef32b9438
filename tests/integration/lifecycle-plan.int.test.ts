import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, beneficiaries, casePlanGoals } from "@/db/schema";
import { reassignBeneficiary } from "@/lib/dal/beneficiaries/reassign-beneficiary";
import { registerBeneficiary } from "@/lib/dal/beneficiaries/register-beneficiary";
import { activateCase } from "@/lib/dal/case-lifecycle/activate-case";
import { addGoal } from "@/lib/dal/case-lifecycle/add-goal";
import { addPlanAction } from "@/lib/dal/case-lifecycle/add-plan-action";
import { addTask } from "@/lib/dal/case-lifecycle/add-task";
import { getCasePlan } from "@/lib/dal/case-lifecycle/get-case-plan";
import { listMyTasks } from "@/lib/dal/case-lifecycle/list-my-tasks";
import { setPlanActionDone } from "@/lib/dal/case-lifecycle/set-plan-action-done";
import { setTaskDone } from "@/lib/dal/case-lifecycle/set-task-done";
import { updateGoal } from "@/lib/dal/case-lifecycle/update-goal";
import type { DalContext } from "@/lib/dal/context";
import { makeUser, registration } from "../support/factories";
import { dalError } from "./dal-assert";

let owner: DalContext;
let colleague: DalContext;
let supTip: DalContext;
let cwBen: DalContext;

beforeAll(async () => {
  [owner, colleague, supTip, cwBen] = await Promise.all([
    makeUser("caseworker", "TIP"),
    makeUser("caseworker", "TIP"),
    makeUser("supervisor", "TIP"),
    makeUser("caseworker", "BEN"),
  ]);
});

let serial = 0;
async function freshCase() {
  serial += 1;
  return registerBeneficiary(
    owner,
    registration(
      {
        familyName: `Plan${"k".repeat(serial)}`,
        givenNames: "Fatima",
        dateOfBirth: `${1975 + serial}-03-03`,
      },
      { duplicateOverrideReason: "Different person, documents checked" },
    ),
  );
}

async function statusOf(id: string) {
  const [row] = await getDb()
    .select({ status: beneficiaries.status })
    .from(beneficiaries)
    .where(eq(beneficiaries.id, id));
  return row?.status;
}

describe("case plan", () => {
  it("the first goal makes the case active; goals carry actions with owners and due dates", async () => {
    const c = await freshCase();
    expect(await statusOf(c.id)).toBe("open");
    const goal = await addGoal(owner, { beneficiaryId: c.id, goal: "Safe shelter for the family" });
    expect(await statusOf(c.id)).toBe("active");
    await addPlanAction(owner, {
      goalId: goal.id,
      description: "Refer to partner shelter",
      ownerId: colleague.actor.id,
      dueDate: "2025-07-01",
    });
    const plan = await getCasePlan(supTip, c.id);
    expect(plan.goals).toHaveLength(1);
    expect(plan.goals[0]).toMatchObject({ goal: "Safe shelter for the family", status: "open", version: 1 });
    expect(plan.goals[0]?.actions[0]).toMatchObject({
      description: "Refer to partner shelter",
      ownerId: colleague.actor.id,
      dueDate: "2025-07-01",
      status: "open",
    });
    expect(plan.editable).toBe(true);
    expect(plan.staff.map((s) => s.id)).toEqual(expect.arrayContaining([owner.actor.id, supTip.actor.id]));
    expect(plan.staff.map((s) => s.id)).not.toContain(cwBen.actor.id);
  });

  it("a stale goal edit is a conflict and changes nothing", async () => {
    const c = await freshCase();
    const goal = await addGoal(owner, { beneficiaryId: c.id, goal: "Medical follow-up" });
    await updateGoal(supTip, {
      id: goal.id,
      version: 1,
      goal: "Medical follow-up at clinic",
      status: "open",
    });
    await dalError(
      updateGoal(owner, { id: goal.id, version: 1, goal: "Something else", status: "achieved" }),
      "conflict",
    );
    const [row] = await getDb().select().from(casePlanGoals).where(eq(casePlanGoals.id, goal.id));
    expect(row).toMatchObject({ goal: "Medical follow-up at clinic", status: "open", version: 2 });
    await updateGoal(owner, {
      id: goal.id,
      version: 2,
      goal: "Medical follow-up at clinic",
      status: "achieved",
    });
    expect((await getCasePlan(owner, c.id)).goals[0]?.status).toBe("achieved");
  });

  it("an action's owner must be active staff of the case's office", async () => {
    const c = await freshCase();
    const goal = await addGoal(owner, { beneficiaryId: c.id, goal: "Documentation" });
    const e = await dalError(
      addPlanAction(owner, {
        goalId: goal.id,
        description: "Embassy",
        ownerId: cwBen.actor.id,
        dueDate: "2025-08-01",
      }),
      "invalid",
    );
    expect(e.fieldErrors?.ownerId).toEqual(["lifecycle.validation.notEligible"]);
  });

  it("ticks actions done with optimistic concurrency", async () => {
    const c = await freshCase();
    const goal = await addGoal(owner, { beneficiaryId: c.id, goal: "Livelihood" });
    const action = await addPlanAction(owner, {
      goalId: goal.id,
      description: "Vocational training enrolment",
      ownerId: owner.actor.id,
      dueDate: "2025-09-01",
    });
    await setPlanActionDone(owner, { id: action.id, version: 1, done: true });
    await dalError(setPlanActionDone(owner, { id: action.id, version: 1, done: false }), "conflict");
    expect((await getCasePlan(owner, c.id)).goals[0]?.actions[0]?.status).toBe("done");
  });

  it("is out of reach for another caseworker and for another office", async () => {
    const c = await freshCase();
    const goal = await addGoal(owner, { beneficiaryId: c.id, goal: "Family tracing" });
    await dalError(getCasePlan(colleague, c.id), "not_found");
    await dalError(addGoal(cwBen, { beneficiaryId: c.id, goal: "Intrusion" }), "not_found");
    await dalError(
      updateGoal(colleague, { id: goal.id, version: 1, goal: "Intrusion", status: "open" }),
      "not_found",
    );
  });

  it("records the read of the plan", async () => {
    const c = await freshCase();
    await getCasePlan(owner, c.id);
    const reads = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "case_plan"), eq(auditEvents.entityId, c.id)));
    expect(reads).toHaveLength(1);
  });

  it("explicit activation works only on an open case", async () => {
    const c = await freshCase();
    await activateCase(owner, c.id);
    expect(await statusOf(c.id)).toBe("active");
    await dalError(activateCase(owner, c.id), "conflict");
  });
});

describe("follow-up tasks", () => {
  it("lists my overdue and upcoming tasks only, on cases I still reach (time injected)", async () => {
    const c = await freshCase();
    const overdue = await addTask(owner, {
      beneficiaryId: c.id,
      title: "Call back about shelter",
      dueDate: "2025-05-30",
      assigneeId: owner.actor.id,
    });
    await addTask(owner, {
      beneficiaryId: c.id,
      title: "Home visit",
      dueDate: "2025-06-05",
      assigneeId: owner.actor.id,
    });
    await addTask(owner, {
      beneficiaryId: c.id,
      title: "Far future",
      dueDate: "2025-07-30",
      assigneeId: owner.actor.id,
    });
    await addTask(owner, {
      beneficiaryId: c.id,
      title: "Someone else's",
      dueDate: "2025-06-01",
      assigneeId: supTip.actor.id,
    });

    const mine = await listMyTasks(owner, { today: "2025-06-01" });
    const titles = mine.tasks.filter((t) => t.beneficiaryId === c.id).map((t) => [t.title, t.overdue]);
    expect(titles).toEqual([
      ["Call back about shelter", true],
      ["Home visit", false],
    ]);
    expect(mine.overdue).toBeGreaterThanOrEqual(1);

    await setTaskDone(owner, { id: overdue.id, version: 1, done: true });
    await dalError(setTaskDone(owner, { id: overdue.id, version: 1, done: false }), "conflict");
    const after = await listMyTasks(owner, { today: "2025-06-01" });
    expect(after.tasks.filter((t) => t.beneficiaryId === c.id).map((t) => t.title)).toEqual(["Home visit"]);

    await reassignBeneficiary(supTip, { id: c.id, version: 1, ownerId: colleague.actor.id });
    const gone = await listMyTasks(owner, { today: "2025-06-01" });
    expect(gone.tasks.filter((t) => t.beneficiaryId === c.id)).toEqual([]);
  });

  it("a task goes to active staff of the case's office", async () => {
    const c = await freshCase();
    const e = await dalError(
      addTask(owner, { beneficiaryId: c.id, title: "X", dueDate: "2025-06-01", assigneeId: cwBen.actor.id }),
      "invalid",
    );
    expect(e.fieldErrors?.assigneeId).toEqual(["lifecycle.validation.notEligible"]);
  });
});

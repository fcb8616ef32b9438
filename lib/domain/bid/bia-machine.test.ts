import { describe, expect, it } from "vitest";
import { type BiaActor, type BiaEvent, nextBiaStatus } from "./bia-machine";
import { BIA_STATUSES, type BiaStatus } from "./constants";

const EVENTS: Record<BiaEvent["type"], BiaEvent> = {
  save: { type: "save" },
  submit: { type: "submit", complete: true },
  approve: { type: "approve" },
  return: { type: "return", reason: "The child's views are missing" },
};

const ACTORS: Record<string, BiaActor> = {
  authorCaseworker: { role: "caseworker", isAuthor: true },
  otherCaseworker: { role: "caseworker", isAuthor: false },
  authorSupervisor: { role: "supervisor", isAuthor: true },
  reviewingSupervisor: { role: "supervisor", isAuthor: false },
};

type Expect = BiaStatus | "state" | "role" | "ownWork";
// status (null = no BIA yet) → event → actor → expected, written out by hand.
const EXPECTED: Record<string, Record<BiaEvent["type"], Record<keyof typeof ACTORS, Expect>>> = {
  none: {
    save: {
      authorCaseworker: "draft",
      otherCaseworker: "draft",
      authorSupervisor: "draft",
      reviewingSupervisor: "draft",
    },
    submit: {
      authorCaseworker: "state",
      otherCaseworker: "state",
      authorSupervisor: "state",
      reviewingSupervisor: "state",
    },
    approve: {
      authorCaseworker: "state",
      otherCaseworker: "state",
      authorSupervisor: "state",
      reviewingSupervisor: "state",
    },
    return: {
      authorCaseworker: "state",
      otherCaseworker: "state",
      authorSupervisor: "state",
      reviewingSupervisor: "state",
    },
  },
  draft: {
    save: {
      authorCaseworker: "draft",
      otherCaseworker: "role",
      authorSupervisor: "draft",
      reviewingSupervisor: "role",
    },
    submit: {
      authorCaseworker: "submitted",
      otherCaseworker: "role",
      authorSupervisor: "submitted",
      reviewingSupervisor: "role",
    },
    approve: {
      authorCaseworker: "state",
      otherCaseworker: "state",
      authorSupervisor: "state",
      reviewingSupervisor: "state",
    },
    return: {
      authorCaseworker: "state",
      otherCaseworker: "state",
      authorSupervisor: "state",
      reviewingSupervisor: "state",
    },
  },
  submitted: {
    save: {
      authorCaseworker: "state",
      otherCaseworker: "state",
      authorSupervisor: "state",
      reviewingSupervisor: "state",
    },
    submit: {
      authorCaseworker: "state",
      otherCaseworker: "state",
      authorSupervisor: "state",
      reviewingSupervisor: "state",
    },
    approve: {
      authorCaseworker: "role",
      otherCaseworker: "role",
      authorSupervisor: "ownWork",
      reviewingSupervisor: "approved",
    },
    return: {
      authorCaseworker: "role",
      otherCaseworker: "role",
      authorSupervisor: "ownWork",
      reviewingSupervisor: "returned",
    },
  },
  approved: {
    save: {
      authorCaseworker: "state",
      otherCaseworker: "state",
      authorSupervisor: "state",
      reviewingSupervisor: "state",
    },
    submit: {
      authorCaseworker: "state",
      otherCaseworker: "state",
      authorSupervisor: "state",
      reviewingSupervisor: "state",
    },
    approve: {
      authorCaseworker: "state",
      otherCaseworker: "state",
      authorSupervisor: "state",
      reviewingSupervisor: "state",
    },
    return: {
      authorCaseworker: "state",
      otherCaseworker: "state",
      authorSupervisor: "state",
      reviewingSupervisor: "state",
    },
  },
  returned: {
    save: {
      authorCaseworker: "draft",
      otherCaseworker: "role",
      authorSupervisor: "draft",
      reviewingSupervisor: "role",
    },
    submit: {
      authorCaseworker: "submitted",
      otherCaseworker: "role",
      authorSupervisor: "submitted",
      reviewingSupervisor: "role",
    },
    approve: {
      authorCaseworker: "state",
      otherCaseworker: "state",
      authorSupervisor: "state",
      reviewingSupervisor: "state",
    },
    return: {
      authorCaseworker: "state",
      otherCaseworker: "state",
      authorSupervisor: "state",
      reviewingSupervisor: "state",
    },
  },
};

describe("BIA state machine: every status × event × actor", () => {
  const statuses: Array<BiaStatus | null> = [null, ...BIA_STATUSES];
  const cells = statuses.flatMap((s) =>
    (Object.keys(EVENTS) as Array<BiaEvent["type"]>).flatMap((e) =>
      Object.keys(ACTORS).map((a) => [s ?? "none", e, a] as const),
    ),
  );
  it.each(cells)("%s + %s by %s", (status, event, actorKey) => {
    const expected = EXPECTED[status]?.[event][actorKey];
    const result = nextBiaStatus(
      status === "none" ? null : (status as BiaStatus),
      EVENTS[event],
      ACTORS[actorKey] as BiaActor,
    );
    if (expected === "state" || expected === "role") expect(result).toEqual({ ok: false, error: expected });
    else if (expected === "ownWork") expect(result).toEqual({ ok: false, error: "guard", guard: "ownWork" });
    else expect(result).toEqual({ ok: true, status: expected });
  });
});

describe("BIA guards", () => {
  const author: BiaActor = { role: "caseworker", isAuthor: true };
  const supervisor: BiaActor = { role: "supervisor", isAuthor: false };
  it("an incomplete BIA cannot be submitted", () => {
    expect(nextBiaStatus("draft", { type: "submit", complete: false }, author)).toEqual({
      ok: false,
      error: "guard",
      guard: "incomplete",
    });
  });
  it("a return needs a reason", () => {
    expect(nextBiaStatus("submitted", { type: "return", reason: "short" }, supervisor)).toEqual({
      ok: false,
      error: "guard",
      guard: "reason",
    });
  });
});

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { and, desc, eq, gt } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { DalContext } from "@/lib/dal/context";
import { makeUser, registration } from "../support/factories";

/**
 * Walks lib/dal: every read of personal data must leave an audit row. Each read use case file is
 * either run here (READS) or listed with the reason it reveals no personal data (NOT_PERSONAL) or
 * needs a record this test cannot make on its own (STATIC_ONLY, checked for a recordAudit call).
 * A new read file that is in none of the lists fails the test.
 */

interface Fixture {
  caseworker: DalContext;
  supervisor: DalContext;
  admin: DalContext;
  beneficiaryId: string;
}
type Runner = (f: Fixture) => Promise<{ actor: DalContext }>;

const run =
  (
    who: keyof Omit<Fixture, "beneficiaryId">,
    call: (ctx: DalContext, f: Fixture) => Promise<unknown>,
  ): Runner =>
  async (f) => {
    await call(f[who], f);
    return { actor: f[who] };
  };

const READS: Record<string, Runner> = {
  "access/list-break-glass.ts": run("supervisor", async (ctx, f) =>
    (await import("@/lib/dal/access/list-break-glass")).listBreakGlass(ctx, {
      beneficiaryId: f.beneficiaryId,
    }),
  ),
  "assistance/get-assistance-form.ts": run("caseworker", async (ctx, f) =>
    (await import("@/lib/dal/assistance/get-assistance-form")).getAssistanceForm(ctx, f.beneficiaryId),
  ),
  "assistance/list-assistance.ts": run("caseworker", async (ctx, f) =>
    (await import("@/lib/dal/assistance/list-assistance")).listAssistance(ctx, f.beneficiaryId),
  ),
  "audit/list-case-history.ts": run("supervisor", async (ctx, f) =>
    (await import("@/lib/dal/audit/list-case-history")).listCaseHistory(ctx, f.beneficiaryId),
  ),
  "audit/search-audit.ts": run("admin", async (ctx, f) => {
    const m = await import("@/lib/dal/audit/search-audit");
    await m.searchAudit(ctx, { record: f.beneficiaryId });
    await m.exportAudit(ctx, { record: f.beneficiaryId });
  }),
  "beneficiaries/export-beneficiaries.ts": run("supervisor", async (ctx) =>
    (await import("@/lib/dal/beneficiaries/export-beneficiaries")).exportBeneficiaries(ctx, {
      purpose: "service_delivery",
      justification: "Walk of the data access layer",
    }),
  ),
  "beneficiaries/find-duplicates.ts": run("caseworker", async (ctx) =>
    (await import("@/lib/dal/beneficiaries/find-duplicates")).findDuplicates(ctx, {
      familyName: "Walkthrough",
      givenNames: "Ousmane",
      sex: "male",
      dateOfBirth: "1995-03-14",
      nationality: "GIN",
    } as never),
  ),
  "beneficiaries/get-beneficiary.ts": run("caseworker", async (ctx, f) =>
    (await import("@/lib/dal/beneficiaries/get-beneficiary")).getBeneficiary(ctx, f.beneficiaryId),
  ),
  "beneficiaries/list-beneficiaries.ts": run("caseworker", async (ctx) =>
    (await import("@/lib/dal/beneficiaries/list-beneficiaries")).listBeneficiaries(ctx, {}),
  ),
  "bid/get-case-bid.ts": run("caseworker", async (ctx, f) =>
    (await import("@/lib/dal/bid/get-case-bid")).getCaseBid(ctx, f.beneficiaryId),
  ),
  "bid/list-bid-queue.ts": run("supervisor", async (ctx) =>
    (await import("@/lib/dal/bid/list-bid-queue")).listBidQueue(ctx),
  ),
  "case-lifecycle/get-case-heading.ts": run("caseworker", async (ctx, f) =>
    (await import("@/lib/dal/case-lifecycle/get-case-heading")).getCaseHeading(ctx, f.beneficiaryId),
  ),
  "case-lifecycle/get-case-plan.ts": run("caseworker", async (ctx, f) =>
    (await import("@/lib/dal/case-lifecycle/get-case-plan")).getCasePlan(ctx, f.beneficiaryId),
  ),
  "case-lifecycle/get-case-status.ts": run("caseworker", async (ctx, f) =>
    (await import("@/lib/dal/case-lifecycle/get-case-status")).getCaseStatus(ctx, f.beneficiaryId),
  ),
  "case-lifecycle/list-closure-requests.ts": run("supervisor", async (ctx) =>
    (await import("@/lib/dal/case-lifecycle/list-closure-requests")).listClosureRequests(ctx),
  ),
  "case-lifecycle/list-notes.ts": run("caseworker", async (ctx, f) =>
    (await import("@/lib/dal/case-lifecycle/list-notes")).listNotes(ctx, f.beneficiaryId),
  ),
  "referrals/get-referral-form.ts": run("caseworker", async (ctx, f) =>
    (await import("@/lib/dal/referrals/get-referral-form")).getReferralForm(ctx, f.beneficiaryId),
  ),
  "referrals/list-case-referrals.ts": run("caseworker", async (ctx, f) =>
    (await import("@/lib/dal/referrals/list-case-referrals")).listCaseReferrals(ctx, f.beneficiaryId),
  ),
};

/** Read use cases that reveal no personal data, with why. */
const NOT_PERSONAL: Record<string, string> = {
  "access/get-case-access.ts": "which categories the actor may see; no content",
  "auth/load-actor.ts": "the signed-in user's own account, at every request",
  "two-factor/get-two-factor-status.ts": "whether the signed-in user's own account has two-factor sign-in",
  "security/get-role-security-policies.ts": "which roles must use two-factor sign-in, and counts of users",
  "imports/get-import-job.ts": "an import job's counts and status",
  "imports/list-import-jobs.ts": "import jobs' counts and status",
  "imports/list-import-mappings.ts": "saved column mappings",
  "programmes/get-programme-config.ts": "programme configuration",
  "reference/get-reference.ts": "places, offices and countries",
  "referrals/get-referral-settings.ts": "referral configuration",
  "rollup/get-dashboard.ts": "aggregate figures only",
  "users/list-users.ts": "staff accounts, shown to the administrator",
};

/** Reads that need records this test cannot create alone; they must still call recordAudit. */
const STATIC_ONLY: Record<string, string> = {
  "vhr/export-manifest.ts": "needs a focal point tied to the VHR service",
  "bid/get-decision-summary.ts": "needs a decided BID",
  "bid/get-panel-report.ts": "needs a panel session with the case on its agenda",
  "bid/get-session.ts": "needs a panel session",
  "bid/list-sessions.ts": "needs a panel member's seat",
  "referrals/list-incoming-referrals.ts": "needs a focal point's services",
  "rollup/export-dashboard.ts": "export of aggregates, logged as an export",
  "screenings/get-screening.ts": "needs a recorded screening",
  "case-lifecycle/list-my-tasks.ts": "audits when it returns tasks; the fixture has none",
  "screenings/list-screenings.ts": "audits when it returns screenings; the fixture has none",
  "vhr/get-movement.ts": "needs a focal point tied to the VHR service and a movement",
  "vhr/get-pipeline-board.ts":
    "needs a focal point tied to the VHR service or a programme manager; counts only",
  "vhr/get-vhr-case.ts": "needs a focal point tied to the VHR service and an accepted VHR referral",
  "vhr/list-movements.ts": "needs a focal point tied to the VHR service",
  "vhr/list-vhr-cases.ts": "needs a focal point tied to the VHR service",
};

const DAL = path.resolve("lib/dal");
const READ_FILE = /^(get|list|find|search|export|load)-.*\.ts$/;

function readFiles(dir = DAL): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return readFiles(full);
    return READ_FILE.test(name) && !name.endsWith(".test.ts") ? [path.relative(DAL, full)] : [];
  });
}

let fixture: Fixture;

beforeAll(async () => {
  const [caseworker, supervisor, admin] = await Promise.all([
    makeUser("caseworker", "TIP"),
    makeUser("supervisor", "TIP"),
    makeUser("admin", "TIP"),
  ]);
  const { registerBeneficiary } = await import("@/lib/dal/beneficiaries/register-beneficiary");
  const { id } = await registerBeneficiary(
    caseworker,
    registration({
      familyName: "Walkthrough",
      dateOfBirth: "2012-05-05",
      uascStatus: "unaccompanied",
    } as never),
  );
  fixture = { caseworker, supervisor, admin, beneficiaryId: id };
});

describe("every DAL read of personal data is audited", () => {
  it("every read file of lib/dal is listed", () => {
    const listed = new Set([
      ...Object.keys(READS),
      ...Object.keys(NOT_PERSONAL),
      ...Object.keys(STATIC_ONLY),
    ]);
    const unlisted = readFiles().filter((f) => !listed.has(f));
    expect(unlisted, "add new DAL read files to READS (or the other lists) in this test").toEqual([]);
    const gone = [...listed].filter((f) => !readFiles().includes(f));
    expect(gone, "remove deleted files from this test's lists").toEqual([]);
  });

  it.each(Object.keys(STATIC_ONLY))("%s calls recordAudit", (file) => {
    expect(readFileSync(path.join(DAL, file), "utf8")).toMatch(/recordAudit\(/);
  });

  it.each(Object.keys(READS))("%s writes an audit row for the reader", async (file) => {
    const before = await lastAuditId();
    const runner = READS[file];
    if (!runner) throw new Error("no runner");
    const { actor } = await runner(fixture);
    const rows = await getDb()
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, actor.actor.id), gt(auditEvents.id, before)));
    expect(rows.length, `${file} read personal data without an audit row`).toBeGreaterThan(0);
  });
});

/** The highest audit id so far, so each runner's rows are told apart from earlier ones. */
async function lastAuditId(): Promise<number> {
  const [row] = await getDb()
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row?.id ?? 0;
}

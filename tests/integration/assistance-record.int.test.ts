import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { assistanceRecords, auditEvents } from "@/db/schema";
import { correctAssistance } from "@/lib/dal/assistance/correct-assistance";
import { listAssistance } from "@/lib/dal/assistance/list-assistance";
import { recordAssistance } from "@/lib/dal/assistance/record-assistance";
import type { DalContext } from "@/lib/dal/context";
import type { RecordAssistanceInput } from "@/lib/validation/assistance";
import { makeUser } from "../support/factories";
import { insertPerson } from "../support/rollup-data";
import { dalError } from "./dal-assert";

let cw: DalContext;
let cwOther: DalContext;
let supTip: DalContext;
let supBen: DalContext;
let manager: DalContext;
let person: string;

const input = (over: Partial<RecordAssistanceInput> = {}): RecordAssistanceInput => ({
  beneficiaryId: person,
  assistanceType: "nfi_kit",
  serviceDate: "2020-06-14",
  baladiyaPcode: "LY021104",
  quantity: 2,
  providedBy: cw.actor.id,
  detained: false,
  ...over,
});

beforeAll(async () => {
  [cw, cwOther, supTip, supBen, manager] = await Promise.all([
    makeUser("caseworker", "TIP"),
    makeUser("caseworker", "TIP"),
    makeUser("supervisor", "TIP"),
    makeUser("supervisor", "BEN"),
    makeUser("programme_manager", "TUN"),
  ]);
  person = await insertPerson(cw.actor.id, {
    sex: "female",
    dateOfBirth: "2002-06-15",
    nationality: "NER",
    populationType: "migrant",
  });
});

describe("recording assistance", () => {
  it("records on the caseworker's own case with the snapshots taken at the date of service", async () => {
    const { id } = await recordAssistance(cw, input());
    const [row] = await getDb().select().from(assistanceRecords).where(eq(assistanceRecords.id, id));
    expect(row).toMatchObject({
      programmeCode: "DA",
      officeCode: "TIP",
      ageAtService: 17, // the day before her 18th birthday
      populationType: "migrant",
      detainedAtService: false,
      recordedBy: cw.actor.id,
      voidedAt: null,
    });
    const list = await listAssistance(cw, person);
    expect(list.records.map((r) => r.id)).toContain(id);
    const audit = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "assistance"), eq(auditEvents.entityId, id)));
    expect(audit.map((a) => a.action)).toEqual(["create"]);
  });

  it("refuses other people's cases as not found and roles without the permission as forbidden", async () => {
    await dalError(recordAssistance(cwOther, input()), "not_found");
    await dalError(recordAssistance(supBen, input({ providedBy: supBen.actor.id })), "not_found");
    await dalError(recordAssistance(manager, input()), "forbidden");
    await dalError(listAssistance(manager, person), "forbidden");
    // The supervisor of the office may record.
    await expect(recordAssistance(supTip, input({ providedBy: supTip.actor.id }))).resolves.toHaveProperty(
      "id",
    );
  });

  it("refuses a date before birth, a bad quantity and a referral of another case", async () => {
    const baby = await insertPerson(cw.actor.id, {
      sex: "male",
      dateOfBirth: "2018-03-01",
      nationality: "NER",
      populationType: "migrant",
    });
    const before = await recordAssistance(
      cw,
      input({ beneficiaryId: baby, serviceDate: "2018-02-28" }),
    ).catch((e) => e);
    expect(before.fieldErrors).toEqual({ serviceDate: ["assistance.validation.beforeBirth"] });
    const qty = await recordAssistance(cw, input({ quantity: 0 })).catch((e) => e);
    expect(qty.fieldErrors.quantity).toEqual(["assistance.validation.quantity"]);
    const referral = await recordAssistance(cw, input({ referralId: randomUUID() })).catch((e) => e);
    expect(referral.fieldErrors).toEqual({ referralId: ["required"] });
  });

  it("rows are immutable in the database: no edit, no delete", async () => {
    const { id } = await recordAssistance(cw, input());
    await expect(
      getDb().update(assistanceRecords).set({ quantity: 9 }).where(eq(assistanceRecords.id, id)),
    ).rejects.toThrow();
    await expect(getDb().delete(assistanceRecords).where(eq(assistanceRecords.id, id))).rejects.toThrow();
    await expect(
      getDb().execute(sql`update assistance_records set service_date = '2020-01-01' where id = ${id}`),
    ).rejects.toThrow();
  });
});

describe("correcting assistance", () => {
  it("voids with a reason, once; a replacement points back at the original", async () => {
    const { id } = await recordAssistance(cw, input());
    const short = await correctAssistance(cw, { id, reason: "typo", replace: false }).catch((e) => e);
    expect(short.fieldErrors.reason).toEqual(["assistance.validation.reasonTooShort"]);
    const now = new Date("2021-02-01T10:00:00Z");
    const result = await correctAssistance(
      cw,
      {
        id,
        reason: "recorded on the wrong date",
        replace: true,
        replacement: { ...input(), serviceDate: "2020-06-20", beneficiaryId: undefined } as never,
      },
      now,
    );
    const [voided] = await getDb().select().from(assistanceRecords).where(eq(assistanceRecords.id, id));
    expect(voided?.voidedAt?.toISOString()).toBe(now.toISOString());
    expect(voided?.voidedBy).toBe(cw.actor.id);
    expect(voided?.voidReason).toBe("recorded on the wrong date");
    const [replacement] = await getDb()
      .select()
      .from(assistanceRecords)
      .where(eq(assistanceRecords.id, result.replacementId as string));
    expect(replacement?.replacesId).toBe(id);
    expect(replacement?.ageAtService).toBe(18);
    await dalError(
      correctAssistance(cw, { id, reason: "second attempt at voiding", replace: false }),
      "conflict",
    );
    // A voided row cannot be un-voided either.
    await expect(
      getDb()
        .update(assistanceRecords)
        .set({ voidedAt: null, voidedBy: null, voidReason: null })
        .where(eq(assistanceRecords.id, id)),
    ).rejects.toThrow();
  });

  it("is allowed to the office's supervisor, not to another office or a colleague", async () => {
    const { id } = await recordAssistance(cw, input());
    await dalError(
      correctAssistance(cwOther, { id, reason: "not my case at all", replace: false }),
      "not_found",
    );
    await dalError(
      correctAssistance(supBen, { id, reason: "not my office at all", replace: false }),
      "not_found",
    );
    await expect(
      correctAssistance(supTip, { id, reason: "supervisor checked the log", replace: false }),
    ).resolves.toMatchObject({
      voidedId: id,
      replacementId: null,
    });
  });
});

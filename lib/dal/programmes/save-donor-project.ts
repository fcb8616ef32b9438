import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { donorProjects } from "@/db/schema";
import { type DonorProjectInput, donorProjectSchema } from "@/lib/validation/programmes";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { invalid, notFound } from "../errors";
import { parseInput } from "../parse";

/** Adds a donor project or edits one; a project is deactivated, never deleted, as services cite it. */
export async function saveDonorProject(ctx: DalContext, input: DonorProjectInput): Promise<{ id: string }> {
  authorize(ctx.actor, "programme.configure");
  const data = parseInput(donorProjectSchema, input);
  return withTransaction(ctx, async (tx) => {
    const clash = await tx
      .select({ id: donorProjects.id })
      .from(donorProjects)
      .where(
        data.id
          ? and(eq(donorProjects.code, data.code), ne(donorProjects.id, data.id))
          : eq(donorProjects.code, data.code),
      );
    if (clash.length) throw invalid({ code: ["programmeConfig.validation.code"] });
    const values = {
      code: data.code,
      title: data.title,
      donor: data.donor,
      sectors: data.sectors,
      active: data.active,
    };
    let id = data.id;
    if (id) {
      const [existing] = await tx.select().from(donorProjects).where(eq(donorProjects.id, id));
      if (!existing) throw notFound();
      await tx
        .update(donorProjects)
        .set({ ...values, version: existing.version + 1 })
        .where(eq(donorProjects.id, id));
    } else {
      const [row] = await tx.insert(donorProjects).values(values).returning({ id: donorProjects.id });
      id = row?.id;
    }
    if (!id) throw new Error("no project id");
    await recordAudit(tx, ctx, {
      action: data.id ? "update" : "create",
      entity: "donor_project",
      entityId: id,
      detail: { code: data.code, active: data.active },
    });
    return { id };
  });
}

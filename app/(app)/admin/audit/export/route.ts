import { requireContext } from "@/lib/auth/actor";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { exportAudit } from "@/lib/dal/audit/search-audit";
import { DalError } from "@/lib/dal/errors";
import { toCsv } from "@/lib/domain/spreadsheet";

/** CSV of the audit events matching the administrator's search; the export itself is audited. */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return new Response(null, { status: 403 });
  const ctx = await requireContext();
  const form = await request.formData();
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : undefined;
  };
  try {
    const events = await exportAudit(ctx, {
      user: field("user"),
      record: field("record"),
      action: field("action"),
      from: field("from"),
      to: field("to"),
    });
    const csv = toCsv(
      [
        "id",
        "at",
        "actor",
        "actor_email",
        "role",
        "action",
        "entity",
        "entity_id",
        "ip",
        "flagged",
        "detail",
      ],
      events.map((e) => {
        const { valuesDigest: _digest, ...detail } = e.detail;
        return [
          e.id,
          e.at,
          e.actorName,
          e.actorEmail,
          e.actorRole,
          e.action,
          e.entity,
          e.entityId,
          e.ip,
          e.flagged ? "yes" : "",
          JSON.stringify(detail),
        ];
      }),
    );
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="sanad-audit-${stamp}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof DalError)
      return new Response(null, { status: error.code === "invalid" ? 400 : 404 });
    throw error;
  }
}

import { requireContext } from "@/lib/auth/actor";
import { DalError } from "@/lib/dal/errors";
import { exportDashboard } from "@/lib/dal/rollup/export-dashboard";
import { filtersFromParams } from "@/lib/validation/rollup";

/** The dashboard view named by the query, as XLSX or CSV; internal or external (suppressed). */
export async function GET(request: Request): Promise<Response> {
  const ctx = await requireContext();
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const format = params.format === "csv" ? "csv" : "xlsx";
  const mode = params.mode === "internal" ? "internal" : "external";
  try {
    const file = await exportDashboard(ctx, filtersFromParams(params, 2019), { format, mode });
    return new Response(Buffer.from(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof DalError && (error.code === "forbidden" || error.code === "not_found")) {
      return new Response("Not found", { status: 404 });
    }
    throw error;
  }
}

import { requireContext } from "@/lib/auth/actor";
import { DalError } from "@/lib/dal/errors";
import { exportManifest } from "@/lib/dal/vhr/export-manifest";

/** The manifest as XLSX or CSV, for the VHR unit only. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const ctx = await requireContext();
  const { id } = await params;
  const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "xlsx";
  try {
    const file = await exportManifest(ctx, id, format);
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

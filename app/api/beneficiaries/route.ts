import { NextResponse } from "next/server";
import { currentActor } from "@/lib/auth/actor";
import { registerBeneficiary } from "@/lib/dal/beneficiaries/register-beneficiary";
import { DalError } from "@/lib/dal/errors";

const STATUS: Record<DalError["code"], number> = {
  invalid: 400,
  duplicates: 409,
  conflict: 409,
  not_found: 404,
  forbidden: 403,
  locked: 423,
};

/**
 * Registration as JSON, for data-collection tools that submit one person at a time. The same use
 * case as the form: the DAL checks the actor, validates, re-checks duplicates and audits.
 * Only JSON is accepted, which a cross-site form cannot send without a CORS preflight.
 */
export async function POST(request: Request): Promise<Response> {
  if (!request.headers.get("content-type")?.startsWith("application/json")) {
    return NextResponse.json({ error: "unsupported_media_type" }, { status: 415 });
  }
  const origin = request.headers.get("origin");
  if (origin && new URL(origin).host !== request.headers.get("host")) {
    return NextResponse.json({ error: "forbidden" }, { status: 403 });
  }
  const actor = await currentActor();
  if (!actor || actor.mustChangePassword || actor.mustEnrolTotp)
    return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return NextResponse.json({ error: "invalid_json" }, { status: 400 });
  }
  const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
  try {
    const created = await registerBeneficiary({ actor, ip }, body);
    return NextResponse.json(created, { status: 201 });
  } catch (error) {
    if (error instanceof DalError) {
      return NextResponse.json(
        {
          error: error.code,
          fieldErrors: error.fieldErrors,
          matches: error.code === "duplicates" ? error.data : undefined,
        },
        { status: STATUS[error.code] },
      );
    }
    throw error;
  }
}

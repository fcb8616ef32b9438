import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { loadActor } from "@/lib/dal/auth/load-actor";
import type { Actor, DalContext } from "@/lib/dal/context";
import { currentSession } from "./session";

/** The acting user for this request, or null. Loaded once per request. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await currentSession();
  if (!session) return null;
  return loadActor(session.userId, session.sessionVersion);
});

async function clientIp(): Promise<string | null> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? h.get("x-real-ip") ?? null;
}

export interface ContextOptions {
  /** The forced password change page and its action. */
  allowPasswordChange?: boolean;
  /** The two-factor enrolment page and its actions. */
  allowTotpEnrolment?: boolean;
}

/**
 * For pages and actions: the DAL context, or a redirect to sign-in, to the forced password change,
 * or (password first) to the TOTP enrolment that the user's role requires.
 */
export async function requireContext(options: ContextOptions = {}): Promise<DalContext> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  if (actor.mustChangePassword && !options.allowPasswordChange) redirect("/account/password");
  if (actor.mustEnrolTotp && !options.allowPasswordChange && !options.allowTotpEnrolment) {
    redirect("/account/security");
  }
  return { actor, ip: await clientIp() };
}

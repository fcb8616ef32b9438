import "server-only";
import { type Action, type Scope, scopeOf } from "@/lib/authz";
import type { Actor } from "./context";
import { forbidden } from "./errors";

/** First line of every use case: the action must be in the actor's row of the matrix. */
export function authorize(actor: Actor, action: Action): Scope {
  const scope = scopeOf(actor.role, action);
  if (!scope) throw forbidden();
  return scope;
}

import "server-only";
import type { TransitionError } from "@/lib/domain/case-status";
import { conflict, DalError, forbidden, invalid } from "../errors";

/** How a refused transition reaches the user: a field to fix, a stale page, or no permission. */
export function transitionFailure(error: TransitionError, openReferrals = 0): DalError {
  switch (error) {
    case "role":
    case "own_request":
      return forbidden();
    case "wrong_status":
      return conflict();
    case "open_referrals":
      return new DalError(
        "invalid",
        { overrideReason: ["lifecycle.validation.overrideRequired"] },
        { openReferrals },
      );
    case "reason_too_short":
      return invalid({ _form: ["reasonTooShort"] });
    case "not_turned_18":
      return invalid({ reason: ["lifecycle.validation.notTurned18"] });
  }
}

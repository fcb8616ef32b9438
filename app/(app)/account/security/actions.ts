"use server";

import { revalidatePath } from "next/cache";
import QRCode from "qrcode";
import { runAction } from "@/lib/auth/action";
import { confirmTotpEnrolment } from "@/lib/dal/two-factor/confirm-enrolment";
import { disableTwoFactor } from "@/lib/dal/two-factor/disable-two-factor";
import { startTotpEnrolment } from "@/lib/dal/two-factor/start-enrolment";
import type { ActionResult } from "@/lib/validation/common";
import type { SecondFactorCodeInput } from "@/lib/validation/two-factor";

const ALLOW = { allowTotpEnrolment: true } as const;

export interface EnrolmentView {
  secret: string;
  /** The otpauth URI as an SVG QR code, rendered here so no third party ever sees the secret. */
  qrDataUri: string;
}

export async function startEnrolmentAction(): Promise<ActionResult<EnrolmentView>> {
  return runAction(async (ctx) => {
    const { secret, uri } = await startTotpEnrolment(ctx);
    const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
    return { secret, qrDataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
  }, ALLOW);
}

export async function confirmEnrolmentAction(
  input: SecondFactorCodeInput,
): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return runAction((ctx) => confirmTotpEnrolment(ctx, input), ALLOW);
}

export async function disableTwoFactorAction(input: SecondFactorCodeInput): Promise<ActionResult<void>> {
  const result = await runAction((ctx) => disableTwoFactor(ctx, input), ALLOW);
  if (result.ok) revalidatePath("/account/security");
  return result;
}

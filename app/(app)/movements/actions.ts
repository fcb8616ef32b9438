"use server";

import { runAction } from "@/lib/auth/action";
import { bookOnMovement } from "@/lib/dal/vhr/book-on-movement";
import { cancelBooking, recordKit } from "@/lib/dal/vhr/booking-actions";
import { closeMovement, confirmDepartures, type DepartureTally } from "@/lib/dal/vhr/confirm-departures";
import { createMovement } from "@/lib/dal/vhr/create-movement";
import type { ActionResult } from "@/lib/validation/common";
import type {
  BookInput,
  BookingRefInput,
  ConfirmDeparturesInput,
  CreateMovementInput,
  MovementRefInput,
} from "@/lib/validation/vhr";

// Each action is a public endpoint: the DAL parses the input and decides who may do what.

export async function createMovementAction(
  input: CreateMovementInput,
): Promise<ActionResult<{ id: string; reference: string }>> {
  return runAction((ctx) => createMovement(ctx, input));
}

export async function bookAction(input: BookInput): Promise<ActionResult<{ bookingId: string }>> {
  return runAction((ctx) => bookOnMovement(ctx, input));
}

export async function cancelBookingAction(input: BookingRefInput): Promise<ActionResult<void>> {
  return runAction((ctx) => cancelBooking(ctx, input));
}

export async function recordKitAction(
  input: BookingRefInput,
): Promise<ActionResult<{ assistanceId: string }>> {
  return runAction((ctx) => recordKit(ctx, input));
}

export async function confirmDeparturesAction(
  input: ConfirmDeparturesInput,
): Promise<ActionResult<DepartureTally>> {
  return runAction((ctx) => confirmDepartures(ctx, input));
}

export async function closeMovementAction(input: MovementRefInput): Promise<ActionResult<void>> {
  return runAction((ctx) => closeMovement(ctx, input));
}

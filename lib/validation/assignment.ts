import { z } from "zod";
import { uuid } from "./common";

export const assignmentSchema = z.object({
  id: uuid,
  userId: uuid,
  assigned: z.boolean(),
});
export type AssignmentInput = z.input<typeof assignmentSchema>;

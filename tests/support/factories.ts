import { randomUUID } from "node:crypto";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import type { Role } from "../../lib/authz/roles";
import { hashPassword } from "../../lib/dal/auth/password";
import type { Actor, DalContext } from "../../lib/dal/context";
import type { RegistrationInput } from "../../lib/validation/beneficiary";

let hash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct-horse-battery";

/** Inserts a user and returns the DAL context acting as them. */
export async function makeUser(
  role: Role,
  officeCode = "TIP",
  overrides: Partial<typeof users.$inferInsert> = {},
): Promise<DalContext> {
  hash ??= hashPassword(TEST_PASSWORD);
  const id = randomUUID();
  const email = `${role}-${id.slice(0, 8)}@test.example`;
  await getDb()
    .insert(users)
    .values({
      id,
      email,
      name: `${role} ${id.slice(0, 4)}`,
      role,
      officeCode,
      passwordHash: await hash,
      mustChangePassword: false,
      ...overrides,
    });
  const actor: Actor = {
    id,
    email,
    name: `${role} ${id.slice(0, 4)}`,
    role,
    officeCode,
    mustChangePassword: false,
    mustEnrolTotp: false,
    categories: [],
    services: [],
  };
  return { actor, ip: "127.0.0.1" };
}

/** A valid registration; override any biodata field. */
export function registration(
  biodata: Partial<RegistrationInput["biodata"]> = {},
  extra: Partial<RegistrationInput> = {},
): RegistrationInput {
  return {
    biodata: {
      familyName: "Diallo",
      givenNames: "Ousmane",
      sex: "male",
      dobMode: "exact",
      dateOfBirth: "1995-03-14",
      nationality: "GIN",
      populationType: "migrant",
      languages: ["fr"],
      baladiyaPcode: "LY021104",
      detained: false,
      vulnerabilities: [],
      ...biodata,
    },
    consent: { obtained: "yes", givenBy: "self", givenOn: "2024-01-10", purposes: ["services", "sharing"] },
    ...extra,
  };
}

import type { Role } from "../../lib/authz/roles";
import type { Database } from "../client";
import { users } from "../schema";

/** Documented in the README; refused in production by the seed entry point. */
export const DEMO_PASSWORD = "sanad-demo-password";

export const DEMO_USERS: Array<{ email: string; name: string; role: Role; officeCode: string }> = [
  { email: "admin@sanad.example", name: "Amina Admin", role: "admin", officeCode: "TIP" },
  { email: "caseworker@sanad.example", name: "Karim Caseworker", role: "caseworker", officeCode: "TIP" },
  { email: "caseworker2@sanad.example", name: "Salma Caseworker", role: "caseworker", officeCode: "TIP" },
  { email: "caseworker.ben@sanad.example", name: "Hassan Caseworker", role: "caseworker", officeCode: "BEN" },
  { email: "supervisor@sanad.example", name: "Leila Supervisor", role: "supervisor", officeCode: "TIP" },
  { email: "supervisor.ben@sanad.example", name: "Omar Supervisor", role: "supervisor", officeCode: "BEN" },
  { email: "panel@sanad.example", name: "Nadia Panel", role: "bid_panel", officeCode: "TIP" },
  {
    email: "panel.unicef@sanad.example",
    name: "Samira Panel (UNICEF)",
    role: "bid_panel",
    officeCode: "TIP",
  },
  { email: "panel.unhcr@sanad.example", name: "Jamal Panel (UNHCR)", role: "bid_panel", officeCode: "TIP" },
  { email: "manager@sanad.example", name: "Youssef Manager", role: "programme_manager", officeCode: "TUN" },
  { email: "focal.vhr@sanad.example", name: "Tarek VHR Focal Point", role: "focal_point", officeCode: "TIP" },
  {
    email: "focal.mhpss@sanad.example",
    name: "Rania MHPSS Focal Point",
    role: "focal_point",
    officeCode: "TIP",
  },
  {
    email: "focal.cp@sanad.example",
    name: "Fatma Child Protection Focal Point",
    role: "focal_point",
    officeCode: "TIP",
  },
];

export async function seedDemoUsers(db: Database, passwordHash: string): Promise<void> {
  await db
    .insert(users)
    .values(DEMO_USERS.map((u) => ({ ...u, passwordHash, mustChangePassword: false })))
    .onConflictDoNothing();
}

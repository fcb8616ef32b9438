import { inArray } from "drizzle-orm";
import type { Database } from "../client";
import { panelConfig, panelMembers, users } from "../schema";

/** The demo panel: IOM chairs with UNICEF and UNHCR; all three agencies required for quorum. */
const SEATS = [
  { email: "panel@sanad.example", agency: "IOM", isChair: true },
  { email: "panel.unicef@sanad.example", agency: "UNICEF", isChair: false },
  { email: "panel.unhcr@sanad.example", agency: "UNHCR", isChair: false },
] as const;

export async function seedPanel(db: Database): Promise<void> {
  await db
    .insert(panelConfig)
    .values({ id: 1, quorum: 3, requiredAgencies: ["IOM", "UNICEF", "UNHCR"], accessDays: 14 })
    .onConflictDoNothing();
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        SEATS.map((s) => s.email),
      ),
    );
  for (const seat of SEATS) {
    const user = rows.find((r) => r.email === seat.email);
    if (!user) continue;
    await db
      .insert(panelMembers)
      .values({ userId: user.id, agency: seat.agency, isChair: seat.isChair })
      .onConflictDoNothing();
  }
}

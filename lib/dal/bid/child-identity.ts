import "server-only";
import { ageAt, todayIso } from "@/lib/domain/age";
import { agesOutBeforeDecision } from "@/lib/domain/bid/timing";
import type { ChildRow } from "./panel-access";

/**
 * The only identity a panel member sees: name, age, sex and nationality. No case number, date of
 * birth, place, phone or office — they are not needed to determine the child's best interests.
 */
export interface ChildIdentity {
  name: string;
  age: number;
  sex: ChildRow["sex"];
  nationality: string;
  agesOut: boolean;
}

export function childIdentity(
  child: Pick<ChildRow, "familyName" | "givenNames" | "sex" | "nationality" | "dateOfBirth">,
  sessionDate: string | null,
  horizonDays: number,
  today = todayIso(),
): ChildIdentity {
  return {
    name: `${child.familyName}, ${child.givenNames}`,
    age: ageAt(child.dateOfBirth, today),
    sex: child.sex,
    nationality: child.nationality,
    agesOut: agesOutBeforeDecision(child.dateOfBirth, today, sessionDate, horizonDays),
  };
}

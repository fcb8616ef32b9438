import { randomUUID } from "node:crypto";
import { estimatedDateOfBirth } from "../../lib/domain/age";
import {
  CONSENT_PURPOSES,
  type PopulationType,
  type Sex,
  type UascStatus,
} from "../../lib/domain/beneficiary";
import { formatCaseNumber, nameKey } from "../../lib/domain/names";

/** Deterministic PRNG so a seed gives the same people every time. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
function weighted<T>(rng: Rng, entries: ReadonlyArray<readonly [T, number]>): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [value, w] of entries) {
    r -= w;
    if (r <= 0) return value;
  }
  return (entries.at(-1) as readonly [T, number])[0];
}

/** Each inner list is one name as it gets spelled; the Arabic form, when there is one, comes last after "|". */
export const MALE: string[][] = [
  ["Mohamed", "Mohammed", "Muhammad", "Mohamad|محمد"],
  ["Ahmed", "Ahmad|أحمد"],
  ["Abdelrahman", "Abdul Rahman", "Abd al-Rahman", "Abdurrahman|عبد الرحمن"],
  ["Ibrahim", "Ebrahim", "Ibrahima|إبراهيم"],
  ["Youssef", "Yusuf", "Yousef|يوسف"],
  ["Omar", "Umar|عمر"],
  ["Ali", "Aly|علي"],
  ["Moussa", "Musa|موسى"],
  ["Ousmane", "Usman", "Osman|عثمان"],
  ["Abdoulaye", "Abdullahi", "Abdallah|عبد الله"],
  ["Hassan", "Hasan|حسن"],
  ["Idriss", "Idris|إدريس"],
  ["Mamadou"],
  ["Chinedu"],
  ["Emeka"],
  ["Kwame"],
  ["Kofi"],
  ["Samuel"],
  ["Daniel"],
  ["Yonas"],
  ["Rashed", "Rashid"],
];
export const FEMALE: string[][] = [
  ["Fatima", "Fatimah", "Fatouma|فاطمة"],
  ["Aisha", "Aicha", "Aysha|عائشة"],
  ["Mariam", "Maryam", "Meriem|مريم"],
  ["Khadija", "Khadidja|خديجة"],
  ["Hawa", "Haoua|حواء"],
  ["Amina", "Aminata|أمينة"],
  ["Zainab", "Zeinab|زينب"],
  ["Halima", "Halimah|حليمة"],
  ["Blessing"],
  ["Grace"],
  ["Esther"],
  ["Joy"],
  ["Mercy"],
  ["Selam"],
  ["Nasrin"],
];
export const FAMILY: Record<string, string[][]> = {
  west: [
    ["Diallo", "Dialo"],
    ["Traore", "Traoré"],
    ["Coulibaly", "Kulibaly"],
    ["Keita", "Keïta"],
    ["Camara", "Kamara"],
    ["Toure", "Touré"],
    ["Sow"],
    ["Ndiaye", "N'Diaye"],
    ["Sangare", "Sangaré"],
    ["Cisse", "Cissé"],
  ],
  sahel: [
    ["Mahamat", "Mahamad", "Mohamat"],
    ["Abakar", "Aboubakar", "Abubakar"],
    ["Issa", "Isa"],
    ["Adam", "Adama"],
    ["Idriss", "Idris"],
    ["Hissein", "Hussein", "Husayn"],
    ["Saleh", "Salih"],
  ],
  nigeria: [["Okafor"], ["Adeyemi"], ["Okonkwo"], ["Eze"], ["Bello", "Belo"], ["Ogunleye"], ["Nwosu"]],
  ghana: [["Mensah"], ["Owusu"], ["Boateng"], ["Asante"], ["Osei"]],
  arab: [
    ["El-Sayed", "Al Sayed", "Elsayed|السيد"],
    ["Abdallah", "Abdullah|عبدالله"],
    ["Osman", "Othman", "Uthman|عثمان"],
    ["Hamid", "Hamed|حامد"],
    ["Mustafa", "Mostafa", "Moustapha|مصطفى"],
    ["Al-Masri", "El Masry|المصري"],
    ["Khalil", "Khaleel|خليل"],
  ],
  bengal: [["Rahman"], ["Hossain", "Hussain", "Hosen"], ["Islam"], ["Akter", "Akhtar"], ["Uddin"]],
  horn: [
    ["Tesfaye"],
    ["Haile"],
    ["Ghebremariam", "Gebremariam"],
    ["Abdi"],
    ["Warsame"],
    ["Farah"],
    ["Yohannes", "Johannes"],
  ],
};
export const NATIONALITIES: ReadonlyArray<readonly [string, number, keyof typeof FAMILY]> = [
  ["NER", 18, "sahel"],
  ["TCD", 12, "sahel"],
  ["SDN", 12, "arab"],
  ["NGA", 11, "nigeria"],
  ["EGY", 10, "arab"],
  ["GHA", 6, "ghana"],
  ["MLI", 6, "west"],
  ["BGD", 5, "bengal"],
  ["CIV", 4, "west"],
  ["SEN", 3, "west"],
  ["GIN", 3, "west"],
  ["ERI", 3, "horn"],
  ["SOM", 2, "horn"],
  ["LBY", 5, "arab"],
];

export interface SyntheticPerson {
  id: string;
  caseNumber: string;
  familyName: string;
  givenNames: string;
  nameAr: string | null;
  nameKey: string;
  sex: Sex;
  dateOfBirth: string;
  dobEstimated: boolean;
  nationality: string;
  populationType: PopulationType;
  languages: string[];
  baladiyaPcode: string;
  detained: boolean;
  detentionCentre: string | null;
  detainedSince: string | null;
  uascStatus: UascStatus | null;
  vulnerabilities: string[];
  officeCode: string;
  createdAt: Date;
}

function spell(rng: Rng, variants: string[]): { latin: string; arabic: string | null } {
  const last = variants.at(-1) as string;
  const arabic = last.includes("|") ? (last.split("|")[1] as string) : null;
  const latin = pick(rng, variants).split("|")[0] as string;
  return { latin, arabic };
}

const DETENTION_CENTRES = [
  "Tariq al-Sikka",
  "Ain Zara",
  "Abu Salim",
  "Zawiya (Al-Nasr)",
  "Gharyan",
  "Ganfouda",
  "Sabha",
];
const ISO = (d: Date) => d.toISOString().slice(0, 10);

export interface GenerateOptions {
  count: number;
  seed: number;
  baladiyas: Array<{ pcode: string; officeCode: string }>;
  today: string;
}

/** People spread over baladiyas, nationalities, ages and population types, with a share of re-registrations spelled differently. */
export function* generatePeople(opts: GenerateOptions): Generator<SyntheticPerson> {
  const rng = mulberry32(opts.seed);
  const recent: SyntheticPerson[] = [];
  const todayMs = Date.parse(opts.today);
  for (let i = 0; i < opts.count; i++) {
    const previous = recent.length > 20 && rng() < 0.04 ? pick(rng, recent) : null;
    let person: SyntheticPerson;
    const place = pick(rng, opts.baladiyas);
    const createdAt = new Date(
      todayMs - Math.floor(rng() * 730) * 86_400_000 - Math.floor(rng() * 86_400_000),
    );
    const caseNumber = formatCaseNumber(
      createdAt.getUTCFullYear(),
      Uint8Array.from({ length: 6 }, () => Math.floor(rng() * 256)),
    );
    if (previous) {
      // The same person met again and spelled another way: the case the duplicate warning exists for.
      const familyName = previous.familyName.replace(/ou/g, "u").replace(/ee/g, "i").replace(/^El-/, "Al ");
      const givenNames = previous.givenNames
        .replace(/Mohamed/, "Muhammad")
        .replace(/Ahmed/, "Ahmad")
        .replace(/ss/g, "s");
      person = {
        ...previous,
        id: randomUUID(),
        caseNumber,
        familyName,
        givenNames,
        nameKey: nameKey(familyName, givenNames, previous.nameAr),
        createdAt,
        baladiyaPcode: place.pcode,
        officeCode: place.officeCode,
      };
    } else {
      const [nationality, , group] = weighted(
        rng,
        NATIONALITIES.map((n) => [n, n[1]] as const),
      );
      const sex: Sex = rng() < 0.62 ? "male" : rng() < 0.98 ? "female" : "unknown";
      const age = Math.floor(
        weighted(rng, [
          [2, 6],
          [8, 7],
          [15, 12],
          [28, 55],
          [45, 15],
          [65, 5],
        ] as const) +
          (rng() - 0.5) * 8,
      );
      const clampedAge = Math.max(0, Math.min(85, age));
      const estimated = rng() < 0.35;
      const dob = estimated
        ? estimatedDateOfBirth(clampedAge, opts.today)
        : ISO(new Date(todayMs - (clampedAge * 365.25 + Math.floor(rng() * 364)) * 86_400_000));
      const given = spell(rng, pick(rng, sex === "female" ? FEMALE : MALE));
      const family = spell(rng, pick(rng, FAMILY[group] as string[][]));
      const nameAr = given.arabic && family.arabic && rng() < 0.5 ? `${given.arabic} ${family.arabic}` : null;
      const child = clampedAge < 18;
      const populationType: PopulationType =
        nationality === "LBY"
          ? weighted(rng, [
              ["idp", 6],
              ["returnee", 3],
              ["host", 2],
            ] as const)
          : weighted(rng, [
              ["migrant", 10],
              ["refugee", 2],
            ] as const);
      const detained =
        populationType !== "idp" &&
        populationType !== "host" &&
        populationType !== "returnee" &&
        rng() < 0.08;
      person = {
        id: randomUUID(),
        caseNumber,
        familyName: family.latin,
        givenNames: given.latin,
        nameAr,
        nameKey: nameKey(family.latin, given.latin, nameAr),
        sex,
        dateOfBirth: dob,
        dobEstimated: estimated,
        nationality,
        populationType,
        languages: nationality === "LBY" || group === "arab" ? ["ar"] : group === "west" ? ["fr"] : ["en"],
        baladiyaPcode: place.pcode,
        detained,
        detentionCentre: detained ? pick(rng, DETENTION_CENTRES) : null,
        detainedSince: detained ? ISO(new Date(todayMs - Math.floor(rng() * 200) * 86_400_000)) : null,
        uascStatus: child
          ? weighted(rng, [
              ["accompanied", 6],
              ["unaccompanied", 3],
              ["separated", 2],
            ] as const)
          : null,
        vulnerabilities:
          sex === "female" && clampedAge >= 16 && clampedAge < 45 && rng() < 0.08
            ? ["pregnant"]
            : clampedAge >= 60
              ? ["older_person"]
              : rng() < 0.05
                ? ["serious_medical"]
                : [],
        officeCode: place.officeCode,
        createdAt,
      };
    }
    recent.push(person);
    if (recent.length > 500) recent.shift();
    yield person;
  }
}

export function consentFor(rng: Rng, beneficiaryId: string, recordedBy: string, givenOn: string) {
  const granted = rng() < 0.93;
  const giver = "self" as const;
  return CONSENT_PURPOSES.map((purpose) => ({
    beneficiaryId,
    recordedBy,
    purpose,
    granted: granted && (purpose === "services" || rng() < 0.85),
    givenBy: granted ? giver : null,
    givenOn: granted ? givenOn : null,
    vitalInterestReason:
      !granted && purpose === "services"
        ? "Consent could not be obtained: medical emergency on arrival."
        : null,
  }));
}

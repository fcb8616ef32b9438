import { describe, expect, it } from "vitest";
import { todayIso } from "../domain/age";
import {
  type BiodataInput,
  biodataSchema,
  type ConsentInput,
  caseListQuerySchema,
  duplicateCheckSchema,
  type RegistrationInput,
  registrationSchema,
  resolveDateOfBirth,
} from "./beneficiary";
import { fieldErrorsOf } from "./field-errors";

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const today = todayIso();
const tomorrow = shiftDays(today, 1);
const yesterday = shiftDays(today, -1);

const validBiodata = {
  familyName: "Traoré",
  givenNames: "Mohamed Abdel Rahman",
  nameAr: "محمد عبد الرحمن تراوري",
  sex: "male",
  dobMode: "exact",
  dateOfBirth: "1994-03-12",
  estimatedAge: "",
  nationality: "MLI",
  populationType: "migrant",
  languages: ["fr", "bm"],
  phone: "+218 91 234 5678",
  baladiyaPcode: "LY021104",
  detained: false,
  detentionCentre: "",
  detainedSince: "",
  uascStatus: "",
  vulnerabilities: [],
} satisfies BiodataInput;

const validConsent = {
  obtained: "yes",
  givenBy: "self",
  givenOn: "2025-01-15",
  purposes: ["services", "sharing"],
  vitalInterestReason: "",
} satisfies ConsentInput;

function registration(
  biodata: Partial<BiodataInput> = {},
  consent: Partial<ConsentInput> = {},
): RegistrationInput {
  return { biodata: { ...validBiodata, ...biodata }, consent: { ...validConsent, ...consent } };
}

/** Dotted field errors of a registration, or {} when it is valid. */
function errorsOf(input: unknown): Record<string, string[] | undefined> {
  const result = registrationSchema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe("registrationSchema: valid input", () => {
  it("accepts a complete registration with an exact date of birth", () => {
    const result = registrationSchema.safeParse(registration());
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.biodata.familyName).toBe("Traoré");
    expect(result.data.biodata.dateOfBirth).toBe("1994-03-12");
    expect(result.data.consent.purposes).toEqual(["services", "sharing"]);
  });

  it("accepts an estimated age given as text from a form field and turns it into a number", () => {
    const result = registrationSchema.safeParse(
      registration({ dobMode: "estimated", dateOfBirth: "", estimatedAge: "30" }),
    );
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.biodata.estimatedAge).toBe(30);
  });

  it("accepts the minimum: optional fields left out", () => {
    const result = registrationSchema.safeParse({
      biodata: {
        familyName: "Mensah",
        givenNames: "Kofi",
        sex: "unknown",
        dobMode: "estimated",
        estimatedAge: 40,
        nationality: "XXX",
        populationType: "refugee",
        baladiyaPcode: "LY021104",
      },
      consent: { obtained: "no", vitalInterestReason: "Unconscious on arrival at the clinic." },
    });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.biodata.languages).toEqual([]);
    expect(result.data.biodata.vulnerabilities).toEqual([]);
    expect(result.data.biodata.detained).toBe(false);
  });

  it("trims names and turns empty optional text into undefined", () => {
    const result = registrationSchema.safeParse(
      registration({ familyName: "  Diallo  ", nameAr: "   ", phone: "" }),
    );
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.biodata.familyName).toBe("Diallo");
    expect(result.data.biodata.nameAr).toBeUndefined();
    expect(result.data.biodata.phone).toBeUndefined();
  });

  it("accepts a detained person with centre and date", () => {
    expect(
      errorsOf(registration({ detained: true, detentionCentre: "Tariq al-Sikka", detainedSince: yesterday })),
    ).toEqual({});
  });

  it("accepts a child with a UASC status and a pregnant woman", () => {
    expect(
      errorsOf(registration({ dobMode: "estimated", estimatedAge: 10, uascStatus: "unaccompanied" })),
    ).toEqual({});
    expect(errorsOf(registration({ sex: "female", vulnerabilities: ["pregnant"] }))).toEqual({});
  });

  it("accepts a date of birth of today (a newborn) when the child's status is given", () => {
    expect(errorsOf(registration({ dateOfBirth: today, uascStatus: "accompanied" }))).toEqual({});
  });
});

describe("registrationSchema: date of birth and age", () => {
  it("exact date of birth missing → required", () => {
    expect(errorsOf(registration({ dateOfBirth: "" }))).toEqual({ "biodata.dateOfBirth": ["required"] });
    expect(errorsOf(registration({ dateOfBirth: undefined }))).toEqual({
      "biodata.dateOfBirth": ["required"],
    });
  });

  it("date of birth in the future → futureDate", () => {
    expect(errorsOf(registration({ dateOfBirth: tomorrow }))).toEqual({
      "biodata.dateOfBirth": ["futureDate"],
    });
  });

  it("malformed or impossible date of birth → invalidDate", () => {
    for (const dateOfBirth of ["12/03/1994", "1994-02-30", "1994-13-01", "yesterday"]) {
      const errors = errorsOf(registration({ dateOfBirth }));
      expect(Object.keys(errors)).toEqual(["biodata.dateOfBirth"]);
      // The first message is the one a form shows.
      expect(errors["biodata.dateOfBirth"]?.[0]).toBe("invalidDate");
    }
  });

  it("date of birth before 1900 → invalidDate", () => {
    expect(errorsOf(registration({ dateOfBirth: "1899-12-31" }))).toEqual({
      "biodata.dateOfBirth": ["invalidDate"],
    });
    expect(errorsOf(registration({ dateOfBirth: "1900-01-01" }))).toEqual({});
  });

  it("estimated age missing → required", () => {
    expect(errorsOf(registration({ dobMode: "estimated", estimatedAge: "" }))).toEqual({
      "biodata.estimatedAge": ["required"],
    });
  });

  it("estimated age out of 0..110 → ageRange", () => {
    expect(errorsOf(registration({ dobMode: "estimated", estimatedAge: 111 }))).toEqual({
      "biodata.estimatedAge": ["ageRange"],
    });
    expect(errorsOf(registration({ dobMode: "estimated", estimatedAge: -1 }))).toEqual({
      "biodata.estimatedAge": ["ageRange"],
    });
    expect(errorsOf(registration({ dobMode: "estimated", estimatedAge: 110 }))).toEqual({});
    expect(
      errorsOf(registration({ dobMode: "estimated", estimatedAge: 0, uascStatus: "accompanied" })),
    ).toEqual({});
  });

  it("estimated age that is not a whole number → invalidNumber", () => {
    expect(errorsOf(registration({ dobMode: "estimated", estimatedAge: "12.5" }))).toEqual({
      "biodata.estimatedAge": ["invalidNumber"],
    });
  });

  it("an exact date of birth ignores a stale estimated age, and the reverse", () => {
    expect(errorsOf(registration({ dobMode: "exact", estimatedAge: 500 }))).toEqual({});
    expect(errorsOf(registration({ dobMode: "estimated", dateOfBirth: tomorrow, estimatedAge: 30 }))).toEqual(
      {},
    );
  });

  it("unknown date-of-birth mode → required", () => {
    expect(errorsOf(registration({ dobMode: "guess" as "exact" }))["biodata.dobMode"]).toEqual(["required"]);
  });
});

describe("registrationSchema: detention", () => {
  it("detained without a centre → detentionCentre required", () => {
    expect(errorsOf(registration({ detained: true, detentionCentre: "", detainedSince: yesterday }))).toEqual(
      {
        "biodata.detentionCentre": ["required"],
      },
    );
  });

  it("detained without a date → detainedSince required", () => {
    expect(
      errorsOf(registration({ detained: true, detentionCentre: "Tariq al-Sikka", detainedSince: "" })),
    ).toEqual({
      "biodata.detainedSince": ["required"],
    });
  });

  it("detained since a future date → futureDate", () => {
    expect(
      errorsOf(registration({ detained: true, detentionCentre: "Tariq al-Sikka", detainedSince: tomorrow })),
    ).toEqual({
      "biodata.detainedSince": ["futureDate"],
    });
  });

  it("not detained: centre and date are not required", () => {
    expect(errorsOf(registration({ detained: false, detentionCentre: "", detainedSince: "" }))).toEqual({});
  });
});

describe("registrationSchema: children and UASC status", () => {
  it("child (estimated age 10) without a UASC status → uascRequired", () => {
    expect(errorsOf(registration({ dobMode: "estimated", estimatedAge: 10, uascStatus: "" }))).toEqual({
      "biodata.uascStatus": ["uascRequired"],
    });
  });

  it("child with an exact date of birth without a UASC status → uascRequired", () => {
    expect(errorsOf(registration({ dateOfBirth: shiftDays(today, -365 * 5), uascStatus: "" }))).toEqual({
      "biodata.uascStatus": ["uascRequired"],
    });
  });

  it("adult with a UASC status → uascChildrenOnly", () => {
    expect(
      errorsOf(registration({ dobMode: "estimated", estimatedAge: 30, uascStatus: "separated" })),
    ).toEqual({
      "biodata.uascStatus": ["uascChildrenOnly"],
    });
    expect(errorsOf(registration({ dateOfBirth: "1994-03-12", uascStatus: "unaccompanied" }))).toEqual({
      "biodata.uascStatus": ["uascChildrenOnly"],
    });
  });

  it("turns adult on the 18th birthday", () => {
    const [y, m, d] = today.split("-");
    const eighteenthBirthdayToday = `${Number(y) - 18}-${m}-${d}`;
    // Run on 29 February, the date 18 years earlier may not exist; the boundary is tested in age.test.ts.
    if (`${m}-${d}` !== "02-29") {
      expect(errorsOf(registration({ dateOfBirth: eighteenthBirthdayToday, uascStatus: "" }))).toEqual({});
      expect(
        errorsOf(registration({ dateOfBirth: shiftDays(eighteenthBirthdayToday, 1), uascStatus: "" })),
      ).toEqual({
        "biodata.uascStatus": ["uascRequired"],
      });
    }
  });

  it("estimated age 17 is a child, 18 is not", () => {
    expect(errorsOf(registration({ dobMode: "estimated", estimatedAge: 17, uascStatus: "" }))).toEqual({
      "biodata.uascStatus": ["uascRequired"],
    });
    expect(errorsOf(registration({ dobMode: "estimated", estimatedAge: 18, uascStatus: "" }))).toEqual({});
  });
});

describe("registrationSchema: other biodata", () => {
  it("male + pregnant → pregnantFemaleOnly", () => {
    expect(errorsOf(registration({ sex: "male", vulnerabilities: ["pregnant"] }))).toEqual({
      "biodata.vulnerabilities": ["pregnantFemaleOnly"],
    });
  });

  it("unknown sex + pregnant → pregnantFemaleOnly", () => {
    expect(errorsOf(registration({ sex: "unknown", vulnerabilities: ["disability", "pregnant"] }))).toEqual({
      "biodata.vulnerabilities": ["pregnantFemaleOnly"],
    });
  });

  it("unknown nationality code is rejected", () => {
    for (const nationality of ["ZZZ", "mli", "ML", "", "LIBYA"]) {
      expect(errorsOf(registration({ nationality }))).toEqual({ "biodata.nationality": ["required"] });
    }
  });

  it("names of built-in object properties are not nationality codes", () => {
    for (const nationality of ["toString", "constructor", "__proto__", "hasOwnProperty"]) {
      expect({ nationality, errors: errorsOf(registration({ nationality })) }).toEqual({
        nationality,
        errors: { "biodata.nationality": ["required"] },
      });
      expect(caseListQuerySchema.parse({ nationality }).nationality).toBeUndefined();
    }
  });

  it("stateless or unknown nationality (XXX) is accepted", () => {
    expect(errorsOf(registration({ nationality: "XXX" }))).toEqual({});
  });

  it("missing or blank names → required, too long → tooLong", () => {
    expect(errorsOf(registration({ familyName: "   " }))).toEqual({ "biodata.familyName": ["required"] });
    expect(errorsOf(registration({ givenNames: undefined }))).toEqual({ "biodata.givenNames": ["required"] });
    expect(errorsOf(registration({ familyName: "x".repeat(101) }))).toEqual({
      "biodata.familyName": ["tooLong"],
    });
    expect(errorsOf(registration({ familyName: "x".repeat(100) }))).toEqual({});
    expect(errorsOf(registration({ nameAr: "ع".repeat(151) }))).toEqual({ "biodata.nameAr": ["tooLong"] });
  });

  it("phone numbers: digits, spaces, + ( ) - only → otherwise invalidPhone", () => {
    expect(errorsOf(registration({ phone: "(091) 234-5678" }))).toEqual({});
    expect(errorsOf(registration({ phone: "call me" }))).toEqual({ "biodata.phone": ["invalidPhone"] });
    expect(errorsOf(registration({ phone: "12345" }))).toEqual({ "biodata.phone": ["invalidPhone"] });
  });

  it("baladiya must be an LY p-code of six digits", () => {
    expect(errorsOf(registration({ baladiyaPcode: "LY0211" }))).toEqual({
      "biodata.baladiyaPcode": ["required"],
    });
    expect(errorsOf(registration({ baladiyaPcode: "" }))).toEqual({ "biodata.baladiyaPcode": ["required"] });
  });

  it("missing sex or population type → required", () => {
    expect(errorsOf(registration({ sex: undefined }))).toEqual({ "biodata.sex": ["required"] });
    expect(errorsOf(registration({ populationType: "tourist" as "migrant" }))).toEqual({
      "biodata.populationType": ["required"],
    });
  });

  it("more than ten languages → tooMany", () => {
    const languages = ["ar", "en", "fr", "ha", "ti", "so", "bn", "am", "ff", "wo", "kr"] as const;
    expect(errorsOf(registration({ languages: [...languages] }))).toEqual({
      "biodata.languages": ["tooMany"],
    });
    expect(errorsOf(registration({ languages: [...languages.slice(0, 10)] }))).toEqual({});
  });
});

describe("registrationSchema: consent", () => {
  it("consent obtained without purposes → consentPurposeRequired", () => {
    expect(errorsOf(registration({}, { purposes: [] }))).toEqual({
      "consent.purposes": ["consentPurposeRequired"],
    });
  });

  it("consent obtained without who gave it or when → required", () => {
    expect(errorsOf(registration({}, { givenBy: "", givenOn: "" }))).toEqual({
      "consent.givenBy": ["required"],
      "consent.givenOn": ["required"],
    });
  });

  it("consent given in the future → futureDate", () => {
    expect(errorsOf(registration({}, { givenOn: tomorrow }))).toEqual({ "consent.givenOn": ["futureDate"] });
    expect(errorsOf(registration({}, { givenOn: today }))).toEqual({});
  });

  it("consent not obtained with a short reason → reasonTooShort", () => {
    expect(errorsOf(registration({}, { obtained: "no", vitalInterestReason: "urgent" }))).toEqual({
      "consent.vitalInterestReason": ["reasonTooShort"],
    });
    // Padding with spaces does not make a reason long enough.
    expect(errorsOf(registration({}, { obtained: "no", vitalInterestReason: "   urgent       " }))).toEqual({
      "consent.vitalInterestReason": ["reasonTooShort"],
    });
    expect(errorsOf(registration({}, { obtained: "no", vitalInterestReason: "" }))).toEqual({
      "consent.vitalInterestReason": ["reasonTooShort"],
    });
  });

  it("consent not obtained with a reason of ten characters is accepted", () => {
    expect(
      errorsOf(registration({}, { obtained: "no", vitalInterestReason: "0123456789", purposes: [] })),
    ).toEqual({});
  });

  it("consent answer missing → required", () => {
    expect(errorsOf(registration({}, { obtained: undefined }))["consent.obtained"]).toEqual(["required"]);
  });

  it("reports biodata and consent errors together", () => {
    expect(errorsOf(registration({ sex: "male", vulnerabilities: ["pregnant"] }, { purposes: [] }))).toEqual({
      "biodata.vulnerabilities": ["pregnantFemaleOnly"],
      "consent.purposes": ["consentPurposeRequired"],
    });
  });
});

describe("resolveDateOfBirth", () => {
  it("keeps an exact date of birth", () => {
    const biodata = biodataSchema.parse({ ...validBiodata });
    expect(resolveDateOfBirth(biodata, "2025-06-15")).toEqual({
      dateOfBirth: "1994-03-12",
      dobEstimated: false,
    });
  });

  it("turns an estimated age into 1 July of the matching year", () => {
    const biodata = biodataSchema.parse({
      ...validBiodata,
      dobMode: "estimated",
      dateOfBirth: "",
      estimatedAge: "30",
    });
    expect(resolveDateOfBirth(biodata, "2025-06-15")).toEqual({
      dateOfBirth: "1994-07-01",
      dobEstimated: true,
    });
    expect(resolveDateOfBirth(biodata, "2025-07-15")).toEqual({
      dateOfBirth: "1995-07-01",
      dobEstimated: true,
    });
  });
});

describe("duplicateCheckSchema", () => {
  it("accepts the fields a duplicate check needs", () => {
    const input = {
      familyName: "Diallo",
      givenNames: "Fatima",
      sex: "female",
      dateOfBirth: "2001-05-05",
      nationality: "GIN",
    };
    expect(duplicateCheckSchema.safeParse(input).success).toBe(true);
    expect(duplicateCheckSchema.safeParse({ ...input, nationality: "QQQ" }).success).toBe(false);
    expect(duplicateCheckSchema.safeParse({ ...input, dateOfBirth: "" }).success).toBe(false);
    expect(duplicateCheckSchema.safeParse({ ...input, familyName: " " }).success).toBe(false);
  });
});

describe("caseListQuerySchema", () => {
  it("an empty query sorts by most recently registered and filters nothing", () => {
    expect(caseListQuerySchema.parse({})).toEqual({ sort: "registered_desc" });
  });

  it("keeps valid filters", () => {
    const owner = "0f8e3a3c-6a53-4b6e-9a55-7c4c1a1c2b3d";
    expect(
      caseListQuerySchema.parse({
        q: "  Traoré ",
        populationType: "refugee",
        sex: "female",
        ageGroup: "12-17",
        nationality: "SDN",
        mantika: "LY0211",
        baladiya: "LY021104",
        detained: "yes",
        uasc: "unaccompanied",
        status: "open",
        owner,
        sort: "name_asc",
        after: "cursor",
      }),
    ).toEqual({
      q: "Traoré",
      populationType: "refugee",
      sex: "female",
      ageGroup: "12-17",
      nationality: "SDN",
      mantika: "LY0211",
      baladiya: "LY021104",
      detained: "yes",
      uasc: "unaccompanied",
      status: "open",
      owner,
      sort: "name_asc",
      after: "cursor",
    });
  });

  it("garbage values fall back to no filter instead of failing the page", () => {
    const parsed = caseListQuerySchema.parse({
      populationType: "tourist",
      sex: "zzz",
      ageGroup: "20-30",
      nationality: "ZZZ",
      mantika: "LY12",
      baladiya: "TRIPOLI",
      detained: "maybe",
      uasc: "alone",
      status: "deleted",
      owner: "not-a-uuid",
      sort: "bad",
      after: "x".repeat(201),
    });
    expect(parsed).toEqual({ sort: "registered_desc" });
  });

  it("sex=zzz → undefined, sort=bad → registered_desc", () => {
    const parsed = caseListQuerySchema.parse({ sex: "zzz", sort: "bad" });
    expect(parsed.sex).toBeUndefined();
    expect(parsed.sort).toBe("registered_desc");
  });

  it("repeated parameters (arrays) fall back too", () => {
    expect(caseListQuerySchema.parse({ sex: ["male", "female"], sort: ["name_asc", "bad"] })).toEqual({
      sort: "registered_desc",
    });
  });

  it("empty strings from an empty form field mean no filter", () => {
    expect(caseListQuerySchema.parse({ q: "", sex: "", detained: "", status: "" })).toEqual({
      sort: "registered_desc",
    });
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf } from "./field-errors";
import {
  type ChangePasswordInput,
  type CreateUserInput,
  changePasswordSchema,
  createUserSchema,
  PASSWORD_MIN_LENGTH,
  setActiveSchema,
  signInSchema,
  updateUserSchema,
} from "./user";

const validUser = {
  name: "Amina Bello",
  email: "amina.bello@example.org",
  role: "caseworker",
  officeCode: "TIP",
  temporaryPassword: "correct horse battery",
} satisfies CreateUserInput;

function createErrors(input: Partial<Record<keyof CreateUserInput, unknown>>) {
  const result = createUserSchema.safeParse({ ...validUser, ...input });
  return result.success ? {} : fieldErrorsOf(result.error);
}

const validChange = {
  currentPassword: "old password 123",
  newPassword: "brand new passphrase",
  confirmPassword: "brand new passphrase",
} satisfies ChangePasswordInput;

function changeErrors(input: Partial<ChangePasswordInput>) {
  const result = changePasswordSchema.safeParse({ ...validChange, ...input });
  return result.success ? {} : fieldErrorsOf(result.error);
}

const id = "0f8e3a3c-6a53-4b6e-9a55-7c4c1a1c2b3d";

describe("createUserSchema", () => {
  it("accepts a valid user", () => {
    expect(createUserSchema.parse(validUser)).toEqual(validUser);
  });

  it("lower-cases and trims the email", () => {
    expect(createUserSchema.parse({ ...validUser, email: "  Amina.BELLO@Example.ORG " }).email).toBe(
      "amina.bello@example.org",
    );
  });

  it("rejects a password shorter than 12 characters with passwordTooShort", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(createErrors({ temporaryPassword: "a".repeat(11) })).toEqual({
      temporaryPassword: ["passwordTooShort"],
    });
    expect(createErrors({ temporaryPassword: "" })).toEqual({ temporaryPassword: ["passwordTooShort"] });
    expect(createErrors({ temporaryPassword: "a".repeat(12) })).toEqual({});
  });

  it("rejects a password longer than 200 characters with tooLong", () => {
    expect(createErrors({ temporaryPassword: "a".repeat(201) })).toEqual({ temporaryPassword: ["tooLong"] });
    expect(createErrors({ temporaryPassword: "a".repeat(200) })).toEqual({});
  });

  it("rejects a malformed email with invalidEmail", () => {
    for (const email of ["amina", "amina@", "@example.org", "amina bello@example.org"]) {
      expect(createErrors({ email })).toEqual({ email: ["invalidEmail"] });
    }
  });

  it("missing fields → required", () => {
    expect(createErrors({ name: "  " })).toEqual({ name: ["required"] });
    expect(createErrors({ email: undefined })).toEqual({ email: ["required"] });
    expect(createErrors({ temporaryPassword: undefined })).toEqual({ temporaryPassword: ["required"] });
  });

  it("rejects an unknown role or office with required", () => {
    expect(createErrors({ role: "superuser" })).toEqual({ role: ["required"] });
    expect(createErrors({ officeCode: "XYZ" })).toEqual({ officeCode: ["required"] });
  });

  it("rejects a name longer than 120 characters with tooLong", () => {
    expect(createErrors({ name: "n".repeat(121) })).toEqual({ name: ["tooLong"] });
  });
});

describe("updateUserSchema and setActiveSchema", () => {
  it("accept a valid update and coerce the version from a form field", () => {
    expect(updateUserSchema.parse({ id, version: "3", role: "supervisor", officeCode: "BEN" })).toEqual({
      id,
      version: 3,
      role: "supervisor",
      officeCode: "BEN",
    });
    expect(setActiveSchema.parse({ id, version: 1, active: false })).toEqual({
      id,
      version: 1,
      active: false,
    });
  });

  it("reject a malformed id or a version that is not a positive integer", () => {
    const base = { id, version: 1, role: "admin", officeCode: "TIP" };
    expect(updateUserSchema.safeParse({ ...base, id: "42" }).success).toBe(false);
    expect(updateUserSchema.safeParse({ ...base, version: 0 }).success).toBe(false);
    expect(updateUserSchema.safeParse({ ...base, version: "1.5" }).success).toBe(false);
    expect(setActiveSchema.safeParse({ id, version: 1, active: "false" }).success).toBe(false);
  });
});

describe("signInSchema", () => {
  it("normalises the email and requires a password", () => {
    expect(signInSchema.parse({ email: " Admin@Sanad.LY ", password: "x" })).toEqual({
      email: "admin@sanad.ly",
      password: "x",
    });
    const result = signInSchema.safeParse({ email: "admin@sanad.ly", password: "" });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsOf(result.error)).toEqual({ password: ["required"] });
  });
});

describe("changePasswordSchema", () => {
  it("accepts a valid change", () => {
    expect(changeErrors({})).toEqual({});
  });

  it("new and confirmation differ → confirmPassword passwordsDiffer", () => {
    expect(changeErrors({ confirmPassword: "brand new passphrasE" })).toEqual({
      confirmPassword: ["passwordsDiffer"],
    });
  });

  it("new password equal to the current one → newPassword passwordUnchanged", () => {
    expect(
      changeErrors({
        currentPassword: "same passphrase 1",
        newPassword: "same passphrase 1",
        confirmPassword: "same passphrase 1",
      }),
    ).toEqual({ newPassword: ["passwordUnchanged"] });
  });

  it("new password too short → passwordTooShort", () => {
    expect(changeErrors({ newPassword: "short", confirmPassword: "short" })).toEqual({
      newPassword: ["passwordTooShort"],
    });
  });

  it("missing current password or confirmation → required", () => {
    expect(changeErrors({ currentPassword: "" })).toEqual({ currentPassword: ["required"] });
    // The first message is the one a form shows.
    expect(changeErrors({ confirmPassword: "" }).confirmPassword?.[0]).toBe("required");
  });
});

describe("fieldErrorsOf", () => {
  it("gives dotted paths for nested fields and array items", () => {
    const schema = z.object({ biodata: z.object({ languages: z.array(z.string().min(2, "tooShort")) }) });
    const result = schema.safeParse({ biodata: { languages: ["fr", "x"] } });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsOf(result.error)).toEqual({ "biodata.languages.1": ["tooShort"] });
  });

  it("puts errors without a path under _form", () => {
    const schema = z.object({ a: z.string() }).refine(() => false, "invalid");
    const result = schema.safeParse({ a: "x" });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsOf(result.error)).toEqual({ _form: ["invalid"] });
  });

  it("keeps every message of a field, in order", () => {
    const result = changePasswordSchema.safeParse({
      currentPassword: "",
      newPassword: "x",
      confirmPassword: "",
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = fieldErrorsOf(result.error);
    expect(errors.currentPassword).toEqual(["required"]);
    expect(errors.newPassword).toEqual(["passwordTooShort"]);
    expect(errors.confirmPassword).toEqual(["required", "passwordsDiffer"]);
  });
});

"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyFieldErrors } from "@/components/forms/apply-result";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { ScriptButton } from "@/components/forms/script-button";
import type { UserDto } from "@/lib/dal/users/dto";
import type { UpdateUserInput } from "@/lib/validation/user";
import { setUserActiveAction, updateUserAction } from "../actions";
import { RoleOfficeFields } from "../user-fields";

const updateUserResolver = lazyZodResolver(() =>
  import("@/lib/validation/user").then((m) => m.updateUserSchema),
);

type Message = { kind: "ok" | "error"; text: string } | null;

/**
 * The outcome message lives outside the keyed form: a save bumps the version, the refresh
 * remounts the form with fresh defaults, and the message must survive that remount.
 */
export function EditUserForm({ user }: { user: UserDto }) {
  const [message, setMessage] = useState<Message>(null);
  return (
    <div className="card" style={{ maxWidth: "32rem" }}>
      {message ? (
        <div className={`alert ${message.kind}`} role={message.kind === "error" ? "alert" : "status"}>
          {message.text}
        </div>
      ) : null}
      <EditUserFields key={user.version} user={user} setMessage={setMessage} />
    </div>
  );
}

function EditUserFields({ user, setMessage }: { user: UserDto; setMessage: (message: Message) => void }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useForm<UpdateUserInput>({
    resolver: updateUserResolver,
    defaultValues: {
      id: user.id,
      version: user.version,
      role: user.role,
      officeCode: user.officeCode as "TIP",
    },
  });
  const fail = (code: string) => {
    const key = code === "invalid" ? null : code;
    setMessage(key ? { kind: "error", text: t(`errors.${key as "generic"}`) } : null);
  };
  const submit = form.handleSubmit(async (values) => {
    setMessage(null);
    const result = await updateUserAction(values);
    if (result.ok) {
      setMessage({ kind: "ok", text: t("users.saved") });
      router.refresh();
    } else {
      const code = applyFieldErrors(result, form.setError);
      if (code !== "invalid") fail(code);
      else if (result.fieldErrors?._form?.[0])
        setMessage({ kind: "error", text: t(`validation.${result.fieldErrors._form[0] as "required"}`) });
    }
  });
  const toggleActive = () =>
    startTransition(async () => {
      setMessage(null);
      const result = await setUserActiveAction({ id: user.id, version: user.version, active: !user.active });
      if (result.ok) {
        setMessage({ kind: "ok", text: user.active ? t("users.deactivated") : t("users.reactivated") });
        router.refresh();
      } else if (result.fieldErrors?._form?.[0]) {
        setMessage({ kind: "error", text: t(`validation.${result.fieldErrors._form[0] as "required"}`) });
      } else fail(result.code);
    });
  return (
    <>
      <form method="post" onSubmit={submit} noValidate>
        <RoleOfficeFields form={form} />
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t("users.save")}
        </button>
      </form>
      <div className="actions">
        <ScriptButton
          className={user.active ? "danger" : "secondary"}
          onClick={toggleActive}
          disabled={pending}
        >
          {user.active ? t("users.deactivate") : t("users.reactivate")}
        </ScriptButton>
      </div>
    </>
  );
}

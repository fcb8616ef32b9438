import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireContext } from "@/lib/auth/actor";
import { can } from "@/lib/authz";
import { CreateUserForm } from "./create-user-form";

export default async function NewUserPage() {
  const { actor } = await requireContext();
  if (!can(actor.role, "user.create")) notFound();
  const t = await getTranslations("users");
  return (
    <>
      <h1>{t("create")}</h1>
      <CreateUserForm />
    </>
  );
}

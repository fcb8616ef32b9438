import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { listUsers } from "@/lib/dal/users/list-users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ created?: string }> }) {
  const ctx = await requireContext();
  const users = await orNotFound(listUsers(ctx));
  const { created } = await searchParams;
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <>
      <div className="toolbar">
        <h1>{t("users.title")}</h1>
        <Link className="button" href="/admin/users/new">
          {t("users.create")}
        </Link>
      </div>
      {created ? (
        <div className="alert ok" role="status">
          {t("users.created")}
        </div>
      ) : null}
      <table data-testid="user-list">
        <thead>
          <tr>
            <th scope="col">{t("users.name")}</th>
            <th scope="col">{t("users.email")}</th>
            <th scope="col">{t("users.role")}</th>
            <th scope="col">{t("users.office")}</th>
            <th scope="col">{t("users.status")}</th>
            <th scope="col">{t("users.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td dir="ltr">{u.email}</td>
              <td>{t(`roles.${u.role}`)}</td>
              <td>{t(`offices.${u.officeCode as "TIP"}`)}</td>
              <td>
                {u.active ? t("users.active") : t("users.inactive")}
                {u.lockedUntil ? (
                  <div className="muted">
                    {t("users.locked", {
                      time: format.dateTime(new Date(u.lockedUntil), { timeStyle: "short" }),
                    })}
                  </div>
                ) : null}
                {u.mustChangePassword ? <div className="muted">{t("users.mustChange")}</div> : null}
              </td>
              <td>
                <Link href={`/admin/users/${u.id}`}>{t("users.edit")}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

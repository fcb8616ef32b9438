import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { CaseHeader } from "@/components/case-lifecycle/case-header";
import { NoteEditor } from "@/components/case-lifecycle/note-editor";
import { NoteForm } from "@/components/case-lifecycle/note-form";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { listNotes } from "@/lib/dal/case-lifecycle/list-notes";

export const metadata: Metadata = { robots: { index: false } };

export default async function CaseNotesPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext();
  const { id } = await params;
  const { notes, canWrite } = await orNotFound(listNotes(ctx, id));
  const t = await getTranslations();
  const format = await getFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });

  return (
    <>
      <CaseHeader id={id} active="notes" />
      {canWrite ? (
        <section className="card">
          <NoteForm beneficiaryId={id} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="case-notes">
        <h2 id="case-notes" style={{ marginBlockStart: 0 }}>
          {t("lifecycle.notes.title")}
        </h2>
        {notes.length === 0 ? <p className="muted">{t("lifecycle.notes.empty")}</p> : null}
        <ol className="case-notes">
          {notes.map((n) => (
            <li key={n.id}>
              <p className="muted">
                {t("lifecycle.notes.byline", { author: n.authorName, when: when(n.createdAt) })}
                {n.editedAt ? ` · ${t("lifecycle.notes.edited", { when: when(n.editedAt) })}` : ""}
              </p>
              <p className="note-body">{n.body}</p>
              {n.editableUntil ? (
                <>
                  <p className="muted">
                    {t("lifecycle.notes.editableUntil", { when: when(n.editableUntil) })}
                  </p>
                  <NoteEditor note={n} />
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

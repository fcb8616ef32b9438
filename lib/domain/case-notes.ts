/**
 * Case notes are the case's memory: signed by their author, timestamped, never deleted. The
 * author may correct a note shortly after writing it (a typo, a wrong word); after that window a
 * correction is a new note, so what others have read stays as they read it.
 */

export const DEFAULT_NOTE_EDIT_WINDOW_MINUTES = 15;

/** The edit window from configuration (SANAD_NOTE_EDIT_WINDOW_MINUTES), falling back to the default. */
export function noteEditWindowMinutes(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SANAD_NOTE_EDIT_WINDOW_MINUTES;
  if (raw === undefined || raw.trim() === "") return DEFAULT_NOTE_EDIT_WINDOW_MINUTES;
  const minutes = Number(raw);
  return Number.isInteger(minutes) && minutes >= 0 && minutes <= 24 * 60
    ? minutes
    : DEFAULT_NOTE_EDIT_WINDOW_MINUTES;
}

export interface NoteAuthorship {
  authorId: string;
  createdAt: Date;
}

/** When the author's chance to edit ends. */
export function editableUntil(note: NoteAuthorship, windowMinutes: number): Date {
  return new Date(note.createdAt.getTime() + windowMinutes * 60_000);
}

/** Only the author, and only until the window closes (the end itself is already too late). */
export function canEditNote(
  note: NoteAuthorship,
  actorId: string,
  now: Date,
  windowMinutes: number,
): boolean {
  return note.authorId === actorId && now.getTime() < editableUntil(note, windowMinutes).getTime();
}

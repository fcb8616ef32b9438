import { describe, expect, it } from "vitest";
import {
  canEditNote,
  DEFAULT_NOTE_EDIT_WINDOW_MINUTES,
  editableUntil,
  noteEditWindowMinutes,
} from "./case-notes";

const written = new Date("2025-03-01T10:00:00Z");
const note = { authorId: "author", createdAt: written };
const at = (minutes: number, seconds = 0) => new Date(written.getTime() + minutes * 60_000 + seconds * 1000);

describe("note edit window", () => {
  it("defaults to 15 minutes", () => {
    expect(DEFAULT_NOTE_EDIT_WINDOW_MINUTES).toBe(15);
    expect(noteEditWindowMinutes({})).toBe(15);
    expect(editableUntil(note, 15).toISOString()).toBe("2025-03-01T10:15:00.000Z");
  });

  it("lets the author edit until just before the window closes", () => {
    expect(canEditNote(note, "author", at(0), 15)).toBe(true);
    expect(canEditNote(note, "author", at(14, 59), 15)).toBe(true);
  });

  it("closes exactly at the end of the window and stays closed", () => {
    expect(canEditNote(note, "author", at(15), 15)).toBe(false);
    expect(canEditNote(note, "author", at(60 * 24 * 365), 15)).toBe(false);
  });

  it("never lets anyone but the author edit, even inside the window", () => {
    expect(canEditNote(note, "supervisor", at(0), 15)).toBe(false);
    expect(canEditNote(note, "someone", at(1), 15)).toBe(false);
  });

  it("a zero window means notes are never editable", () => {
    expect(canEditNote(note, "author", at(0), 0)).toBe(false);
  });

  it("reads the window from configuration and ignores nonsense", () => {
    expect(noteEditWindowMinutes({ SANAD_NOTE_EDIT_WINDOW_MINUTES: "30" })).toBe(30);
    expect(noteEditWindowMinutes({ SANAD_NOTE_EDIT_WINDOW_MINUTES: "0" })).toBe(0);
    for (const bad of ["", " ", "-1", "1.5", "abc", "100000"]) {
      expect(noteEditWindowMinutes({ SANAD_NOTE_EDIT_WINDOW_MINUTES: bad })).toBe(15);
    }
  });
});

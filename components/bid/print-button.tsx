"use client";
import { ScriptButton } from "@/components/forms/script-button";

export function PrintButton({ label }: { label: string }) {
  return <ScriptButton onClick={() => window.print()}>{label}</ScriptButton>;
}

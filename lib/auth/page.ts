import "server-only";
import { notFound } from "next/navigation";
import { DalError } from "@/lib/dal/errors";

/** For pages: a record out of scope, missing, or forbidden to the role is the same "not found". */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof DalError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
}

import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, inject } from "vitest";
import { closeDb } from "../../db/client";
import { connectionOf, withDatabase } from "./global-setup";

const server = new URL(inject("serverUrl"));
const template = inject("templateDatabase");
const prefix = server.pathname.slice(1) || "sanad_test";
const name = `${prefix}_f_${randomBytes(4).toString("hex")}`;
const admin = postgres({ ...connectionOf(server), database: "postgres", max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}" template "${template}"`);
process.env.DATABASE_URL = withDatabase(server, name);

afterAll(async () => {
  await closeDb();
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
});

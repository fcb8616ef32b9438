-- RFC 9562 version 7 UUIDs (lib/domain/ids.ts makes the same in the server): the first 48 bits
-- are the Unix time in milliseconds, the rest of v4's random bits stay, with the version nibble
-- turned from 4 to 7 (bits 52 and 53 of the bytea). PostgreSQL 18 has uuidv7(); this runs on 15.
CREATE FUNCTION uuid_v7() RETURNS uuid
LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
        placing substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
        FROM 1 FOR 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;--> statement-breakpoint
ALTER TABLE "consents" ALTER COLUMN "id" SET DEFAULT uuid_v7();

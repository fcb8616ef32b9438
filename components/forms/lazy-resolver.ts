import type { FieldValues, Resolver } from "react-hook-form";
import type * as z4 from "zod/v4/core";

type Schema = z4.$ZodType<unknown, FieldValues>;

/**
 * `zodResolver(schema)` whose schema and zod itself arrive with a dynamic import, so neither is
 * part of the JavaScript a form's page needs before it can be used. The import starts once the
 * browser is idle after the page loads, and at the latest on the form's first validation, which
 * waits for it; from then on validation is exactly `zodResolver`'s, with the same schema the
 * server action parses with.
 *
 * Call it at module level, not in a component, so that each form loads its schema once:
 * `const resolver = lazyZodResolver(() => import("@/lib/validation/x").then((m) => m.xSchema));`
 */
export function lazyZodResolver<S extends Schema>(
  load: () => Promise<S>,
): Resolver<z4.input<S> & FieldValues, unknown, z4.output<S> & FieldValues> {
  type Loaded = Resolver<z4.input<S> & FieldValues, unknown, z4.output<S> & FieldValues>;
  let loaded: Promise<Loaded> | undefined;
  const get = (): Promise<Loaded> => {
    loaded ??= Promise.all([load(), import("@hookform/resolvers/zod")]).then(
      ([schema, { zodResolver }]) => zodResolver(schema) as unknown as Loaded,
      (error: unknown) => {
        // A failed download (the network dropped) is tried again on the next validation.
        loaded = undefined;
        throw error;
      },
    );
    return loaded;
  };
  whenIdle(() => void get().catch(() => {}));
  return async (values, context, options) => (await get())(values, context, options);
}

/**
 * Loads a zod schema for code that validates by hand (`safeParse`) rather than through a
 * resolver; starts when the browser is idle, like `lazyZodResolver`.
 */
export function lazySchema<S extends z4.$ZodType>(load: () => Promise<S>): () => Promise<S> {
  let loaded: Promise<S> | undefined;
  const get = (): Promise<S> => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
  whenIdle(() => void get().catch(() => {}));
  return get;
}

function whenIdle(run: () => void): void {
  if (typeof window === "undefined") return;
  if ("requestIdleCallback" in window) window.requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}

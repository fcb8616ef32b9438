import { childProtectionV1 } from "./child-protection/v1";
import { counterTraffickingV1 } from "./counter-trafficking/v1";
import { fitToTravelV1 } from "./fit-to-travel/v1";
import { k10V1 } from "./k10/v1";
import { phq9V1 } from "./phq9/v1";
import type { Definition, InstrumentId } from "./types";
import { vulnerabilityV1 } from "./vulnerability/v1";

export { allItems, isVisible } from "./build-schema";
export * from "./form-values";
export * from "./types";

/**
 * Every version ever released, kept forever: a stored screening is read with the definition of its
 * own version. A change to items or rules is a new version file, never an edit of an old one.
 */
const DEFINITIONS: readonly Definition[] = [
  vulnerabilityV1,
  counterTraffickingV1,
  fitToTravelV1,
  k10V1,
  phq9V1,
  childProtectionV1,
];

export function allDefinitions(): readonly Definition[] {
  return DEFINITIONS;
}

export function getDefinition(id: string, version: number): Definition | undefined {
  return DEFINITIONS.find((d) => d.id === id && d.version === version);
}

export function latestVersion(id: InstrumentId): number {
  const versions = DEFINITIONS.filter((d) => d.id === id).map((d) => d.version);
  if (versions.length === 0) throw new Error(`No definition for instrument ${id}`);
  return Math.max(...versions);
}

export function latestDefinition(id: InstrumentId): Definition {
  const definition = getDefinition(id, latestVersion(id));
  if (!definition) throw new Error(`No definition for instrument ${id}`);
  return definition;
}

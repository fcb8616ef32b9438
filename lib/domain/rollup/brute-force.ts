import { ageAt, ageGroupOf } from "../age";
import { POPULATION_TYPES, type PopulationType, type Sex } from "../beneficiary";
import { type IndicatorRule, qualifies } from "./eligibility";
import {
  byKey,
  type IndicatorCounts,
  type KeyCount,
  NO_PROJECT,
  type RollupOverview,
  type RollupQuery,
  sexAgeKey,
} from "./types";

/**
 * The reference count: straight from the definition, over every service row, with no facts, no
 * months and no SQL. Slow on purpose; the property tests hold the real roll-up to it.
 */

export interface RefPerson {
  id: string;
  sex: Sex;
  nationality: string;
  dateOfBirth: string;
}

export interface RefService {
  beneficiaryId: string;
  type: string;
  date: string;
  baladiya: string;
  mantika: string;
  region: string;
  office: string;
  donorProjectId: string | null;
  populationType: PopulationType;
  detained: boolean;
  voided: boolean;
}

export interface RefIndicator extends IndicatorRule {
  code: string;
  programmeCode: string;
}

interface Hit {
  person: RefPerson;
  s: RefService;
}

function hitsFor(
  people: ReadonlyMap<string, RefPerson>,
  services: readonly RefService[],
  indicator: RefIndicator,
  q: RollupQuery,
): Hit[] {
  const out: Hit[] = [];
  for (const s of services) {
    if (s.voided || s.date < q.start || s.date > q.end) continue;
    if (q.officeCode && s.office !== q.officeCode) continue;
    if (q.mantikaPcode && s.mantika !== q.mantikaPcode) continue;
    const person = people.get(s.beneficiaryId);
    if (!person) continue;
    if (!qualifies(indicator, { ...s, dateOfBirth: person.dateOfBirth })) continue;
    out.push({ person, s });
  }
  return out;
}

/** The order that decides a person's first service: date, then detained first, then population order. */
function earlier(a: RefService, b: RefService): boolean {
  if (a.date !== b.date) return a.date < b.date;
  if (a.detained !== b.detained) return a.detained;
  return POPULATION_TYPES.indexOf(a.populationType) < POPULATION_TYPES.indexOf(b.populationType);
}

function tally(keys: Iterable<string>): KeyCount[] {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort(byKey);
}

function distinctPairs(hits: Hit[], keyOf: (s: RefService) => string): KeyCount[] {
  const pairs = new Set<string>();
  for (const h of hits) pairs.add(`${keyOf(h.s)}\u0000${h.person.id}`);
  return tally([...pairs].map((p) => p.split("\u0000")[0] as string));
}

export function bruteForceIndicator(
  people: readonly RefPerson[],
  services: readonly RefService[],
  indicator: RefIndicator,
  q: RollupQuery,
): IndicatorCounts {
  const byId = new Map(people.map((p) => [p.id, p]));
  const hits = hitsFor(byId, services, indicator, q);
  const first = new Map<string, Hit>();
  for (const h of hits) {
    const current = first.get(h.person.id);
    if (!current || earlier(h.s, current.s)) first.set(h.person.id, h);
  }
  const firsts = [...first.values()];
  return {
    total: firsts.length,
    bySexAge: tally(
      firsts.map((h) => sexAgeKey(h.person.sex, ageGroupOf(ageAt(h.person.dateOfBirth, h.s.date)))),
    ),
    byPopulation: tally(firsts.map((h) => h.s.populationType)),
    byNationality: tally(firsts.map((h) => h.person.nationality)),
    byDetention: tally(firsts.map((h) => (h.s.detained ? "detained" : "community"))),
    byRegion: distinctPairs(hits, (s) => s.region),
    byMantika: distinctPairs(hits, (s) => s.mantika),
    byBaladiya: distinctPairs(hits, (s) => s.baladiya),
    byOffice: distinctPairs(hits, (s) => s.office),
    byDonorProject: distinctPairs(hits, (s) => s.donorProjectId ?? NO_PROJECT),
    newByMonth: tally(firsts.map((h) => `${h.s.date.slice(0, 7)}-01`)),
  };
}

export function bruteForceOverview(
  people: readonly RefPerson[],
  services: readonly RefService[],
  indicators: readonly RefIndicator[],
  q: RollupQuery,
): RollupOverview {
  const byId = new Map(people.map((p) => [p.id, p]));
  const perIndicator = new Map<string, Set<string>>();
  const perProgramme = new Map<string, Set<string>>();
  const mission = new Set<string>();
  for (const indicator of indicators) {
    const ids = new Set(hitsFor(byId, services, indicator, q).map((h) => h.person.id));
    if (ids.size > 0) perIndicator.set(indicator.code, ids);
    const programme = perProgramme.get(indicator.programmeCode) ?? new Set<string>();
    for (const id of ids) {
      programme.add(id);
      mission.add(id);
    }
    if (programme.size > 0) perProgramme.set(indicator.programmeCode, programme);
  }
  const counts = (m: Map<string, Set<string>>) =>
    [...m].map(([key, ids]) => ({ key, count: ids.size })).sort(byKey);
  return { indicators: counts(perIndicator), programmes: counts(perProgramme), mission: mission.size };
}

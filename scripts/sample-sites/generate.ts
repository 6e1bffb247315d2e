/**
 * Generates a SAMPLE site catalog for Ontario: synthetic data for demos, tests and benchmarks, NOT a
 * directory of real sites. School boards, library systems, municipalities, cities and forward
 * sortation areas are real (`data.ts`); every site name, address and full postal code is invented.
 *
 * Deterministic: the same count and seed give the same sites (seeded PRNG, no Math.random, no
 * locale-dependent sorting). `generateSampleSites` is pure so a benchmark can make 50,000 sites
 * in-process; `scripts/generate-sample-sites.ts` writes them to a CSV file.
 */
import type { Site, SiteCategory } from '../../functions/domain/site';
import {
  type Board,
  type BoardKind,
  BOARDS,
  CITIES,
  type City,
  cityNamed,
  CLERGY_FIRST,
  CLERGY_TITLES,
  COMMUNITIES,
  DEVOTIONS,
  FR_ARTICLE_WORDS,
  FR_CATHOLIC_FIXED,
  FR_COMPOUND_A,
  FR_COMPOUND_B,
  FR_FIRST,
  FR_L_WORDS,
  FR_LAST,
  FR_PEOPLE,
  FR_PLACE_PHRASES,
  FR_SAINTS_F,
  FR_SAINTS_M,
  FRENCH_STREETS,
  GENERIC_STREETS,
  MANDIR_DEITIES,
  MASJID_NAMES,
  ORTHODOX,
  ORTHODOX_SAINTS,
  PEOPLE,
  POSSESSIVE_SAINTS,
  RECEPTION_CENTRES,
  SAINTS,
  STEM_FIRST,
  STEM_JOINED,
  STEM_WORD,
  STREET_TYPES,
  SURNAMES,
  SYNAGOGUE_WORDS,
} from './data';

export const DEFAULT_COUNT = 5_200;
export const DEFAULT_SEED = 20_250_416;

/** Share of the catalog that is schools; reception centres are a few dozen; the rest are non-schools. */
const SCHOOL_SHARE = 0.75;
const RECEPTION_SHARE = 0.008;
const MAX_RECEPTION_CENTRES = 60;
const INACTIVE_SHARE = 0.03;
const SECONDARY_SHARE = 0.22;

// ---------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------

/** mulberry32: a tiny, fast 32-bit PRNG; good enough for sample data, fully deterministic. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A numeric seed as is; any other string hashed with FNV-1a. */
export function seedFrom(seed: number | string): number {
  if (typeof seed === 'number') return seed >>> 0;
  if (/^\d+$/.test(seed)) return Number(seed) >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }
}

/** Postal-code letters that may follow the first (never D, F, I, O, Q, U). */
const LDU_LETTERS = 'ABCEGHJKLMNPRSTVWXYZ';

export interface GenerateOptions {
  count: number;
  seed: number | string;
}

/** A deterministic SAMPLE catalog of `count` Ontario sites (about 75% schools, a few dozen reception centres). */
export function generateSampleSites({ count, seed }: GenerateOptions): Site[] {
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`count must be a non-negative integer, got ${count}`);
  const rng = new Rng(seedFrom(seed));
  const gen = new Generator(rng);

  const reception = count >= 3 ? Math.min(MAX_RECEPTION_CENTRES, Math.max(1, Math.round(count * RECEPTION_SHARE))) : 0;
  // From 3 sites on, every category is present.
  const schools = Math.min(count - reception - (count >= 3 ? 1 : 0), Math.round(count * SCHOOL_SHARE));
  const nonSchools = count - reception - schools;

  const sites: Site[] = [];
  const perBoard = apportion(
    schools,
    BOARDS.map((b) => b.schools),
  );
  BOARDS.forEach((board, i) => {
    for (let k = 0; k < (perBoard[i] as number); k += 1) sites.push(gen.school(board));
  });
  for (let k = 0; k < nonSchools; k += 1) sites.push(gen.nonSchool());
  for (let k = 0; k < reception; k += 1) sites.push(gen.receptionCentre(k));
  return sites;
}

/** Splits `total` in proportion to `weights` (largest remainder), giving each a share when there is enough. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const base = weights.length <= total ? 1 : 0;
  const rest = total - base * weights.length;
  const exact = weights.map((w) => (rest * w) / sum);
  const shares = exact.map((x) => base + Math.floor(x));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] as number) + 1;
    left -= 1;
  }
  return shares;
}

type NonSchoolKind = 'library' | 'community' | 'settlement' | 'worship' | 'shelter' | 'y' | 'housing';

const NON_SCHOOL_KINDS: readonly (readonly [NonSchoolKind, number])[] = [
  ['library', 18],
  ['community', 24],
  ['settlement', 15],
  ['worship', 22],
  ['shelter', 10],
  ['y', 5],
  ['housing', 6],
];

class Generator {
  private readonly ids: Record<SiteCategory, number> = { SCHOOL: 0, NON_SCHOOL: 0, RECEPTION_CENTRE: 0 };
  private readonly names = new Set<string>();
  private readonly cityWeights: readonly (readonly [City, number])[] = CITIES.map((c) => [c, c.population] as const);

  constructor(private readonly rng: Rng) {}

  school(board: Board): Site {
    const rng = this.rng;
    const c = rng.weighted(board.cities.map((name) => [cityNamed(name), cityNamed(name).population] as const));
    const secondary = rng.chance(SECONDARY_SHARE);
    const name = this.unique(c, board.name, () => this.schoolName(board.kind, secondary, c), ' – Campus ');
    // Street names follow the town, not the board: French-board schools in Hamilton are on English streets.
    return this.site('SCHOOL', name, board.name, c, this.address(c, c.francophone === true));
  }

  nonSchool(): Site {
    const rng = this.rng;
    const c = rng.weighted(this.cityWeights);
    let kind = rng.weighted(NON_SCHOOL_KINDS);
    if (kind === 'housing' && !c.housing) kind = 'community';
    let group: string;
    let make: () => string;
    const place = () => this.place(c);
    switch (kind) {
      case 'library':
        group = c.library;
        make = () => `${c.library} – ${rng.chance(0.08) ? rng.pick(['Central', 'Main', 'Downtown']) : place()} Branch`;
        break;
      case 'community':
        group = `${c.municipality} Community Centres`;
        make = () => this.communityCentreName(c);
        break;
      case 'settlement':
        group = `Settlement Agencies – ${c.region}`;
        make = () => this.settlementName(c);
        break;
      case 'worship':
        group = `Places of Worship – ${c.region}`;
        make = () => this.worshipName(c);
        break;
      case 'shelter':
        group = `Shelters – ${c.region}`;
        make = () => this.shelterName(c);
        break;
      case 'y':
        group = `YMCA / YWCA – ${c.region}`;
        make = () => this.yName(c);
        break;
      case 'housing':
        group = c.housing as string;
        make = () =>
          `${group} – ${place()} ${rng.pick(['Community Room', 'Tenant Resource Room', 'Community Space', 'Family Resource Centre'])}`;
        break;
    }
    const name = this.unique(c, group, make, ' – Site ');
    const withUnit = kind === 'settlement' || kind === 'y' || (kind === 'shelter' && rng.chance(0.3));
    return this.site('NON_SCHOOL', name, group, c, this.address(c, c.francophone === true, withUnit && rng.chance(0.5)));
  }

  receptionCentre(index: number): Site {
    const base = RECEPTION_CENTRES[index % RECEPTION_CENTRES.length] as (typeof RECEPTION_CENTRES)[number];
    const round = Math.floor(index / RECEPTION_CENTRES.length);
    const c = cityNamed(base.city);
    const name = this.unique(c, base.group, () => (round === 0 ? base.name : `${base.name} – Annex ${round + 1}`), ' – Annex ');
    return this.site('RECEPTION_CENTRE', name, base.group, c, this.address(c, c.francophone === true, this.rng.chance(0.5)));
  }

  private site(category: SiteCategory, name: string, group: string, c: City, address: string): Site {
    this.ids[category] += 1;
    const prefix = category === 'SCHOOL' ? 'SCH' : category === 'NON_SCHOOL' ? 'NSC' : 'REC';
    return {
      siteId: `ON-${prefix}-${String(this.ids[category]).padStart(6, '0')}`,
      name,
      category,
      group,
      address,
      city: c.name,
      postalCode: this.postalCode(c),
      active: !this.rng.chance(INACTIVE_SHARE),
    };
  }

  /** A name not yet used in this city and group; after many tries, a numbered variant. */
  private unique(c: City, group: string, make: () => string, suffix: string): string {
    const key = (n: string) => `${c.name}\u0000${group}\u0000${n}`;
    let name = make();
    for (let tries = 0; tries < 40 && this.names.has(key(name)); tries += 1) name = make();
    if (this.names.has(key(name))) {
      let k = 2;
      while (this.names.has(key(`${name}${suffix}${k}`))) k += 1;
      name = `${name}${suffix}${k}`;
    }
    this.names.add(key(name));
    return name;
  }

  private postalCode(c: City): string {
    const rng = this.rng;
    return `${rng.pick(c.fsas)} ${rng.int(0, 9)}${rng.pick([...LDU_LETTERS])}${rng.int(0, 9)}`;
  }

  private address(c: City, french: boolean, withUnit = false): string {
    const rng = this.rng;
    const roll = rng.float();
    const number = roll < 0.7 ? rng.int(1, 999) : roll < 0.95 ? rng.int(1000, 4999) : rng.int(5000, 9999);
    let street: string;
    if (french || c.francophone) {
      street = rng.chance(0.6)
        ? rng.pick(FRENCH_STREETS)
        : `${rng.pick(['rue', 'avenue', 'chemin', 'boulevard', 'promenade'])} ${rng.pick([...FR_LAST, ...FR_SAINTS_M.map((s) => `Saint-${s}`)])}`;
    } else if (rng.chance(0.55)) {
      street = rng.pick(c.streets ?? GENERIC_STREETS);
    } else {
      const stem = this.stem();
      // No "Elmgate Gate" or "Cedar Ridge Ridge".
      const types = STREET_TYPES.filter((t) => !stem.toLowerCase().endsWith(t.toLowerCase()));
      street = `${stem} ${rng.pick(types)}`;
    }
    const base = `${number} ${street}`;
    if (!withUnit) return base;
    const unit = rng.int(1, 40) * 10 + rng.int(0, 9);
    return french || c.francophone ? `${base}, bureau ${unit}` : rng.chance(0.5) ? `${base}, Suite ${unit}` : `${unit}-${base}`;
  }

  /** An invented place-like stem: "Maplewood", "Cedar Heights". */
  private stem(): string {
    const rng = this.rng;
    const first = rng.pick(STEM_FIRST);
    if (rng.chance(0.55)) {
      const joined = rng.pick(STEM_JOINED.filter((s) => !first.toLowerCase().endsWith(s) && first.toLowerCase() !== s));
      return `${first}${joined}`;
    }
    // No "Meadow Meadows" or "Hill Hills".
    return `${first} ${rng.pick(STEM_WORD.filter((w) => !w.toLowerCase().startsWith(first.toLowerCase())))}`;
  }

  /** A neighbourhood of the city, or an invented stem. */
  private place(c: City): string {
    const rng = this.rng;
    if (c.neighbourhoods && rng.chance(0.6)) return rng.pick(c.neighbourhoods);
    if (rng.chance(0.1)) return rng.pick(['North End', 'South End', 'East End', 'West End', 'Downtown']);
    return this.stem();
  }

  private schoolName(kind: BoardKind, secondary: boolean, c: City): string {
    const rng = this.rng;
    switch (kind) {
      case 'en-public': {
        const stem = rng.chance(0.2) ? rng.pick(PEOPLE) : c.neighbourhoods && rng.chance(0.15) ? rng.pick(c.neighbourhoods) : this.stem();
        if (secondary) {
          return `${stem} ${rng.weighted([
            ['Secondary School', 40],
            ['Collegiate Institute', 15],
            ['High School', 10],
            ['District Secondary School', 10],
            ['Collegiate and Vocational Institute', 4],
            ['Secondary School for the Arts', 1],
          ] as const)}`;
        }
        return `${stem} ${rng.weighted([
          ['Public School', 55],
          ['Junior Public School', c.name === 'Toronto' ? 25 : 0],
          ['Senior Public School', c.name === 'Toronto' ? 6 : 0],
          ['Elementary School', 10],
          ['Middle School', 5],
          ['Junior and Senior Public School', c.name === 'Toronto' ? 4 : 0],
        ] as const)}`;
      }
      case 'en-catholic': {
        const roll = rng.float();
        let stem: string;
        if (roll < 0.6) {
          stem = rng.chance(0.3) ? `St. ${rng.pick(POSSESSIVE_SAINTS)}'s` : `St. ${rng.pick(SAINTS)}`;
        } else if (roll < 0.85) {
          stem = rng.pick(DEVOTIONS);
        } else {
          const title = rng.pick(CLERGY_TITLES);
          stem = title === 'Father' ? `Father ${rng.pick(CLERGY_FIRST)} ${rng.pick(SURNAMES)}` : `${title} ${rng.pick(SURNAMES)}`;
        }
        if (secondary)
          return `${stem} ${rng.weighted([
            ['Catholic Secondary School', 12],
            ['Catholic High School', 2],
            ['Catholic College', 1],
          ] as const)}`;
        return `${stem} ${rng.weighted([
          ['Catholic Elementary School', 6],
          ['Catholic School', 3],
          ['Catholic Elementary', 1],
        ] as const)}`;
      }
      case 'fr-public': {
        const stem = this.frenchLayStem();
        const type = secondary
          ? rng.weighted([
              ['École secondaire', 4],
              ['École secondaire publique', 4],
              ['Collège', 1],
            ] as const)
          : rng.weighted([
              ['École élémentaire', 5],
              ['École élémentaire publique', 3],
              ['École publique', 1],
            ] as const);
        return `${type} ${stem}`;
      }
      case 'fr-catholic': {
        const stem = rng.chance(0.8) ? this.frenchCatholicStem() : this.frenchLayStem();
        const type = secondary
          ? rng.weighted([
              ['École secondaire catholique', 8],
              ['Collège catholique', 1],
            ] as const)
          : rng.weighted([
              ['École élémentaire catholique', 6],
              ['École catholique', 2],
            ] as const);
        return `${type} ${stem}`;
      }
    }
  }

  private frenchLayStem(): string {
    const rng = this.rng;
    const roll = rng.float();
    if (roll < 0.22) return rng.pick(FR_PEOPLE);
    if (roll < 0.4) return `${rng.pick(FR_FIRST)}-${rng.pick(FR_LAST)}`;
    if (roll < 0.58) return rng.pick(FR_L_WORDS);
    if (roll < 0.74) return rng.pick(FR_ARTICLE_WORDS);
    if (roll < 0.88) return rng.pick(FR_PLACE_PHRASES);
    const a = rng.pick(FR_COMPOUND_A);
    return `${a}-${rng.pick(FR_COMPOUND_B.filter((b) => b !== a))}`;
  }

  /** A French stem that is not a person's name: "La Source", "L'Escale", "Val-Fleuri". */
  private frenchPlaceStem(): string {
    const rng = this.rng;
    if (rng.chance(0.8)) return rng.pick([...FR_L_WORDS, ...FR_ARTICLE_WORDS]);
    const a = rng.pick(FR_COMPOUND_A);
    return `${a}-${rng.pick(FR_COMPOUND_B.filter((b) => b !== a))}`;
  }

  private frenchCatholicStem(): string {
    const rng = this.rng;
    const roll = rng.float();
    if (roll < 0.4) return rng.pick(FR_CATHOLIC_FIXED);
    if (roll < 0.75) return `Saint-${rng.pick(FR_SAINTS_M)}`;
    return `Sainte-${rng.pick(FR_SAINTS_F)}`;
  }

  private communityCentreName(c: City): string {
    const rng = this.rng;
    if ((c.francophone || ['Ottawa', 'Sudbury', 'Timmins', 'North Bay'].includes(c.name)) && rng.chance(c.francophone ? 0.6 : 0.12)) {
      return `Centre communautaire ${rng.chance(0.5) ? this.frenchLayStem() : this.frenchCatholicStem()}`;
    }
    const place = this.place(c);
    return `${place} ${rng.weighted([
      ['Community Centre', 50],
      ['Recreation Centre', 20],
      ['Community Hub', 10],
      ["Seniors' Centre", 5],
      ['Neighbourhood Centre', 8],
      ['Family Resource Centre', 7],
    ] as const)}`;
  }

  private settlementName(c: City): string {
    const rng = this.rng;
    const place = this.place(c);
    switch (rng.int(0, 6)) {
      case 0:
        return `${this.stem()} Newcomer Services`;
      case 1:
        return `${c.name} Immigrant Services – ${place} Office`;
      case 2:
        return `Newcomer Information Centre – ${place}`;
      case 3:
        return `${rng.pick(COMMUNITIES)} Community Services – ${place}`;
      case 4:
        return `${this.stem()} Multicultural Centre`;
      case 5:
        return `${rng.pick(COMMUNITIES)} Women's Settlement Network – ${place}`;
      default:
        return rng.chance(0.5) ? `Centre francophone d'établissement – ${place}` : `Services d'établissement ${this.frenchPlaceStem()}`;
    }
  }

  private worshipName(c: City): string {
    const rng = this.rng;
    const place = this.place(c);
    switch (rng.int(0, 13)) {
      case 0:
        return `St. ${rng.pick(POSSESSIVE_SAINTS)}'s Anglican Church`;
      case 1:
        return `${this.stem()} United Church`;
      case 2:
        return `${place} Baptist Church`;
      case 3:
        return `St. ${rng.pick(POSSESSIVE_SAINTS)}'s Presbyterian Church`;
      case 4:
        return rng.chance(0.5) ? `St. ${rng.pick(SAINTS)} Catholic Church` : `${rng.pick(DEVOTIONS)} Parish`;
      case 5:
        return c.francophone || rng.chance(0.2) ? `Paroisse ${this.frenchCatholicStem()}` : `${place} Pentecostal Church`;
      case 6:
        return rng.chance(0.5) ? `Islamic Centre of ${place}` : `Masjid ${rng.pick(MASJID_NAMES)} – ${place}`;
      case 7:
        return `${place} Gurdwara Sahib`;
      case 8:
        return rng.chance(0.5) ? `Shri ${rng.pick(MANDIR_DEITIES)} Mandir` : `${place} Hindu Temple`;
      case 9:
        return `Congregation Beth ${rng.pick(SYNAGOGUE_WORDS)}`;
      case 10:
        return `${place} Buddhist Temple`;
      case 11:
        return `St. ${rng.pick(ORTHODOX_SAINTS)} ${rng.pick(ORTHODOX)}`;
      case 12:
        return rng.chance(0.5) ? `Église évangélique ${this.frenchPlaceStem()}` : `${place} Mennonite Church`;
      default:
        return `${this.stem()} Community Church`;
    }
  }

  private shelterName(c: City): string {
    const rng = this.rng;
    if (c.francophone && rng.chance(0.5)) return `Maison ${rng.pick(FR_PEOPLE)}`;
    const roll = rng.int(0, 6);
    if (roll === 0) return `Refugee Family Residence – ${this.place(c)}`;
    return `${this.stem()} ${rng.pick(['House', 'Family Shelter', "Women's Shelter", 'Youth Shelter', 'Transitional Housing', 'Emergency Shelter'])}`;
  }

  private yName(c: City): string {
    const rng = this.rng;
    const place = this.place(c);
    return rng.pick([
      `YMCA ${place} Centre`,
      `YMCA Newcomer Information Centre – ${place}`,
      `YWCA ${place} Women's Centre`,
      `YMCA Employment & Community Services – ${place}`,
      `YMCA Language Assessment Centre – ${place}`,
      `YWCA ${place} Family Centre`,
    ]);
  }
}

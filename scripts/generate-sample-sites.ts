/**
 * Generates a SAMPLE site catalog for Ontario: synthetic data for demos, tests and benchmarks, NOT a
 * directory of real sites. School boards, library systems, municipalities, cities and forward
 * sortation areas are real; every site name, address and full postal code is invented.
 *
 *   npx tsx scripts/generate-sample-sites.ts [--count N] [--seed S] [--out file]
 *
 * Deterministic: the same count and seed give a byte-identical file (seeded PRNG, no Math.random,
 * no locale-dependent sorting). `generateSampleSites` is pure so a benchmark can make 50,000 sites
 * in-process.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Site, SiteCategory } from '../functions/domain/site';
import { sitesToCsv } from '../functions/domain/site-catalog-csv';

export { sitesToCsv as toCsv };

export const DEFAULT_COUNT = 5_200;
export const DEFAULT_SEED = 20_250_416;
export const DEFAULT_OUT = 'data/sites/sample-ontario-sites.csv';

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

// ---------------------------------------------------------------------------------------------
// Geography: real cities, their real forward sortation areas, region and municipal names
// ---------------------------------------------------------------------------------------------

type Region =
  | 'Toronto'
  | 'Peel'
  | 'York'
  | 'Durham'
  | 'Halton'
  | 'Hamilton'
  | 'Niagara'
  | 'Waterloo Region'
  | 'Wellington–Dufferin'
  | 'Brant'
  | 'Simcoe'
  | 'London Area'
  | 'Windsor-Essex'
  | 'Lambton–Kent'
  | 'Grey–Bruce'
  | 'Ottawa'
  | 'Eastern Ontario'
  | 'Peterborough'
  | 'Northeastern Ontario'
  | 'Northwestern Ontario';

interface City {
  name: string;
  /** Real forward sortation areas (first half of the postal code) of the city. */
  fsas: readonly string[];
  region: Region;
  /** Population in thousands (roughly): how many non-school sites it gets. */
  population: number;
  municipality: string;
  library: string;
  /** Mostly French-speaking town: addresses in French. */
  francophone?: boolean;
  neighbourhoods?: readonly string[];
  streets?: readonly string[];
  housing?: string;
}

const GENERIC_STREETS = [
  'Main Street', 'King Street', 'Queen Street', 'Victoria Street', 'Wellington Street', 'Church Street',
  'Elm Street', 'Water Street', 'Ontario Street', 'Simcoe Street', 'Front Street', 'Park Avenue',
  'Lakeshore Road', 'College Avenue', 'James Street', 'George Street', 'John Street', 'William Street',
  'Albert Street', 'Centre Street', 'Mill Street', 'Bridge Street', 'Pine Street', 'Maple Avenue',
];

const STREET_TYPES = ['Street', 'Avenue', 'Road', 'Drive', 'Crescent', 'Court', 'Boulevard', 'Way', 'Trail', 'Lane', 'Place', 'Gate', 'Circle'];

const FRENCH_STREETS = [
  'rue Principale', 'rue Laurier', 'rue Notre-Dame', 'rue Champlain', 'rue Saint-Jean', 'boulevard Cartier',
  'rue Lafontaine', 'rue Sainte-Anne', 'avenue des Pins', "rue de l'Église", 'chemin du Lac', 'rue Racine',
  'rue Brébeuf', 'rue Saint-Joseph', 'promenade du Parc', 'rue des Érables', 'rue Côté', 'chemin de la Rivière',
];

const city = (c: City): City => c;

const CITIES: readonly City[] = [
  city({
    name: 'Toronto', region: 'Toronto', population: 2794, municipality: 'City of Toronto', library: 'Toronto Public Library',
    housing: 'Toronto Community Housing',
    fsas: [
      'M1B', 'M1C', 'M1E', 'M1G', 'M1H', 'M1J', 'M1K', 'M1L', 'M1M', 'M1N', 'M1P', 'M1R', 'M1S', 'M1T', 'M1V', 'M1W', 'M1X',
      'M2H', 'M2J', 'M2K', 'M2L', 'M2M', 'M2N', 'M2P', 'M2R', 'M3A', 'M3B', 'M3C', 'M3H', 'M3J', 'M3K', 'M3L', 'M3M', 'M3N',
      'M4A', 'M4B', 'M4C', 'M4E', 'M4G', 'M4H', 'M4J', 'M4K', 'M4L', 'M4M', 'M4N', 'M4P', 'M4R', 'M4S', 'M4T', 'M4V', 'M4W',
      'M4X', 'M4Y', 'M5A', 'M5B', 'M5M', 'M5N', 'M5P', 'M5R', 'M5S', 'M5T', 'M5V', 'M6A', 'M6B', 'M6C', 'M6E', 'M6G', 'M6H',
      'M6J', 'M6K', 'M6L', 'M6M', 'M6N', 'M6P', 'M6R', 'M6S', 'M8V', 'M8W', 'M8X', 'M8Y', 'M8Z', 'M9A', 'M9B', 'M9C', 'M9L',
      'M9M', 'M9N', 'M9P', 'M9R', 'M9V', 'M9W',
    ],
    neighbourhoods: [
      'Parkdale', 'Agincourt', 'Malvern', 'Don Mills', 'Thorncliffe Park', 'Flemingdon Park', 'Weston', 'Rexdale', 'Downsview',
      'Willowdale', 'Leaside', 'Riverdale', 'Danforth', 'The Beaches', 'Cabbagetown', 'Kensington', 'Regent Park', 'Mimico',
      'Long Branch', 'Bloor West', 'Jane and Finch', 'Lawrence Heights', 'Dufferin Grove', 'Little Portugal', 'The Junction',
      'Crescent Town', 'Taylor-Massey', 'Highland Creek', 'Cliffcrest', 'Thistletown', "St. James Town", 'Oakridge',
      'Dorset Park', 'Woburn', 'Bendale', 'Wexford', "L'Amoreaux", 'Steeles', 'Humber Summit', 'Mount Dennis', 'Oakwood Village',
      'Corso Italia', 'Little India', 'Chinatown', 'Davisville', 'Forest Hill', 'York Mills', 'Bayview Village', 'Islington',
      'Alderwood', 'New Toronto', 'Etobicoke Centre', 'Scarborough Village', 'Golden Mile', 'Victoria Village',
    ],
    streets: [
      'Dundas Street West', 'Queen Street East', 'Bloor Street West', 'Yonge Street', 'Eglinton Avenue East', 'Finch Avenue West',
      'Sheppard Avenue East', 'Lawrence Avenue West', 'Jane Street', 'Keele Street', 'Bathurst Street', 'Spadina Avenue',
      'Danforth Avenue', 'Kingston Road', 'Markham Road', 'Kennedy Road', 'Victoria Park Avenue', 'Don Mills Road',
      'Islington Avenue', 'Kipling Avenue', 'Weston Road', 'St. Clair Avenue West', 'College Street', 'Gerrard Street East',
      'Pape Avenue', 'Birchmount Road', 'McCowan Road', 'Warden Avenue', 'Steeles Avenue West', 'Dufferin Street',
    ],
  }),
  city({
    name: 'Mississauga', region: 'Peel', population: 717, municipality: 'City of Mississauga', library: 'Mississauga Library',
    housing: 'Peel Housing Corporation',
    fsas: ['L4T', 'L4V', 'L4W', 'L4X', 'L4Y', 'L4Z', 'L5A', 'L5B', 'L5C', 'L5E', 'L5G', 'L5H', 'L5J', 'L5K', 'L5L', 'L5M', 'L5N', 'L5R', 'L5T', 'L5V', 'L5W'],
    neighbourhoods: [
      'Port Credit', 'Streetsville', 'Meadowvale', 'Malton', 'Cooksville', 'Erin Mills', 'Clarkson', 'Churchill Meadows',
      'Lakeview', 'Hurontario', 'Lisgar', 'Sheridan', 'Applewood', 'Dixie', 'Mississauga Valley', 'Erindale', 'Rathwood',
    ],
    streets: [
      'Hurontario Street', 'Dundas Street East', 'Burnhamthorpe Road West', 'Eglinton Avenue West', 'Mavis Road',
      'Erin Mills Parkway', 'Britannia Road West', 'Derry Road East', 'Lakeshore Road East', 'Cawthra Road', 'Dixie Road',
      'Winston Churchill Boulevard', 'Creditview Road', 'Mississauga Valley Boulevard', 'Glen Erin Drive',
    ],
  }),
  city({
    name: 'Brampton', region: 'Peel', population: 656, municipality: 'City of Brampton', library: 'Brampton Library',
    housing: 'Peel Housing Corporation',
    fsas: ['L6P', 'L6R', 'L6S', 'L6T', 'L6V', 'L6W', 'L6X', 'L6Y', 'L6Z', 'L7A'],
    neighbourhoods: [
      'Springdale', 'Bramalea', 'Heart Lake', 'Castlemore', 'Mount Pleasant', "Fletcher's Meadow", 'Sandalwood', 'Gore Meadows',
      'Downtown Brampton', 'Credit Valley', 'Snelgrove', 'Northwood Park', 'Westgate', 'Vales of Castlemore',
    ],
    streets: [
      'Queen Street East', 'Main Street North', 'Steeles Avenue East', 'Bovaird Drive West', 'Sandalwood Parkway East',
      'Williams Parkway', 'Kennedy Road South', 'Torbram Road', 'Chinguacousy Road', 'McLaughlin Road', 'Airport Road',
    ],
  }),
  city({
    name: 'Caledon', region: 'Peel', population: 76, municipality: 'Town of Caledon', library: 'Caledon Public Library',
    fsas: ['L7C', 'L7E'], neighbourhoods: ['Bolton', 'Caledon East', 'Mayfield West', 'Inglewood', 'Alton'],
  }),
  city({
    name: 'Markham', region: 'York', population: 338, municipality: 'City of Markham', library: 'Markham Public Library',
    fsas: ['L3P', 'L3R', 'L3S', 'L6B', 'L6C', 'L6E', 'L6G'],
    neighbourhoods: ['Unionville', 'Milliken', 'Cornell', 'Cathedraltown', 'Berczy Village', 'Markham Village', 'Thornhill', 'Angus Glen', 'Wismer'],
    streets: ['Highway 7', 'Markham Road', 'McCowan Road', 'Kennedy Road', 'Warden Avenue', 'Woodbine Avenue', '16th Avenue', 'Major Mackenzie Drive East', 'Main Street Unionville'],
  }),
  city({
    name: 'Vaughan', region: 'York', population: 323, municipality: 'City of Vaughan', library: 'Vaughan Public Libraries',
    fsas: ['L4H', 'L4J', 'L4K', 'L4L', 'L6A'],
    neighbourhoods: ['Woodbridge', 'Maple', 'Concord', 'Kleinburg', 'Thornhill Woods', 'Vellore Village', 'Patterson'],
    streets: ['Rutherford Road', 'Major Mackenzie Drive', 'Weston Road', 'Jane Street', 'Bathurst Street', 'Dufferin Street', 'Clarence Street', 'Keele Street'],
  }),
  city({
    name: 'Richmond Hill', region: 'York', population: 202, municipality: 'City of Richmond Hill', library: 'Richmond Hill Public Library',
    fsas: ['L4B', 'L4C', 'L4E', 'L4S'],
    neighbourhoods: ['Oak Ridges', 'Bayview Hill', 'Mill Pond', 'Langstaff', 'Jefferson', 'Westbrook', 'Crosby'],
    streets: ['Yonge Street', 'Bayview Avenue', 'Major Mackenzie Drive East', 'Elgin Mills Road East', 'Leslie Street', '16th Avenue'],
  }),
  city({ name: 'Newmarket', region: 'York', population: 87, municipality: 'Town of Newmarket', library: 'Newmarket Public Library', fsas: ['L3X', 'L3Y'] }),
  city({ name: 'Aurora', region: 'York', population: 62, municipality: 'Town of Aurora', library: 'Aurora Public Library', fsas: ['L4G'] }),
  city({ name: 'Stouffville', region: 'York', population: 49, municipality: 'Town of Whitchurch-Stouffville', library: 'Whitchurch-Stouffville Public Library', fsas: ['L4A'] }),
  city({ name: 'Keswick', region: 'York', population: 47, municipality: 'Town of Georgina', library: 'Georgina Public Library', fsas: ['L4P'] }),
  city({
    name: 'Oshawa', region: 'Durham', population: 175, municipality: 'City of Oshawa', library: 'Oshawa Public Libraries',
    fsas: ['L1G', 'L1H', 'L1J', 'L1K', 'L1L'],
    streets: ['Simcoe Street North', 'King Street East', 'Ritson Road North', 'Taunton Road East', 'Rossland Road West', 'Wilson Road South'],
  }),
  city({
    name: 'Whitby', region: 'Durham', population: 138, municipality: 'Town of Whitby', library: 'Whitby Public Library',
    fsas: ['L1M', 'L1N', 'L1P', 'L1R'], streets: ['Brock Street North', 'Dundas Street West', 'Taunton Road West', 'Garden Street', 'Anderson Street'],
  }),
  city({
    name: 'Ajax', region: 'Durham', population: 126, municipality: 'Town of Ajax', library: 'Ajax Public Library',
    fsas: ['L1S', 'L1T', 'L1Z'], streets: ['Harwood Avenue South', 'Westney Road North', 'Kingston Road West', 'Bayly Street East', 'Salem Road North'],
  }),
  city({
    name: 'Pickering', region: 'Durham', population: 99, municipality: 'City of Pickering', library: 'Pickering Public Library',
    fsas: ['L1V', 'L1W', 'L1X', 'L1Y'], streets: ['Liverpool Road', 'Kingston Road', 'Brock Road', 'Whites Road', 'Finch Avenue'],
  }),
  city({ name: 'Bowmanville', region: 'Durham', population: 40, municipality: 'Municipality of Clarington', library: 'Clarington Public Library', fsas: ['L1C'] }),
  city({
    name: 'Oakville', region: 'Halton', population: 213, municipality: 'Town of Oakville', library: 'Oakville Public Library',
    fsas: ['L6H', 'L6J', 'L6K', 'L6L', 'L6M'],
    neighbourhoods: ['Glen Abbey', 'Bronte', 'Clearview', 'River Oaks', 'Iroquois Ridge', 'Palermo', 'Kerr Village'],
    streets: ['Trafalgar Road', 'Dundas Street West', 'Lakeshore Road East', 'Upper Middle Road East', 'Sixth Line', 'Third Line', 'Kerr Street'],
  }),
  city({
    name: 'Burlington', region: 'Halton', population: 186, municipality: 'City of Burlington', library: 'Burlington Public Library',
    fsas: ['L7L', 'L7M', 'L7N', 'L7P', 'L7R', 'L7S', 'L7T'],
    neighbourhoods: ['Aldershot', 'Tyandaga', 'Alton Village', 'Orchard', 'Millcroft', 'Brant Hills', 'Headon Forest'],
    streets: ['Brant Street', 'Plains Road East', 'Guelph Line', 'Appleby Line', 'New Street', 'Walkers Line', 'Upper Middle Road'],
  }),
  city({
    name: 'Milton', region: 'Halton', population: 132, municipality: 'Town of Milton', library: 'Milton Public Library',
    fsas: ['L9T', 'L9E'], streets: ['Main Street East', 'Thompson Road South', 'Derry Road', 'Ontario Street South', 'Louis St. Laurent Avenue'],
  }),
  city({ name: 'Georgetown', region: 'Halton', population: 62, municipality: 'Town of Halton Hills', library: 'Halton Hills Public Library', fsas: ['L7G'] }),
  city({
    name: 'Hamilton', region: 'Hamilton', population: 569, municipality: 'City of Hamilton', library: 'Hamilton Public Library',
    housing: 'CityHousing Hamilton',
    fsas: ['L8E', 'L8G', 'L8H', 'L8J', 'L8K', 'L8L', 'L8M', 'L8N', 'L8P', 'L8R', 'L8S', 'L8T', 'L8V', 'L8W', 'L9A', 'L9B', 'L9C', 'L9G', 'L9H', 'L9K'],
    neighbourhoods: ['Westdale', 'Dundas', 'Ancaster', 'Stoney Creek', 'Waterdown', 'Kirkendall', 'Barton Village', 'Crown Point', 'Gibson', 'Jamesville', 'Corktown', 'Sherman', 'Red Hill', 'Binbrook', 'Mountview'],
    streets: ['King Street East', 'Main Street West', 'Barton Street East', 'Upper James Street', 'Upper Wentworth Street', 'Mohawk Road East', 'Fennell Avenue East', 'Concession Street', 'James Street North', 'Queenston Road', 'Locke Street South', 'Rymal Road East'],
  }),
  city({
    name: 'St. Catharines', region: 'Niagara', population: 136, municipality: 'City of St. Catharines', library: 'St. Catharines Public Library',
    fsas: ['L2M', 'L2N', 'L2P', 'L2R', 'L2S', 'L2T', 'L2V', 'L2W'],
    streets: ['St. Paul Street', 'Ontario Street', 'Welland Avenue', 'Glendale Avenue', 'Lake Street', 'Scott Street', 'Geneva Street'],
  }),
  city({
    name: 'Niagara Falls', region: 'Niagara', population: 94, municipality: 'City of Niagara Falls', library: 'Niagara Falls Public Library',
    fsas: ['L2E', 'L2G', 'L2H', 'L2J'], streets: ["Lundy's Lane", 'Victoria Avenue', 'Drummond Road', 'Portage Road', 'Thorold Stone Road', 'Main Street'],
  }),
  city({ name: 'Welland', region: 'Niagara', population: 55, municipality: 'City of Welland', library: 'Welland Public Library', fsas: ['L3B', 'L3C'] }),
  city({
    name: 'Kitchener', region: 'Waterloo Region', population: 256, municipality: 'City of Kitchener', library: 'Kitchener Public Library',
    fsas: ['N2A', 'N2B', 'N2C', 'N2E', 'N2G', 'N2H', 'N2K', 'N2M', 'N2N', 'N2P', 'N2R'],
    neighbourhoods: ['Forest Heights', 'Stanley Park', 'Country Hills', 'Doon', 'Pioneer Park', 'Victoria Hills', 'Chicopee', 'Vanier', 'Huron Park', 'Williamsburg'],
    streets: ['King Street West', 'Weber Street East', 'Victoria Street North', 'Fischer-Hallman Road', 'Ottawa Street South', 'Highland Road West', 'Homer Watson Boulevard', 'Frederick Street'],
  }),
  city({
    name: 'Waterloo', region: 'Waterloo Region', population: 121, municipality: 'City of Waterloo', library: 'Waterloo Public Library',
    fsas: ['N2J', 'N2K', 'N2L', 'N2T', 'N2V'],
    neighbourhoods: ['Uptown', 'Lakeshore', 'Beechwood', 'Laurelwood', 'Eastbridge', 'Columbia Forest', 'Westvale'],
    streets: ['King Street North', 'University Avenue West', 'Erb Street West', 'Columbia Street West', 'Albert Street', 'Northfield Drive East'],
  }),
  city({
    name: 'Cambridge', region: 'Waterloo Region', population: 138, municipality: 'City of Cambridge', library: 'Idea Exchange',
    fsas: ['N1R', 'N1S', 'N1T', 'N3C', 'N3H'], neighbourhoods: ['Galt', 'Preston', 'Hespeler', 'Blair', 'Fiddlesticks'],
    streets: ['Hespeler Road', 'Water Street North', 'Main Street', 'King Street East', 'Franklin Boulevard', 'Dundas Street South'],
  }),
  city({
    name: 'Guelph', region: 'Wellington–Dufferin', population: 143, municipality: 'City of Guelph', library: 'Guelph Public Library',
    fsas: ['N1E', 'N1G', 'N1H', 'N1K', 'N1L'],
    streets: ['Gordon Street', 'Stone Road West', 'Edinburgh Road South', 'Wellington Street West', 'Woolwich Street', 'Speedvale Avenue East', 'Victoria Road South'],
  }),
  city({ name: 'Orangeville', region: 'Wellington–Dufferin', population: 30, municipality: 'Town of Orangeville', library: 'Orangeville Public Library', fsas: ['L9W'] }),
  city({
    name: 'Brantford', region: 'Brant', population: 104, municipality: 'City of Brantford', library: 'Brantford Public Library',
    fsas: ['N3P', 'N3R', 'N3S', 'N3T', 'N3V'], streets: ['Colborne Street', 'King George Road', 'Dalhousie Street', 'St. Paul Avenue', 'Erie Avenue'],
  }),
  city({
    name: 'Barrie', region: 'Simcoe', population: 147, municipality: 'City of Barrie', library: 'Barrie Public Library',
    fsas: ['L4M', 'L4N'], streets: ['Bayfield Street', 'Yonge Street', 'Essa Road', 'Duckworth Street', 'Mapleview Drive East', 'Dunlop Street West'],
  }),
  city({ name: 'Orillia', region: 'Simcoe', population: 33, municipality: 'City of Orillia', library: 'Orillia Public Library', fsas: ['L3V'] }),
  city({ name: 'Collingwood', region: 'Simcoe', population: 24, municipality: 'Town of Collingwood', library: 'Collingwood Public Library', fsas: ['L9Y'] }),
  city({ name: 'Bradford', region: 'Simcoe', population: 42, municipality: 'Town of Bradford West Gwillimbury', library: 'Bradford West Gwillimbury Public Library', fsas: ['L3Z'] }),
  city({ name: 'Penetanguishene', region: 'Simcoe', population: 10, municipality: 'Town of Penetanguishene', library: 'Penetanguishene Public Library', fsas: ['L9M'] }),
  city({
    name: 'London', region: 'London Area', population: 422, municipality: 'City of London', library: 'London Public Library',
    housing: 'London & Middlesex Community Housing',
    fsas: ['N5V', 'N5W', 'N5X', 'N5Y', 'N5Z', 'N6A', 'N6B', 'N6C', 'N6E', 'N6G', 'N6H', 'N6J', 'N6K', 'N6L', 'N6M', 'N6N', 'N6P'],
    neighbourhoods: ['Old East Village', 'Westmount', 'Byron', 'Masonville', 'Hyde Park', 'White Oaks', 'Argyle', 'Carling Heights', 'Oakridge', 'Lambeth', 'Stoneybrook', 'Glen Cairn'],
    streets: ['Dundas Street', 'Richmond Street', 'Oxford Street East', 'Wellington Road', 'Adelaide Street North', 'Commissioners Road East', 'Wharncliffe Road South', 'Highbury Avenue North', 'Fanshawe Park Road West', 'Hamilton Road', 'Huron Street'],
  }),
  city({ name: 'Woodstock', region: 'London Area', population: 46, municipality: 'City of Woodstock', library: 'Woodstock Public Library', fsas: ['N4S', 'N4T', 'N4V'] }),
  city({ name: 'Stratford', region: 'London Area', population: 33, municipality: 'City of Stratford', library: 'Stratford Public Library', fsas: ['N5A'] }),
  city({
    name: 'Windsor', region: 'Windsor-Essex', population: 229, municipality: 'City of Windsor', library: 'Windsor Public Library',
    housing: 'Windsor Essex Community Housing Corporation',
    fsas: ['N8P', 'N8R', 'N8S', 'N8T', 'N8W', 'N8X', 'N8Y', 'N9A', 'N9B', 'N9C', 'N9E', 'N9G'],
    neighbourhoods: ['Walkerville', 'Riverside', 'Sandwich', 'Forest Glade', 'South Windsor', 'Olde Towne', 'Fontainebleau', 'East Windsor', 'Remington Park', 'University'],
    streets: ['Ouellette Avenue', 'Wyandotte Street East', 'Tecumseh Road East', 'Huron Church Road', 'Howard Avenue', 'Dougall Avenue', 'Walker Road', 'Erie Street East', 'Drouillard Road', 'Lauzon Parkway'],
  }),
  city({ name: 'LaSalle', region: 'Windsor-Essex', population: 32, municipality: 'Town of LaSalle', library: 'Essex County Library', fsas: ['N9H', 'N9J'] }),
  city({ name: 'Leamington', region: 'Windsor-Essex', population: 29, municipality: 'Municipality of Leamington', library: 'Essex County Library', fsas: ['N8H'] }),
  city({ name: 'Amherstburg', region: 'Windsor-Essex', population: 23, municipality: 'Town of Amherstburg', library: 'Essex County Library', fsas: ['N9V'] }),
  city({
    name: 'Sarnia', region: 'Lambton–Kent', population: 72, municipality: 'City of Sarnia', library: 'Lambton County Library',
    fsas: ['N7S', 'N7T', 'N7V', 'N7W', 'N7X'], streets: ['London Road', 'Christina Street North', 'Exmouth Street', 'Lakeshore Road', 'Murphy Road'],
  }),
  city({ name: 'Chatham', region: 'Lambton–Kent', population: 45, municipality: 'Municipality of Chatham-Kent', library: 'Chatham-Kent Public Library', fsas: ['N7L', 'N7M'] }),
  city({ name: 'Owen Sound', region: 'Grey–Bruce', population: 21, municipality: 'City of Owen Sound', library: 'Owen Sound & North Grey Union Public Library', fsas: ['N4K'] }),
  city({
    name: 'Ottawa', region: 'Ottawa', population: 1017, municipality: 'City of Ottawa', library: 'Ottawa Public Library',
    housing: 'Ottawa Community Housing',
    fsas: [
      'K1B', 'K1C', 'K1E', 'K1G', 'K1H', 'K1J', 'K1K', 'K1L', 'K1M', 'K1N', 'K1P', 'K1R', 'K1S', 'K1T', 'K1V', 'K1W', 'K1X',
      'K1Y', 'K1Z', 'K2A', 'K2B', 'K2C', 'K2E', 'K2G', 'K2H', 'K2J', 'K2K', 'K2L', 'K2M', 'K2P', 'K2R', 'K2S', 'K2T', 'K2V', 'K2W',
    ],
    neighbourhoods: [
      'Vanier', 'Orléans', 'Kanata', 'Barrhaven', 'Nepean', 'Centretown', 'Sandy Hill', 'Lowertown', 'Hintonburg', 'Westboro',
      'Alta Vista', 'Overbrook', 'Beacon Hill', 'Gloucester', 'Riverside South', 'Stittsville', 'Carlington', 'Bayshore',
      'Manotick', 'Blackburn Hamlet', 'Glebe', 'Hunt Club', 'Heron Gate', 'Carlingwood', 'Emerald Woods',
    ],
    streets: [
      'Bank Street', 'Rideau Street', 'Somerset Street West', 'Carling Avenue', 'Baseline Road', 'Merivale Road', 'Montréal Road',
      'St. Laurent Boulevard', 'Innes Road', 'Hunt Club Road', 'Woodroffe Avenue', 'Bronson Avenue', 'Elgin Street',
      'Richmond Road', 'boulevard Saint-Joseph', 'Prince of Wales Drive', 'Greenbank Road', 'Hazeldean Road', 'March Road', 'Strandherd Drive',
    ],
  }),
  city({
    name: 'Kingston', region: 'Eastern Ontario', population: 132, municipality: 'City of Kingston', library: 'Kingston Frontenac Public Library',
    fsas: ['K7K', 'K7L', 'K7M', 'K7P'], neighbourhoods: ['Sydenham', 'Portsmouth', 'Rideau Heights', 'Cataraqui', 'Williamsville', 'Kingscourt', 'Bayridge'],
    streets: ['Princess Street', 'Bath Road', 'Division Street', 'Johnson Street', 'King Street East', 'Gardiners Road', 'Montreal Street'],
  }),
  city({
    name: 'Belleville', region: 'Eastern Ontario', population: 55, municipality: 'City of Belleville', library: 'Belleville Public Library',
    fsas: ['K8N', 'K8P', 'K8R'], streets: ['Dundas Street East', 'Front Street', 'Bridge Street East', 'North Front Street', 'Sidney Street'],
  }),
  city({ name: 'Brockville', region: 'Eastern Ontario', population: 22, municipality: 'City of Brockville', library: 'Brockville Public Library', fsas: ['K6V'] }),
  city({
    name: 'Cornwall', region: 'Eastern Ontario', population: 47, municipality: 'City of Cornwall', library: 'Cornwall Public Library',
    fsas: ['K6H', 'K6J', 'K6K'], streets: ['Pitt Street', 'Second Street East', 'Brookdale Avenue', 'Montreal Road', 'Water Street West'],
  }),
  city({ name: 'Hawkesbury', region: 'Eastern Ontario', population: 10, municipality: 'Town of Hawkesbury', library: 'Hawkesbury Public Library', fsas: ['K6A'], francophone: true }),
  city({ name: 'Rockland', region: 'Eastern Ontario', population: 26, municipality: 'City of Clarence-Rockland', library: 'Clarence-Rockland Public Library', fsas: ['K4K'], francophone: true }),
  city({ name: 'Pembroke', region: 'Eastern Ontario', population: 14, municipality: 'City of Pembroke', library: 'Pembroke Public Library', fsas: ['K8A'] }),
  city({
    name: 'Peterborough', region: 'Peterborough', population: 83, municipality: 'City of Peterborough', library: 'Peterborough Public Library',
    fsas: ['K9H', 'K9J', 'K9K', 'K9L'], streets: ['George Street North', 'Lansdowne Street West', 'Chemong Road', 'Parkhill Road West', 'Water Street'],
  }),
  city({
    name: 'Sudbury', region: 'Northeastern Ontario', population: 166, municipality: 'City of Greater Sudbury', library: 'Greater Sudbury Public Library',
    fsas: ['P3A', 'P3B', 'P3C', 'P3E', 'P3G', 'P3N', 'P3P', 'P3Y'],
    neighbourhoods: ['New Sudbury', 'Minnow Lake', 'Flour Mill', 'Donovan', 'Gatchell', 'Val Caron', 'Hanmer', 'Lively', 'South End', 'Copper Cliff'],
    streets: ['Notre Dame Avenue', 'Lasalle Boulevard', 'Paris Street', 'Regent Street', 'The Kingsway', 'Elm Street', 'Barrydowne Road', 'Long Lake Road'],
  }),
  city({
    name: 'North Bay', region: 'Northeastern Ontario', population: 52, municipality: 'City of North Bay', library: 'North Bay Public Library',
    fsas: ['P1A', 'P1B', 'P1C'], streets: ['Algonquin Avenue', 'Fisher Street', 'Main Street West', 'Lakeshore Drive', 'McKeown Avenue'],
  }),
  city({
    name: 'Timmins', region: 'Northeastern Ontario', population: 41, municipality: 'City of Timmins', library: 'Timmins Public Library',
    fsas: ['P4N', 'P4P', 'P4R'], streets: ['Algonquin Boulevard East', 'Third Avenue', 'Riverside Drive', 'Cedar Street South', 'Pine Street South'],
  }),
  city({
    name: 'Sault Ste. Marie', region: 'Northeastern Ontario', population: 72, municipality: 'City of Sault Ste. Marie', library: 'Sault Ste. Marie Public Library',
    fsas: ['P6A', 'P6B', 'P6C'], streets: ['Queen Street East', 'Great Northern Road', 'Trunk Road', 'Second Line West', 'Wellington Street East', 'Pim Street'],
  }),
  city({ name: 'Elliot Lake', region: 'Northeastern Ontario', population: 11, municipality: 'City of Elliot Lake', library: 'Elliot Lake Public Library', fsas: ['P5A'] }),
  city({ name: 'Kapuskasing', region: 'Northeastern Ontario', population: 8, municipality: 'Town of Kapuskasing', library: 'Kapuskasing Public Library', fsas: ['P5N'], francophone: true }),
  city({ name: 'Sturgeon Falls', region: 'Northeastern Ontario', population: 14, municipality: 'Municipality of West Nipissing', library: 'West Nipissing Public Library', fsas: ['P2B'], francophone: true }),
  city({
    name: 'Thunder Bay', region: 'Northwestern Ontario', population: 108, municipality: 'City of Thunder Bay', library: 'Thunder Bay Public Library',
    fsas: ['P7A', 'P7B', 'P7C', 'P7E', 'P7G', 'P7J', 'P7K'],
    neighbourhoods: ['Port Arthur', 'Fort William', 'Current River', 'Westfort', 'Northwood', 'Intercity', 'Vickers Heights'],
    streets: ['Red River Road', 'Memorial Avenue', 'Arthur Street West', 'Victoria Avenue East', 'May Street North', 'Algoma Street South'],
  }),
  city({ name: 'Kenora', region: 'Northwestern Ontario', population: 14, municipality: 'City of Kenora', library: 'Kenora Public Library', fsas: ['P9N'] }),
];

const CITY_BY_NAME = new Map(CITIES.map((c) => [c.name, c]));

function cityNamed(name: string): City {
  const c = CITY_BY_NAME.get(name);
  if (!c) throw new Error(`unknown city ${name}`);
  return c;
}

// ---------------------------------------------------------------------------------------------
// School boards (real), the cities each actually serves, and a rough count of their schools
// ---------------------------------------------------------------------------------------------

type BoardKind = 'en-public' | 'en-catholic' | 'fr-public' | 'fr-catholic';

interface Board {
  name: string;
  kind: BoardKind;
  cities: readonly string[];
  /** Roughly the board's real number of schools: how many sample schools it gets. */
  schools: number;
}

const DURHAM = ['Oshawa', 'Whitby', 'Ajax', 'Pickering'];
const YORK = ['Markham', 'Vaughan', 'Richmond Hill', 'Newmarket', 'Aurora', 'Stouffville', 'Keswick'];
const HALTON = ['Oakville', 'Burlington', 'Milton', 'Georgetown'];
const WATERLOO = ['Kitchener', 'Waterloo', 'Cambridge'];
const ESSEX = ['Windsor', 'LaSalle', 'Leamington', 'Amherstburg'];
const NIAGARA = ['St. Catharines', 'Niagara Falls', 'Welland'];
const SIMCOE = ['Barrie', 'Orillia', 'Collingwood', 'Bradford', 'Penetanguishene'];

const BOARDS: readonly Board[] = [
  { name: 'Toronto District School Board', kind: 'en-public', cities: ['Toronto'], schools: 580 },
  { name: 'Toronto Catholic District School Board', kind: 'en-catholic', cities: ['Toronto'], schools: 200 },
  { name: 'Peel District School Board', kind: 'en-public', cities: ['Mississauga', 'Brampton', 'Caledon'], schools: 260 },
  { name: 'Dufferin-Peel Catholic District School Board', kind: 'en-catholic', cities: ['Mississauga', 'Brampton', 'Caledon', 'Orangeville'], schools: 150 },
  { name: 'York Region District School Board', kind: 'en-public', cities: YORK, schools: 215 },
  { name: 'York Catholic District School Board', kind: 'en-catholic', cities: YORK, schools: 100 },
  { name: 'Durham District School Board', kind: 'en-public', cities: DURHAM, schools: 130 },
  { name: 'Durham Catholic District School Board', kind: 'en-catholic', cities: DURHAM, schools: 50 },
  { name: 'Halton District School Board', kind: 'en-public', cities: HALTON, schools: 105 },
  { name: 'Halton Catholic District School Board', kind: 'en-catholic', cities: HALTON, schools: 55 },
  { name: 'Ottawa-Carleton District School Board', kind: 'en-public', cities: ['Ottawa'], schools: 150 },
  { name: 'Ottawa Catholic School Board', kind: 'en-catholic', cities: ['Ottawa'], schools: 85 },
  { name: 'Hamilton-Wentworth District School Board', kind: 'en-public', cities: ['Hamilton'], schools: 100 },
  { name: 'Hamilton-Wentworth Catholic District School Board', kind: 'en-catholic', cities: ['Hamilton'], schools: 55 },
  { name: 'Waterloo Region District School Board', kind: 'en-public', cities: WATERLOO, schools: 120 },
  { name: 'Waterloo Catholic District School Board', kind: 'en-catholic', cities: WATERLOO, schools: 50 },
  { name: 'Thames Valley District School Board', kind: 'en-public', cities: ['London', 'Woodstock'], schools: 155 },
  { name: 'London District Catholic School Board', kind: 'en-catholic', cities: ['London', 'Woodstock'], schools: 55 },
  { name: 'Greater Essex County District School Board', kind: 'en-public', cities: ESSEX, schools: 70 },
  { name: 'Windsor-Essex Catholic District School Board', kind: 'en-catholic', cities: ESSEX, schools: 45 },
  { name: 'District School Board of Niagara', kind: 'en-public', cities: NIAGARA, schools: 100 },
  { name: 'Niagara Catholic District School Board', kind: 'en-catholic', cities: NIAGARA, schools: 55 },
  { name: 'Simcoe County District School Board', kind: 'en-public', cities: SIMCOE, schools: 100 },
  { name: 'Simcoe Muskoka Catholic District School Board', kind: 'en-catholic', cities: SIMCOE, schools: 50 },
  { name: 'Upper Grand District School Board', kind: 'en-public', cities: ['Guelph', 'Orangeville'], schools: 75 },
  { name: 'Wellington Catholic District School Board', kind: 'en-catholic', cities: ['Guelph'], schools: 22 },
  { name: 'Grand Erie District School Board', kind: 'en-public', cities: ['Brantford'], schools: 70 },
  { name: 'Brant Haldimand Norfolk Catholic District School Board', kind: 'en-catholic', cities: ['Brantford'], schools: 30 },
  { name: 'Limestone District School Board', kind: 'en-public', cities: ['Kingston'], schools: 60 },
  { name: 'Algonquin and Lakeshore Catholic District School Board', kind: 'en-catholic', cities: ['Kingston', 'Belleville'], schools: 35 },
  { name: 'Hastings and Prince Edward District School Board', kind: 'en-public', cities: ['Belleville'], schools: 40 },
  { name: 'Kawartha Pine Ridge District School Board', kind: 'en-public', cities: ['Peterborough', 'Bowmanville'], schools: 90 },
  { name: 'Peterborough Victoria Northumberland and Clarington Catholic District School Board', kind: 'en-catholic', cities: ['Peterborough', 'Bowmanville'], schools: 40 },
  { name: 'Upper Canada District School Board', kind: 'en-public', cities: ['Cornwall', 'Brockville', 'Rockland'], schools: 80 },
  { name: 'Catholic District School Board of Eastern Ontario', kind: 'en-catholic', cities: ['Cornwall', 'Brockville'], schools: 40 },
  { name: 'Renfrew County District School Board', kind: 'en-public', cities: ['Pembroke'], schools: 25 },
  { name: 'Lambton Kent District School Board', kind: 'en-public', cities: ['Sarnia', 'Chatham'], schools: 60 },
  { name: 'St. Clair Catholic District School Board', kind: 'en-catholic', cities: ['Sarnia', 'Chatham'], schools: 30 },
  { name: 'Avon Maitland District School Board', kind: 'en-public', cities: ['Stratford'], schools: 40 },
  { name: 'Huron-Perth Catholic District School Board', kind: 'en-catholic', cities: ['Stratford'], schools: 20 },
  { name: 'Bluewater District School Board', kind: 'en-public', cities: ['Owen Sound'], schools: 45 },
  { name: 'Rainbow District School Board', kind: 'en-public', cities: ['Sudbury'], schools: 35 },
  { name: 'Sudbury Catholic District School Board', kind: 'en-catholic', cities: ['Sudbury'], schools: 20 },
  { name: 'Near North District School Board', kind: 'en-public', cities: ['North Bay'], schools: 40 },
  { name: 'Nipissing-Parry Sound Catholic District School Board', kind: 'en-catholic', cities: ['North Bay'], schools: 12 },
  { name: 'District School Board Ontario North East', kind: 'en-public', cities: ['Timmins', 'Kapuskasing'], schools: 20 },
  { name: 'Northeastern Catholic District School Board', kind: 'en-catholic', cities: ['Timmins', 'Kapuskasing'], schools: 12 },
  { name: 'Algoma District School Board', kind: 'en-public', cities: ['Sault Ste. Marie', 'Elliot Lake'], schools: 35 },
  { name: 'Huron-Superior Catholic District School Board', kind: 'en-catholic', cities: ['Sault Ste. Marie', 'Elliot Lake'], schools: 20 },
  { name: 'Lakehead District School Board', kind: 'en-public', cities: ['Thunder Bay'], schools: 30 },
  { name: 'Thunder Bay Catholic District School Board', kind: 'en-catholic', cities: ['Thunder Bay'], schools: 20 },
  { name: 'Keewatin-Patricia District School Board', kind: 'en-public', cities: ['Kenora'], schools: 20 },
  {
    name: 'Conseil scolaire Viamonde', kind: 'fr-public', schools: 60,
    cities: ['Toronto', 'Mississauga', 'Brampton', 'Oakville', 'Hamilton', 'St. Catharines', 'Welland', 'Niagara Falls', 'London', 'Windsor', 'Sarnia', 'Markham', 'Richmond Hill', 'Oshawa', 'Pickering', 'Barrie', 'Penetanguishene', 'Kitchener', 'Waterloo', 'Guelph'],
  },
  {
    name: 'Conseil scolaire catholique MonAvenir', kind: 'fr-catholic', schools: 60,
    cities: ['Toronto', 'Mississauga', 'Brampton', 'Markham', 'Richmond Hill', 'Vaughan', 'Newmarket', 'Oshawa', 'Whitby', 'Ajax', 'Pickering', 'Hamilton', 'Burlington', 'Oakville', 'Milton', 'Kitchener', 'Cambridge', 'Guelph', 'Barrie', 'Penetanguishene', 'St. Catharines', 'Welland', 'Niagara Falls', 'Brantford', 'Peterborough'],
  },
  { name: "Conseil des écoles publiques de l'Est de l'Ontario", kind: 'fr-public', cities: ['Ottawa', 'Cornwall', 'Hawkesbury', 'Rockland', 'Kingston', 'Pembroke', 'Brockville'], schools: 45 },
  { name: "Conseil scolaire de district catholique Centre-Est de l'Ontario", kind: 'fr-catholic', cities: ['Ottawa', 'Kingston', 'Pembroke', 'Belleville', 'Brockville'], schools: 50 },
  { name: "Conseil scolaire de district catholique de l'Est ontarien", kind: 'fr-catholic', cities: ['Cornwall', 'Hawkesbury', 'Rockland'], schools: 40 },
  { name: 'Conseil scolaire catholique Providence', kind: 'fr-catholic', cities: ['Windsor', 'LaSalle', 'Leamington', 'London', 'Sarnia', 'Chatham'], schools: 30 },
  { name: "Conseil scolaire public du Grand Nord de l'Ontario", kind: 'fr-public', cities: ['Sudbury', 'Sault Ste. Marie', 'Timmins', 'Elliot Lake'], schools: 15 },
  { name: 'Conseil scolaire catholique du Nouvel-Ontario', kind: 'fr-catholic', cities: ['Sudbury', 'Sault Ste. Marie', 'Elliot Lake'], schools: 25 },
  { name: "Conseil scolaire public du Nord-Est de l'Ontario", kind: 'fr-public', cities: ['North Bay', 'Sturgeon Falls', 'Kapuskasing'], schools: 15 },
  { name: 'Conseil scolaire catholique Franco-Nord', kind: 'fr-catholic', cities: ['North Bay', 'Sturgeon Falls'], schools: 12 },
  { name: 'Conseil scolaire catholique de district des Grandes Rivières', kind: 'fr-catholic', cities: ['Timmins', 'Kapuskasing'], schools: 25 },
  { name: 'Conseil scolaire de district catholique des Aurores boréales', kind: 'fr-catholic', cities: ['Thunder Bay'], schools: 8 },
];

// ---------------------------------------------------------------------------------------------
// Name parts (invented combinations)
// ---------------------------------------------------------------------------------------------

const STEM_FIRST = [
  'Maple', 'Cedar', 'Oak', 'Pine', 'Birch', 'Willow', 'Elm', 'Ash', 'Spruce', 'Aspen', 'Hazel', 'Alder', 'Hawthorn', 'Chestnut',
  'Walnut', 'Linden', 'Fern', 'Clover', 'Heather', 'Thorn', 'Silver', 'Golden', 'Green', 'Red', 'Fair', 'Glen', 'Brook',
  'Stone', 'River', 'Lake', 'Meadow', 'Sun', 'Hill', 'Spring', 'North', 'West', 'East', 'South', 'Bay', 'Crystal', 'Deer',
  'Fox', 'Eagle', 'Hawk', 'Bear', 'Beaver', 'Heron', 'Robin', 'Wolf', 'Rose', 'Briar', 'Cherry', 'Apple', 'Mill', 'Kings',
  'Queens', 'Rock', 'Sand', 'Wild', 'Clear', 'High', 'Grand', 'Forest', 'Rich', 'Long', 'Summer', 'Winter', 'Falcon',
];
const STEM_JOINED = ['wood', 'view', 'crest', 'brook', 'field', 'dale', 'ridge', 'vale', 'mount', 'side', 'haven', 'croft', 'gate', 'hurst', 'ford', 'land', 'bank', 'mere'];
const STEM_WORD = [
  'Heights', 'Park', 'Valley', 'Meadows', 'Glen', 'Hills', 'Creek', 'Grove', 'Woods', 'Ridge', 'Trail', 'Acres', 'Gardens',
  'Hollow', 'Landing', 'Shores', 'Village', 'Point', 'Springs', 'Mills', 'Bluffs', 'Downs', 'Orchard', 'Commons',
];

const PEOPLE = [
  'Terry Fox', 'Lester B. Pearson', 'Roberta Bondar', 'Emily Carr', 'Nellie McClung', 'Agnes Macphail', 'Frederick Banting',
  'Tommy Douglas', 'Lincoln Alexander', 'Viola Desmond', 'Harriet Tubman', 'Mary Ann Shadd', 'Josiah Henson', 'Laura Secord',
  'Pauline Johnson', 'Tom Longboat', 'Tecumseh', 'John McCrae', 'Alexander Graham Bell', 'Lucy Maud Montgomery',
  'Stephen Leacock', 'Norman Bethune', 'Emily Murphy', 'Marshall McLuhan', 'Glenn Gould', 'Oscar Peterson', 'Elijah McCoy',
  'Chris Hadfield', 'Julie Payette', 'Marc Garneau', 'Adrienne Clarkson', 'Rosemary Brown', 'Jean Augustine', 'Bertha Wilson',
  'Buffy Sainte-Marie', 'Wilfrid Laurier', 'Samuel de Champlain', 'Emily Stowe', 'Elizabeth Simcoe', 'Robert Munsch',
  'Jennie Trout', 'Charlotte Whitton', 'Cairine Wilson', 'Thérèse Casgrain', 'Chief Dan George', 'Jackie Shane', 'Tom Thomson',
  'Lawren Harris', 'Georges Vanier', 'Romeo Dallaire', 'Stanley Grizzle', 'Anne Shadd', 'Frances Loring', 'Alice Munro',
];

const SAINTS = [
  'Mary', 'Michael', 'Joseph', 'Patrick', 'Anne', 'Bernadette', 'Brigid', 'Francis of Assisi', 'Thomas Aquinas',
  'Teresa of Calcutta', 'Catherine of Siena', 'Jerome', 'Augustine', 'Anthony', 'Benedict', 'Bonaventure', 'Charles Borromeo',
  'Clare', 'Dominic', 'Elizabeth Seton', 'Gabriel', 'Gregory the Great', 'Helen', 'Ignatius of Loyola', 'Isaac Jogues',
  'James', 'Jean de Brébeuf', 'Joan of Arc', 'John Bosco', 'Jude', 'Kateri Tekakwitha', 'Kevin', 'Lawrence', 'Leo the Great',
  'Luke', "Marguerite d'Youville", 'Marguerite Bourgeoys', 'Mark', 'Martha', 'Martin de Porres', 'Matthew', 'Maximilian Kolbe',
  'Monica', 'Nicholas', 'Paul', 'Peter', 'Philip Neri', 'Rita', 'Rose of Lima', 'Sebastian', 'Stephen', 'Teresa of Ávila',
  'Timothy', 'Ursula', 'Veronica', 'Vincent de Paul', 'Agnes', 'Andrew', 'Angela Merici', 'Bartholomew', 'Brendan', 'Cecilia',
  'Columba', 'Edmund Campion', 'Francis Xavier', 'Gerard Majella', 'Hilary', 'Isidore', 'Joachim', 'John XXIII', 'Josephine Bakhita',
  'Lorenzo Ruiz', 'Andrew Kim', 'Oscar Romero', 'Padre Pio', 'Faustina', 'Charles Garnier', 'Noël Chabanel', 'André Bessette',
  'Marguerite Marie', 'Raymond', 'Simon', 'Thomas More', 'Benedict the Moor',
];
/** Saints whose schools are often named in the possessive ("St. Michael's"). */
const POSSESSIVE_SAINTS = ['Mary', 'Michael', 'Joseph', 'Patrick', 'Anne', 'Andrew', 'Paul', 'Peter', 'James', 'Luke', 'Mark', 'Matthew', 'Jude', 'Brigid', 'Agnes', 'Gabriel', 'Stephen', 'Monica', 'Cecilia', 'Timothy', 'Helen'];
const DEVOTIONS = [
  'Holy Name of Mary', 'Holy Name', 'Holy Family', 'Holy Cross', 'Holy Spirit', 'Holy Trinity', 'Holy Rosary', 'Sacred Heart',
  'Immaculate Conception', 'Our Lady of Peace', 'Our Lady of Lourdes', 'Our Lady of Fatima', 'Our Lady of Good Counsel',
  'Our Lady of Mount Carmel', 'Our Lady of the Assumption', 'Our Lady of Wisdom', 'Our Lady of Victory', 'Our Lady of Guadalupe',
  'Our Lady of Grace', 'Our Lady of Hope', 'Our Lady of the Annunciation', 'Our Lady of Sorrows', 'Our Lady Queen of Peace',
  'Blessed Sacrament', 'Divine Mercy', 'Corpus Christi', 'Resurrection', 'Transfiguration', 'Good Shepherd', 'Precious Blood',
  'Pope John Paul II', 'Pope Francis', 'Mother Teresa', 'Blessed Chiara Badano', 'Guardian Angels', 'Notre Dame',
];
const CLERGY_TITLES = ['Cardinal', 'Bishop', 'Father', 'Monsignor'];
const CLERGY_FIRST = ['Michael', 'John', 'Henry', 'Patrick', 'Frederick', 'Leo', 'Francis', 'Thomas', 'Joseph', 'Daniel', 'Bernard', 'Dennis'];
const SURNAMES = [
  'Carter', 'Newman', 'Ambrozic', 'Macdonell', 'Ryan', 'Reding', 'Mulcahy', 'Fleming', 'Doyle', "O'Connor", "O'Leary",
  "O'Neill", 'Kelly', 'Brennan', 'Power', 'Gallagher', 'Costa', 'Rossi', 'Marino', 'Kowalski', 'Nowak', 'Santos',
  'Ferreira', 'Reyes', 'Cruz', 'Dominguez', 'DeLuca', 'Moretti', 'Hennessey', 'Keenan', 'McGivney', 'Walsh', 'Byrne',
  'Murphy', 'Collins', 'Duffy', 'Gauthier', 'Lacroix', 'Vásquez', 'Mendoza', 'Pereira', 'Lombardi', 'Sullivan',
];

const FR_FIRST = ['Marie', 'Jean', 'Louis', 'Pierre', 'Jacques', 'Anne', 'Jeanne', 'Gabrielle', 'Hélène', 'Françoise', 'Émile', 'Étienne', 'René', 'Gisèle', 'Lucien', 'Thérèse', 'Marc', 'Paul', 'Georges', 'Rose', 'Cécile', 'Aurèle', 'Félix', 'Joséphine', 'Honoré', 'Léo', 'Rolande', 'Médéric', 'Noël', 'Josée', 'Benoît', 'Geneviève', 'Adrien', 'Solange'];
const FR_LAST = ['Lalonde', 'Tremblay', 'Gagnon', 'Bélanger', 'Côté', 'Bouchard', 'Lévesque', 'Gauthier', 'Caron', 'Séguin', 'Charbonneau', 'Lafrance', 'Desjardins', 'Beauchamp', 'Brisson', 'Lacroix', 'Mercier', 'Paquette', 'Racine', 'Ménard', 'Lemieux', 'Thériault', 'Poirier', 'Leblanc', 'Bériault', 'Sauvé', 'Champagne', 'Demers', 'Giroux', 'Laplante', 'Lefebvre', 'Chénier', 'Brûlé', 'Daoust'];
const FR_PEOPLE = [
  'Marie-Curie', 'Gabrielle-Roy', 'Félix-Leclerc', 'Jeanne-Lajoie', 'Étienne-Brûlé', 'Samuel-de-Champlain', 'Charles-Sauriol',
  'Jeanne-Sauvé', 'Louise-Arbour', 'Antonine-Maillet', 'Michaëlle-Jean', 'Roméo-Dallaire', 'Gisèle-Lalonde', 'Jean-Léman',
  'Pierre-Elliott-Trudeau', 'Georges-P.-Vanier', 'Maurice-Richard', 'Marc-Garneau', 'Julie-Payette', 'Anne-Hébert',
  'Émile-Nelligan', 'Gilles-Vigneault', 'Jacques-Cartier', 'Louis-Riel', 'Simone-Veil', 'Paul-Demers', 'Marie-Rollet',
  'Madeleine-de-Roybon', 'Jean-Éthier-Blais', 'Laurent-Savoie',
];
const FR_L_WORDS = [
  "L'Héritage", "L'Odyssée", "L'Escale", "L'Envolée", "L'Équinoxe", "L'Harmonie", "L'Aquarelle", "L'Étincelle", "L'Arc-en-ciel",
  "L'Horizon", "L'Oasis", "L'Alliance", "L'Érablière", "L'Île-aux-Trésors", "L'Éveil", "L'Avenir", "L'Amitié", "L'Aurore",
  "L'Univers", "L'Écho-des-Rapides", "L'Étoile-du-Nord", "L'Académie", "L'Orée-des-Bois",
];
const FR_ARTICLE_WORDS = [
  'La Source', 'La Fontaine', 'La Découverte', 'La Passerelle', 'La Mosaïque', 'La Citadelle', 'Le Sommet', 'Le Carrefour',
  'Le Phénix', 'Le Flambeau', 'Le Tournesol', 'La Ruche', 'La Boussole', 'Le Cerf-Volant', 'Les Explorateurs', 'Le Héron',
  'La Rivière', 'Le Petit-Bois', 'Les Rapides', 'Le Cœur-Vaillant', 'La Pommeraie', 'Le Trillium', 'La Marée', 'Le Verger',
  'Les Voyageurs', 'La Clairière', 'Le Boisé', 'La Forêt-Enchantée',
];
const FR_PLACE_PHRASES = [
  'des Quatre-Vents', 'des Érables', 'des Pins', 'du Bois-Joli', 'de la Rivière', 'du Ruisseau', 'des Sentiers', 'des Pionniers',
  'des Voyageurs', 'de la Vallée', 'du Lac', 'des Cèdres', 'des Bouleaux', 'du Sommet', 'de la Forêt', 'du Rocher',
  "de l'Horizon", 'des Trois-Pignons', 'des Deux-Rivières', 'du Plateau', 'de la Colline', 'des Outardes', 'des Hérons',
  'du Castor', 'des Samares', 'des Huards', "de l'Île", 'du Grand-Héron',
];
const FR_COMPOUND_A = ['Horizon', 'Carrefour', 'Rayon', 'Sentier', 'Envol', 'Cap', 'Pont', 'Port', 'Val', 'Mont', 'Bois', 'Clair', 'Beau', 'Nouvel', 'Grand'];
const FR_COMPOUND_B = ['Jeunesse', 'Soleil', 'Nord', 'Vert', 'Lumière', 'Avenir', 'Joli', 'Fleuri', 'Doré', 'Brillant', 'Horizon', 'Ouest', 'Est'];

const FR_SAINTS_M = ['Jacques', 'Pierre', 'Paul', 'Luc', 'Marc', 'Mathieu', 'Jean', 'Joseph', 'Louis', 'Laurent', 'Étienne', 'Gabriel', 'Raphaël', 'Denis', 'Rémi', 'Benoît', 'Dominique', 'Albert', 'Ambroise', 'Augustin', 'Bruno', 'Clément', 'Édouard', 'Grégoire', 'Guillaume', 'Hubert', 'Ignace', 'Jérôme', 'Léon', 'Martin', 'Nicolas', 'Philippe', 'Robert', 'Sébastien', 'Thomas', 'Vincent', 'Victor', 'Yves', 'Michel', 'Antoine', 'Isidore', 'Charles', 'François', 'Viateur', 'Norbert'];
const FR_SAINTS_F = ['Anne', 'Bernadette', 'Catherine', 'Claire', 'Élisabeth', 'Geneviève', 'Hélène', 'Jeanne', 'Lucie', 'Madeleine', 'Marie', 'Marthe', 'Monique', 'Thérèse', 'Véronique', 'Agnès', 'Cécile', 'Émilie', 'Colette', 'Rita', 'Ursule', 'Odile', 'Kateri', 'Gertrude', 'Rose-de-Lima'];
const FR_CATHOLIC_FIXED = [
  'Sainte-Marguerite-Bourgeoys', 'Saint-Jean-Baptiste', 'Jean-Paul II', 'Notre-Dame', 'Notre-Dame-du-Rosaire',
  'Notre-Dame-de-Lourdes', 'Notre-Dame-des-Champs', "Notre-Dame-de-l'Assomption", 'Notre-Dame-de-la-Paix',
  "Saint-François-d'Assise", "Sainte-Jeanne-d'Arc", 'Saint-Charles-Borromée', 'Saint-Frère-André', 'Mère-Élisabeth-Bruyère',
  "Marguerite-d'Youville", 'Père-René-de-Galinée', 'Sainte-Kateri-Tekakwitha', 'Saint-Noël-Chabanel', 'Saint-Jean-de-Brébeuf',
  'Monseigneur-de-Charbonnel', 'Cardinal-Léger', 'Pape-François', 'Sacré-Cœur', 'Sainte-Famille', 'Saint-Esprit', 'Sainte-Croix',
  'Saint-Isaac-Jogues', 'Sainte-Trinité', 'Bienheureuse-Dina-Bélanger', 'Frère-Marie-Victorin', "Saint-Thomas-d'Aquin",
  'Élisabeth-Bruyère', 'Mgr-Rémi-Gaulin',
];

const COMMUNITIES = ['Afghan', 'Arab', 'Chinese', 'Eritrean', 'Ethiopian', 'Filipino', 'Hispanic', 'Iranian', 'Korean', 'Latin American', 'Punjabi', 'Somali', 'South Asian', 'Tamil', 'Syrian', 'Ukrainian', 'Vietnamese', 'Congolese', 'Haitian', 'Colombian', 'Nepali', 'Sudanese'];
const MASJID_NAMES = ['Al-Noor', 'Al-Huda', 'Al-Salaam', 'Al-Rahman', 'Al-Iman', 'Al-Hikmah', 'Al-Falah', 'Al-Taqwa', 'Al-Ihsan', 'Al-Furqan'];
const MANDIR_DEITIES = ['Ganesh', 'Ram', 'Krishna', 'Durga', 'Lakshmi Narayan', 'Hanuman', 'Shiva', 'Venkateswara'];
const SYNAGOGUE_WORDS = ['Shalom', 'Israel', 'Emeth', 'Tikvah', 'David', 'Torah', 'Chaim', 'Sholom'];
const ORTHODOX = ['Greek Orthodox Church', 'Coptic Orthodox Church', 'Ukrainian Orthodox Church', 'Ethiopian Orthodox Tewahedo Church', 'Eritrean Orthodox Tewahedo Church', 'Serbian Orthodox Church', 'Romanian Orthodox Church', 'Antiochian Orthodox Church'];
const ORTHODOX_SAINTS = ['George', 'Mary', 'Nicholas', 'Demetrios', 'Mark', 'Gabriel', 'Michael', 'Sava', 'Elias', 'Catherine'];

// ---------------------------------------------------------------------------------------------
// Reception centres (invented names, grouped by real regions)
// ---------------------------------------------------------------------------------------------

const RECEPTION_CENTRES: readonly { name: string; city: string; group: string }[] = [
  { name: 'COSTI Reception Centre', city: 'Toronto', group: 'Reception Centres – GTA' },
  { name: 'Welcome Centre Immigrant Services – Markham', city: 'Markham', group: 'Reception Centres – GTA' },
  { name: 'Ottawa Newcomer Reception Centre', city: 'Ottawa', group: 'Reception Centres – Eastern Ontario' },
  { name: 'Toronto Newcomer Reception Centre – Scarborough', city: 'Toronto', group: 'Reception Centres – GTA' },
  { name: 'Peel Newcomer Reception Centre – Malton', city: 'Mississauga', group: 'Reception Centres – GTA' },
  { name: 'Hamilton Newcomer Reception Centre', city: 'Hamilton', group: 'Reception Centres – Central Ontario' },
  { name: 'London Newcomer Reception Centre', city: 'London', group: 'Reception Centres – Southwestern Ontario' },
  { name: 'Windsor-Essex Newcomer Reception Centre', city: 'Windsor', group: 'Reception Centres – Southwestern Ontario' },
  { name: 'Waterloo Region Newcomer Reception Centre – Kitchener', city: 'Kitchener', group: 'Reception Centres – Central Ontario' },
  { name: "Centre d'accueil des nouveaux arrivants – Orléans", city: 'Ottawa', group: 'Reception Centres – Eastern Ontario' },
  { name: 'Sudbury Newcomer Reception Centre', city: 'Sudbury', group: 'Reception Centres – Northern Ontario' },
  { name: 'Thunder Bay Newcomer Reception Centre', city: 'Thunder Bay', group: 'Reception Centres – Northern Ontario' },
  { name: 'Welcome Centre Immigrant Services – Vaughan', city: 'Vaughan', group: 'Reception Centres – GTA' },
  { name: 'Welcome Centre Immigrant Services – Richmond Hill', city: 'Richmond Hill', group: 'Reception Centres – GTA' },
  { name: 'Welcome Centre Immigrant Services – Newmarket', city: 'Newmarket', group: 'Reception Centres – GTA' },
  { name: 'Welcome Centre Immigrant Services – Pickering', city: 'Pickering', group: 'Reception Centres – GTA' },
  { name: 'Toronto Newcomer Reception Centre – Etobicoke', city: 'Toronto', group: 'Reception Centres – GTA' },
  { name: 'Toronto Newcomer Reception Centre – North York', city: 'Toronto', group: 'Reception Centres – GTA' },
  { name: 'Peel Newcomer Reception Centre – Brampton', city: 'Brampton', group: 'Reception Centres – GTA' },
  { name: 'Mississauga Refugee Reception Centre', city: 'Mississauga', group: 'Reception Centres – GTA' },
  { name: 'Halton Newcomer Reception Centre', city: 'Oakville', group: 'Reception Centres – GTA' },
  { name: 'Durham Newcomer Reception Centre', city: 'Oshawa', group: 'Reception Centres – GTA' },
  { name: 'Ottawa Newcomer Reception Centre – Vanier', city: 'Ottawa', group: 'Reception Centres – Eastern Ontario' },
  { name: 'Kingston Newcomer Reception Centre', city: 'Kingston', group: 'Reception Centres – Eastern Ontario' },
  { name: "Centre d'accueil francophone de Cornwall", city: 'Cornwall', group: 'Reception Centres – Eastern Ontario' },
  { name: 'Peterborough Newcomer Reception Centre', city: 'Peterborough', group: 'Reception Centres – Eastern Ontario' },
  { name: 'Belleville Newcomer Reception Centre', city: 'Belleville', group: 'Reception Centres – Eastern Ontario' },
  { name: 'Hamilton Newcomer Reception Centre – Stoney Creek', city: 'Hamilton', group: 'Reception Centres – Central Ontario' },
  { name: 'Niagara Newcomer Reception Centre – St. Catharines', city: 'St. Catharines', group: 'Reception Centres – Central Ontario' },
  { name: 'Niagara Newcomer Reception Centre – Welland', city: 'Welland', group: 'Reception Centres – Central Ontario' },
  { name: 'Waterloo Region Newcomer Reception Centre – Cambridge', city: 'Cambridge', group: 'Reception Centres – Central Ontario' },
  { name: 'Guelph Newcomer Reception Centre', city: 'Guelph', group: 'Reception Centres – Central Ontario' },
  { name: 'Barrie Newcomer Reception Centre', city: 'Barrie', group: 'Reception Centres – Central Ontario' },
  { name: 'Brantford Newcomer Reception Centre', city: 'Brantford', group: 'Reception Centres – Central Ontario' },
  { name: 'London Newcomer Reception Centre – East London', city: 'London', group: 'Reception Centres – Southwestern Ontario' },
  { name: 'Leamington Newcomer Reception Centre', city: 'Leamington', group: 'Reception Centres – Southwestern Ontario' },
  { name: 'Sarnia-Lambton Newcomer Reception Centre', city: 'Sarnia', group: 'Reception Centres – Southwestern Ontario' },
  { name: 'Chatham-Kent Newcomer Reception Centre', city: 'Chatham', group: 'Reception Centres – Southwestern Ontario' },
  { name: "Centre d'accueil des nouveaux arrivants du Grand Sudbury", city: 'Sudbury', group: 'Reception Centres – Northern Ontario' },
  { name: 'Sault Ste. Marie Newcomer Reception Centre', city: 'Sault Ste. Marie', group: 'Reception Centres – Northern Ontario' },
  { name: 'North Bay Newcomer Reception Centre', city: 'North Bay', group: 'Reception Centres – Northern Ontario' },
  { name: 'Timmins Newcomer Reception Centre', city: 'Timmins', group: 'Reception Centres – Northern Ontario' },
  { name: 'Pearson Airport Newcomer Welcome Desk', city: 'Mississauga', group: 'Reception Centres – GTA' },
  { name: 'Toronto Newcomer Reception Centre – Downtown', city: 'Toronto', group: 'Reception Centres – GTA' },
  { name: 'Ottawa Newcomer Reception Centre – Kanata', city: 'Ottawa', group: 'Reception Centres – Eastern Ontario' },
];

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------

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
        make = () => `${group} – ${place()} ${rng.pick(['Community Room', 'Tenant Resource Room', 'Community Space', 'Family Resource Centre'])}`;
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
      street = rng.chance(0.6) ? rng.pick(FRENCH_STREETS) : `${rng.pick(['rue', 'avenue', 'chemin', 'boulevard', 'promenade'])} ${rng.pick([...FR_LAST, ...FR_SAINTS_M.map((s) => `Saint-${s}`)])}`;
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
        if (secondary) return `${stem} ${rng.weighted([['Catholic Secondary School', 12], ['Catholic High School', 2], ['Catholic College', 1]] as const)}`;
        return `${stem} ${rng.weighted([['Catholic Elementary School', 6], ['Catholic School', 3], ['Catholic Elementary', 1]] as const)}`;
      }
      case 'fr-public': {
        const stem = this.frenchLayStem();
        const type = secondary
          ? rng.weighted([['École secondaire', 4], ['École secondaire publique', 4], ['Collège', 1]] as const)
          : rng.weighted([['École élémentaire', 5], ['École élémentaire publique', 3], ['École publique', 1]] as const);
        return `${type} ${stem}`;
      }
      case 'fr-catholic': {
        const stem = rng.chance(0.8) ? this.frenchCatholicStem() : this.frenchLayStem();
        const type = secondary
          ? rng.weighted([['École secondaire catholique', 8], ['Collège catholique', 1]] as const)
          : rng.weighted([['École élémentaire catholique', 6], ['École catholique', 2]] as const);
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

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

function parseArgs(argv: readonly string[]): { count: number; seed: number | string; out: string } {
  const options = { count: DEFAULT_COUNT, seed: DEFAULT_SEED as number | string, out: DEFAULT_OUT };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[(i += 1)];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--count': {
        const v = value();
        if (!/^\d+$/.test(v)) throw new Error(`--count must be a non-negative integer, got "${v}"`);
        options.count = Number(v);
        break;
      }
      case '--seed':
        options.seed = value();
        break;
      case '--out':
        options.out = value();
        break;
      case '--help':
      case '-h':
        console.log('usage: npx tsx scripts/generate-sample-sites.ts [--count N] [--seed S] [--out file]');
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument "${arg}" (usage: [--count N] [--seed S] [--out file])`);
    }
  }
  return options;
}

function main(): void {
  const { count, seed, out } = parseArgs(process.argv.slice(2));
  const sites = generateSampleSites({ count, seed });
  const csv = sitesToCsv(sites);
  const path = resolve(out);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, csv, 'utf8');

  const byCategory = new Map<string, number>();
  for (const s of sites) byCategory.set(s.category, (byCategory.get(s.category) ?? 0) + 1);
  const groups = new Set(sites.map((s) => s.group)).size;
  const schoolGroups = new Set(sites.filter((s) => s.category === 'SCHOOL').map((s) => s.group)).size;
  const cities = new Set(sites.map((s) => s.city)).size;
  console.log(`wrote ${sites.length} SAMPLE sites (seed ${seed}) to ${path} (${Buffer.byteLength(csv)} bytes)`);
  console.log(`  ${[...byCategory].map(([k, v]) => `${k} ${v}`).join(', ')}; ${groups} groups (${schoolGroups} school boards); ${cities} cities; ${sites.filter((s) => !s.active).length} inactive`);
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  try {
    main();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}

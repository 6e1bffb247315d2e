/**
 * The data behind the SAMPLE site catalog: real Ontario cities with their forward sortation areas,
 * real school boards and the cities they serve, and the word lists invented site names are made of.
 * No logic beyond looking a city up by name; `generate.ts` draws from these lists.
 */

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

export interface City {
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

export const GENERIC_STREETS = [
  'Main Street', 'King Street', 'Queen Street', 'Victoria Street', 'Wellington Street', 'Church Street',
  'Elm Street', 'Water Street', 'Ontario Street', 'Simcoe Street', 'Front Street', 'Park Avenue',
  'Lakeshore Road', 'College Avenue', 'James Street', 'George Street', 'John Street', 'William Street',
  'Albert Street', 'Centre Street', 'Mill Street', 'Bridge Street', 'Pine Street', 'Maple Avenue',
];

export const STREET_TYPES = ['Street', 'Avenue', 'Road', 'Drive', 'Crescent', 'Court', 'Boulevard', 'Way', 'Trail', 'Lane', 'Place', 'Gate', 'Circle'];

export const FRENCH_STREETS = [
  'rue Principale', 'rue Laurier', 'rue Notre-Dame', 'rue Champlain', 'rue Saint-Jean', 'boulevard Cartier',
  'rue Lafontaine', 'rue Sainte-Anne', 'avenue des Pins', "rue de l'Église", 'chemin du Lac', 'rue Racine',
  'rue Brébeuf', 'rue Saint-Joseph', 'promenade du Parc', 'rue des Érables', 'rue Côté', 'chemin de la Rivière',
];

const city = (c: City): City => c;

export const CITIES: readonly City[] = [
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

export function cityNamed(name: string): City {
  const c = CITY_BY_NAME.get(name);
  if (!c) throw new Error(`unknown city ${name}`);
  return c;
}

// ---------------------------------------------------------------------------------------------
// School boards (real), the cities each actually serves, and a rough count of their schools
// ---------------------------------------------------------------------------------------------

export type BoardKind = 'en-public' | 'en-catholic' | 'fr-public' | 'fr-catholic';

export interface Board {
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

export const BOARDS: readonly Board[] = [
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

export const STEM_FIRST = [
  'Maple', 'Cedar', 'Oak', 'Pine', 'Birch', 'Willow', 'Elm', 'Ash', 'Spruce', 'Aspen', 'Hazel', 'Alder', 'Hawthorn', 'Chestnut',
  'Walnut', 'Linden', 'Fern', 'Clover', 'Heather', 'Thorn', 'Silver', 'Golden', 'Green', 'Red', 'Fair', 'Glen', 'Brook',
  'Stone', 'River', 'Lake', 'Meadow', 'Sun', 'Hill', 'Spring', 'North', 'West', 'East', 'South', 'Bay', 'Crystal', 'Deer',
  'Fox', 'Eagle', 'Hawk', 'Bear', 'Beaver', 'Heron', 'Robin', 'Wolf', 'Rose', 'Briar', 'Cherry', 'Apple', 'Mill', 'Kings',
  'Queens', 'Rock', 'Sand', 'Wild', 'Clear', 'High', 'Grand', 'Forest', 'Rich', 'Long', 'Summer', 'Winter', 'Falcon',
];
export const STEM_JOINED = ['wood', 'view', 'crest', 'brook', 'field', 'dale', 'ridge', 'vale', 'mount', 'side', 'haven', 'croft', 'gate', 'hurst', 'ford', 'land', 'bank', 'mere'];
export const STEM_WORD = [
  'Heights', 'Park', 'Valley', 'Meadows', 'Glen', 'Hills', 'Creek', 'Grove', 'Woods', 'Ridge', 'Trail', 'Acres', 'Gardens',
  'Hollow', 'Landing', 'Shores', 'Village', 'Point', 'Springs', 'Mills', 'Bluffs', 'Downs', 'Orchard', 'Commons',
];

export const PEOPLE = [
  'Terry Fox', 'Lester B. Pearson', 'Roberta Bondar', 'Emily Carr', 'Nellie McClung', 'Agnes Macphail', 'Frederick Banting',
  'Tommy Douglas', 'Lincoln Alexander', 'Viola Desmond', 'Harriet Tubman', 'Mary Ann Shadd', 'Josiah Henson', 'Laura Secord',
  'Pauline Johnson', 'Tom Longboat', 'Tecumseh', 'John McCrae', 'Alexander Graham Bell', 'Lucy Maud Montgomery',
  'Stephen Leacock', 'Norman Bethune', 'Emily Murphy', 'Marshall McLuhan', 'Glenn Gould', 'Oscar Peterson', 'Elijah McCoy',
  'Chris Hadfield', 'Julie Payette', 'Marc Garneau', 'Adrienne Clarkson', 'Rosemary Brown', 'Jean Augustine', 'Bertha Wilson',
  'Buffy Sainte-Marie', 'Wilfrid Laurier', 'Samuel de Champlain', 'Emily Stowe', 'Elizabeth Simcoe', 'Robert Munsch',
  'Jennie Trout', 'Charlotte Whitton', 'Cairine Wilson', 'Thérèse Casgrain', 'Chief Dan George', 'Jackie Shane', 'Tom Thomson',
  'Lawren Harris', 'Georges Vanier', 'Romeo Dallaire', 'Stanley Grizzle', 'Anne Shadd', 'Frances Loring', 'Alice Munro',
];

export const SAINTS = [
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
export const POSSESSIVE_SAINTS = ['Mary', 'Michael', 'Joseph', 'Patrick', 'Anne', 'Andrew', 'Paul', 'Peter', 'James', 'Luke', 'Mark', 'Matthew', 'Jude', 'Brigid', 'Agnes', 'Gabriel', 'Stephen', 'Monica', 'Cecilia', 'Timothy', 'Helen'];
export const DEVOTIONS = [
  'Holy Name of Mary', 'Holy Name', 'Holy Family', 'Holy Cross', 'Holy Spirit', 'Holy Trinity', 'Holy Rosary', 'Sacred Heart',
  'Immaculate Conception', 'Our Lady of Peace', 'Our Lady of Lourdes', 'Our Lady of Fatima', 'Our Lady of Good Counsel',
  'Our Lady of Mount Carmel', 'Our Lady of the Assumption', 'Our Lady of Wisdom', 'Our Lady of Victory', 'Our Lady of Guadalupe',
  'Our Lady of Grace', 'Our Lady of Hope', 'Our Lady of the Annunciation', 'Our Lady of Sorrows', 'Our Lady Queen of Peace',
  'Blessed Sacrament', 'Divine Mercy', 'Corpus Christi', 'Resurrection', 'Transfiguration', 'Good Shepherd', 'Precious Blood',
  'Pope John Paul II', 'Pope Francis', 'Mother Teresa', 'Blessed Chiara Badano', 'Guardian Angels', 'Notre Dame',
];
export const CLERGY_TITLES = ['Cardinal', 'Bishop', 'Father', 'Monsignor'];
export const CLERGY_FIRST = ['Michael', 'John', 'Henry', 'Patrick', 'Frederick', 'Leo', 'Francis', 'Thomas', 'Joseph', 'Daniel', 'Bernard', 'Dennis'];
export const SURNAMES = [
  'Carter', 'Newman', 'Ambrozic', 'Macdonell', 'Ryan', 'Reding', 'Mulcahy', 'Fleming', 'Doyle', "O'Connor", "O'Leary",
  "O'Neill", 'Kelly', 'Brennan', 'Power', 'Gallagher', 'Costa', 'Rossi', 'Marino', 'Kowalski', 'Nowak', 'Santos',
  'Ferreira', 'Reyes', 'Cruz', 'Dominguez', 'DeLuca', 'Moretti', 'Hennessey', 'Keenan', 'McGivney', 'Walsh', 'Byrne',
  'Murphy', 'Collins', 'Duffy', 'Gauthier', 'Lacroix', 'Vásquez', 'Mendoza', 'Pereira', 'Lombardi', 'Sullivan',
];

export const FR_FIRST = ['Marie', 'Jean', 'Louis', 'Pierre', 'Jacques', 'Anne', 'Jeanne', 'Gabrielle', 'Hélène', 'Françoise', 'Émile', 'Étienne', 'René', 'Gisèle', 'Lucien', 'Thérèse', 'Marc', 'Paul', 'Georges', 'Rose', 'Cécile', 'Aurèle', 'Félix', 'Joséphine', 'Honoré', 'Léo', 'Rolande', 'Médéric', 'Noël', 'Josée', 'Benoît', 'Geneviève', 'Adrien', 'Solange'];
export const FR_LAST = ['Lalonde', 'Tremblay', 'Gagnon', 'Bélanger', 'Côté', 'Bouchard', 'Lévesque', 'Gauthier', 'Caron', 'Séguin', 'Charbonneau', 'Lafrance', 'Desjardins', 'Beauchamp', 'Brisson', 'Lacroix', 'Mercier', 'Paquette', 'Racine', 'Ménard', 'Lemieux', 'Thériault', 'Poirier', 'Leblanc', 'Bériault', 'Sauvé', 'Champagne', 'Demers', 'Giroux', 'Laplante', 'Lefebvre', 'Chénier', 'Brûlé', 'Daoust'];
export const FR_PEOPLE = [
  'Marie-Curie', 'Gabrielle-Roy', 'Félix-Leclerc', 'Jeanne-Lajoie', 'Étienne-Brûlé', 'Samuel-de-Champlain', 'Charles-Sauriol',
  'Jeanne-Sauvé', 'Louise-Arbour', 'Antonine-Maillet', 'Michaëlle-Jean', 'Roméo-Dallaire', 'Gisèle-Lalonde', 'Jean-Léman',
  'Pierre-Elliott-Trudeau', 'Georges-P.-Vanier', 'Maurice-Richard', 'Marc-Garneau', 'Julie-Payette', 'Anne-Hébert',
  'Émile-Nelligan', 'Gilles-Vigneault', 'Jacques-Cartier', 'Louis-Riel', 'Simone-Veil', 'Paul-Demers', 'Marie-Rollet',
  'Madeleine-de-Roybon', 'Jean-Éthier-Blais', 'Laurent-Savoie',
];
export const FR_L_WORDS = [
  "L'Héritage", "L'Odyssée", "L'Escale", "L'Envolée", "L'Équinoxe", "L'Harmonie", "L'Aquarelle", "L'Étincelle", "L'Arc-en-ciel",
  "L'Horizon", "L'Oasis", "L'Alliance", "L'Érablière", "L'Île-aux-Trésors", "L'Éveil", "L'Avenir", "L'Amitié", "L'Aurore",
  "L'Univers", "L'Écho-des-Rapides", "L'Étoile-du-Nord", "L'Académie", "L'Orée-des-Bois",
];
export const FR_ARTICLE_WORDS = [
  'La Source', 'La Fontaine', 'La Découverte', 'La Passerelle', 'La Mosaïque', 'La Citadelle', 'Le Sommet', 'Le Carrefour',
  'Le Phénix', 'Le Flambeau', 'Le Tournesol', 'La Ruche', 'La Boussole', 'Le Cerf-Volant', 'Les Explorateurs', 'Le Héron',
  'La Rivière', 'Le Petit-Bois', 'Les Rapides', 'Le Cœur-Vaillant', 'La Pommeraie', 'Le Trillium', 'La Marée', 'Le Verger',
  'Les Voyageurs', 'La Clairière', 'Le Boisé', 'La Forêt-Enchantée',
];
export const FR_PLACE_PHRASES = [
  'des Quatre-Vents', 'des Érables', 'des Pins', 'du Bois-Joli', 'de la Rivière', 'du Ruisseau', 'des Sentiers', 'des Pionniers',
  'des Voyageurs', 'de la Vallée', 'du Lac', 'des Cèdres', 'des Bouleaux', 'du Sommet', 'de la Forêt', 'du Rocher',
  "de l'Horizon", 'des Trois-Pignons', 'des Deux-Rivières', 'du Plateau', 'de la Colline', 'des Outardes', 'des Hérons',
  'du Castor', 'des Samares', 'des Huards', "de l'Île", 'du Grand-Héron',
];
export const FR_COMPOUND_A = ['Horizon', 'Carrefour', 'Rayon', 'Sentier', 'Envol', 'Cap', 'Pont', 'Port', 'Val', 'Mont', 'Bois', 'Clair', 'Beau', 'Nouvel', 'Grand'];
export const FR_COMPOUND_B = ['Jeunesse', 'Soleil', 'Nord', 'Vert', 'Lumière', 'Avenir', 'Joli', 'Fleuri', 'Doré', 'Brillant', 'Horizon', 'Ouest', 'Est'];

export const FR_SAINTS_M = ['Jacques', 'Pierre', 'Paul', 'Luc', 'Marc', 'Mathieu', 'Jean', 'Joseph', 'Louis', 'Laurent', 'Étienne', 'Gabriel', 'Raphaël', 'Denis', 'Rémi', 'Benoît', 'Dominique', 'Albert', 'Ambroise', 'Augustin', 'Bruno', 'Clément', 'Édouard', 'Grégoire', 'Guillaume', 'Hubert', 'Ignace', 'Jérôme', 'Léon', 'Martin', 'Nicolas', 'Philippe', 'Robert', 'Sébastien', 'Thomas', 'Vincent', 'Victor', 'Yves', 'Michel', 'Antoine', 'Isidore', 'Charles', 'François', 'Viateur', 'Norbert'];
export const FR_SAINTS_F = ['Anne', 'Bernadette', 'Catherine', 'Claire', 'Élisabeth', 'Geneviève', 'Hélène', 'Jeanne', 'Lucie', 'Madeleine', 'Marie', 'Marthe', 'Monique', 'Thérèse', 'Véronique', 'Agnès', 'Cécile', 'Émilie', 'Colette', 'Rita', 'Ursule', 'Odile', 'Kateri', 'Gertrude', 'Rose-de-Lima'];
export const FR_CATHOLIC_FIXED = [
  'Sainte-Marguerite-Bourgeoys', 'Saint-Jean-Baptiste', 'Jean-Paul II', 'Notre-Dame', 'Notre-Dame-du-Rosaire',
  'Notre-Dame-de-Lourdes', 'Notre-Dame-des-Champs', "Notre-Dame-de-l'Assomption", 'Notre-Dame-de-la-Paix',
  "Saint-François-d'Assise", "Sainte-Jeanne-d'Arc", 'Saint-Charles-Borromée', 'Saint-Frère-André', 'Mère-Élisabeth-Bruyère',
  "Marguerite-d'Youville", 'Père-René-de-Galinée', 'Sainte-Kateri-Tekakwitha', 'Saint-Noël-Chabanel', 'Saint-Jean-de-Brébeuf',
  'Monseigneur-de-Charbonnel', 'Cardinal-Léger', 'Pape-François', 'Sacré-Cœur', 'Sainte-Famille', 'Saint-Esprit', 'Sainte-Croix',
  'Saint-Isaac-Jogues', 'Sainte-Trinité', 'Bienheureuse-Dina-Bélanger', 'Frère-Marie-Victorin', "Saint-Thomas-d'Aquin",
  'Élisabeth-Bruyère', 'Mgr-Rémi-Gaulin',
];

export const COMMUNITIES = ['Afghan', 'Arab', 'Chinese', 'Eritrean', 'Ethiopian', 'Filipino', 'Hispanic', 'Iranian', 'Korean', 'Latin American', 'Punjabi', 'Somali', 'South Asian', 'Tamil', 'Syrian', 'Ukrainian', 'Vietnamese', 'Congolese', 'Haitian', 'Colombian', 'Nepali', 'Sudanese'];
export const MASJID_NAMES = ['Al-Noor', 'Al-Huda', 'Al-Salaam', 'Al-Rahman', 'Al-Iman', 'Al-Hikmah', 'Al-Falah', 'Al-Taqwa', 'Al-Ihsan', 'Al-Furqan'];
export const MANDIR_DEITIES = ['Ganesh', 'Ram', 'Krishna', 'Durga', 'Lakshmi Narayan', 'Hanuman', 'Shiva', 'Venkateswara'];
export const SYNAGOGUE_WORDS = ['Shalom', 'Israel', 'Emeth', 'Tikvah', 'David', 'Torah', 'Chaim', 'Sholom'];
export const ORTHODOX = ['Greek Orthodox Church', 'Coptic Orthodox Church', 'Ukrainian Orthodox Church', 'Ethiopian Orthodox Tewahedo Church', 'Eritrean Orthodox Tewahedo Church', 'Serbian Orthodox Church', 'Romanian Orthodox Church', 'Antiochian Orthodox Church'];
export const ORTHODOX_SAINTS = ['George', 'Mary', 'Nicholas', 'Demetrios', 'Mark', 'Gabriel', 'Michael', 'Sava', 'Elias', 'Catherine'];

// ---------------------------------------------------------------------------------------------
// Reception centres (invented names, grouped by real regions)
// ---------------------------------------------------------------------------------------------

export const RECEPTION_CENTRES: readonly { name: string; city: string; group: string }[] = [
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

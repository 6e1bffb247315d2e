import { describe, expect, it } from '@jest/globals';
import type { Site } from '../../functions/domain/site';
import { MAX_REPORTED_ERRORS, parseSiteCatalogCsv, sitesToCsv, type SiteCatalogCsvResult } from '../../functions/domain/site-catalog-csv';

const HEADER = 'siteId,name,category,group,address,city,postalCode,active';
const ROW_1 = 'ON-SCH-000001,Maplewood Public School,SCHOOL,Toronto District School Board,12 Dundas Street West,Toronto,M5V 2T6,true';
const ROW_2 =
  'ON-NSC-000001,Toronto Public Library – Parkdale Branch,NON_SCHOOL,Toronto Public Library,1303 Queen Street West,Toronto,M6K 1L6,false';
const ROW_3 = 'ON-REC-000001,COSTI Reception Centre,RECEPTION_CENTRE,Reception Centres – GTA,100 Lippincott Street,Toronto,M5S 2P1,true';

const utf8 = (text: string) => new TextEncoder().encode(text);
const csv = (...lines: string[]) => utf8(lines.join('\n') + '\n');

function errorsOf(result: SiteCatalogCsvResult) {
  if (result.ok) throw new Error(`expected errors, got ${result.sites.length} sites`);
  return result.errors;
}

function sitesOf(result: SiteCatalogCsvResult): Site[] {
  if (!result.ok) throw new Error(`expected sites, got errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.sites;
}

const site = (overrides: Partial<Site>): Site => ({
  siteId: 'ON-SCH-000001',
  name: 'Maplewood Public School',
  category: 'SCHOOL',
  group: 'Toronto District School Board',
  address: '12 Dundas Street West',
  city: 'Toronto',
  postalCode: 'M5V 2T6',
  active: true,
  ...overrides,
});

describe('sitesToCsv', () => {
  it('writes the header, one LF-terminated line per site and true/false for active', () => {
    const text = sitesToCsv([site({}), site({ siteId: 'ON-SCH-000002', active: false })]);
    expect(text).toBe(
      `${HEADER}\n` +
        'ON-SCH-000001,Maplewood Public School,SCHOOL,Toronto District School Board,12 Dundas Street West,Toronto,M5V 2T6,true\n' +
        'ON-SCH-000002,Maplewood Public School,SCHOOL,Toronto District School Board,12 Dundas Street West,Toronto,M5V 2T6,false\n',
    );
    expect(text).not.toContain('\r');
  });

  it.each([
    ['a comma', '45 Main Street, Suite 200', '"45 Main Street, Suite 200"'],
    ['a double quote', 'The "Hub" Centre', '"The ""Hub"" Centre"'],
    ['a line feed', 'Line one\nLine two', '"Line one\nLine two"'],
    ['a carriage return', 'Line one\r\nLine two', '"Line one\r\nLine two"'],
    ['only an apostrophe and accents', "École élémentaire L'Odyssée", "École élémentaire L'Odyssée"],
  ])('quotes a field only when it needs it: %s', (_label, name, expected) => {
    const line = sitesToCsv([site({ name })])
      .split('\n')
      .slice(1)
      .join('\n');
    expect(line).toContain(`,${expected},`);
  });

  it('writes only the header for an empty catalog', () => {
    expect(sitesToCsv([])).toBe(`${HEADER}\n`);
  });
});

describe('parseSiteCatalogCsv', () => {
  it('round-trips sites through sitesToCsv, including commas, quotes, accents and line breaks', () => {
    const sites: Site[] = [
      site({}),
      site({
        siteId: 'ON-SCH-000002',
        name: 'St. Michael\'s Catholic Elementary School, "North" Campus',
        group: 'Toronto Catholic District School Board',
      }),
      site({
        siteId: 'ON-SCH-000003',
        name: 'École secondaire catholique Sainte-Marguerite-Bourgeoys',
        group: "Conseil scolaire de district catholique de l'Est ontarien",
        city: 'Hawkesbury',
        postalCode: 'K6A 1A1',
        address: '45 rue Principale',
      }),
      site({
        siteId: 'ON-NSC-000001',
        category: 'NON_SCHOOL',
        name: 'Centre communautaire\nLe Cœur-Vaillant',
        group: 'City of Ottawa Community Centres',
        city: 'Ottawa',
        postalCode: 'K1L 8B9',
        active: false,
      }),
      site({
        siteId: 'ON-NSC-000002',
        category: 'NON_SCHOOL',
        name: 'Refugee Family Residence – Malton',
        group: 'Shelters – Peel',
        address: '120-45 Main Street, Suite 3\r\nRear entrance',
        city: 'Mississauga',
        postalCode: 'L4T 1A1',
      }),
      site({
        siteId: 'ON-REC-000001',
        category: 'RECEPTION_CENTRE',
        name: 'Ottawa Newcomer Reception Centre',
        group: 'Reception Centres – Eastern Ontario',
        city: 'Ottawa',
        postalCode: 'K2P 0A4',
      }),
    ];
    const result = parseSiteCatalogCsv(utf8(sitesToCsv(sites)));
    expect(sitesOf(result)).toEqual(sites);
  });

  it('normalizes postal codes and trims names as the site schema does', () => {
    const result = parseSiteCatalogCsv(
      csv(
        HEADER,
        'ON-SCH-000001,  Maplewood Public School ,SCHOOL,Toronto District School Board,12 Dundas Street West,Toronto,m5v2t6,true',
      ),
    );
    expect(sitesOf(result)).toEqual([site({})]);
  });

  it('accepts a leading UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...csv(HEADER, ROW_1)]);
    expect(sitesOf(parseSiteCatalogCsv(bytes))).toEqual([site({})]);
  });

  it('accepts CRLF line endings and a last line without a line break', () => {
    const result = parseSiteCatalogCsv(utf8([HEADER, ROW_1, ROW_2, ROW_3].join('\r\n')));
    expect(sitesOf(result).map((s) => s.siteId)).toEqual(['ON-SCH-000001', 'ON-NSC-000001', 'ON-REC-000001']);
  });

  it('ignores blank lines between rows', () => {
    expect(sitesOf(parseSiteCatalogCsv(csv(HEADER, ROW_1, '', ROW_2))).length).toBe(2);
  });

  it.each([
    ['true', true],
    ['false', false],
    ['TRUE', true],
    ['FALSE', false],
    ['yes', true],
    ['no', false],
    ['1', true],
    ['0', false],
  ])('reads active %j as %j', (text, expected) => {
    const result = parseSiteCatalogCsv(csv(HEADER, ROW_1.replace(/,true$/, `,${text}`)));
    expect(sitesOf(result)[0]?.active).toBe(expected);
  });

  describe('header', () => {
    it.each([
      ['a missing column', 'siteId,name,category,address,city,postalCode,active', [{ field: 'group', message: 'missing column "group"' }]],
      ['an unknown column', `${HEADER},notes`, [{ field: 'notes', message: 'unknown column "notes"' }]],
      [
        'a renamed column',
        'siteId,name,category,board,address,city,postalCode,active',
        [
          { field: 'group', message: 'missing column "group"' },
          { field: 'board', message: 'unknown column "board"' },
        ],
      ],
      [
        'a column in the wrong case',
        'SiteId,name,category,group,address,city,postalCode,active',
        [
          { field: 'siteId', message: 'missing column "siteId"' },
          { field: 'SiteId', message: expect.stringContaining('did you mean "siteId"') },
        ],
      ],
      ['an unnamed column', `${HEADER},`, [{ message: expect.stringContaining('no name') }]],
      ['a repeated column', `${HEADER},name`, [{ field: 'name', message: 'column "name" appears more than once' }]],
      [
        'the right columns in another order',
        'name,siteId,category,group,address,city,postalCode,active',
        [{ message: expect.stringContaining('wrong order') }],
      ],
    ])('reports %s on line 1 by name', (_label, header, expected) => {
      const errors = errorsOf(parseSiteCatalogCsv(csv(header, ROW_1)));
      expect(errors).toEqual(expected.map((e) => expect.objectContaining({ line: 1, ...e })));
    });
  });

  describe('rows', () => {
    it.each([
      ['a bad category', ROW_1.replace(',SCHOOL,', ',SCHOOLS,'), 'category', 'SCHOOLS'],
      ['a bad active value', ROW_1.replace(/,true$/, ',maybe'), 'active', 'maybe'],
      ['an empty active value', ROW_1.replace(/,true$/, ','), 'active', undefined],
      ['an invalid postal code', ROW_1.replace('M5V 2T6', 'M5V 2T'), 'postalCode', 'M5V 2T'],
      ['a forward sortation area instead of a full postal code', ROW_1.replace('M5V 2T6', 'M5V'), 'postalCode', 'M5V'],
      ['a blank name', ROW_1.replace('Maplewood Public School', '  '), 'name', undefined],
      ['a site id with spaces', ROW_1.replace('ON-SCH-000001', 'ON SCH 1'), 'siteId', 'ON SCH 1'],
    ])('reports %s with its line and field', (_label, row, field, value) => {
      const errors = errorsOf(parseSiteCatalogCsv(csv(HEADER, ROW_2, row)));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ line: 3, field });
      if (value !== undefined) expect(errors[0]?.message).toContain(JSON.stringify(value));
    });

    it('reports a row with the wrong number of fields', () => {
      const errors = errorsOf(parseSiteCatalogCsv(csv(HEADER, ROW_1, `${ROW_2},extra`)));
      expect(errors).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('9 fields; expected 8') })]);
    });

    it('reports a duplicate siteId on the later line, naming the earlier one', () => {
      const errors = errorsOf(parseSiteCatalogCsv(csv(HEADER, ROW_1, ROW_2, ROW_1.replace('Maplewood', 'Oakwood'))));
      expect(errors).toEqual([{ line: 4, field: 'siteId', message: 'duplicate siteId "ON-SCH-000001": already used on line 2' }]);
    });

    it('reports every problem in one pass, in line order', () => {
      const errors = errorsOf(
        parseSiteCatalogCsv(
          csv(HEADER, ROW_1.replace(',SCHOOL,', ',school,').replace(/,true$/, ',y'), ROW_2, ROW_3.replace('M5S 2P1', 'D5S 2P1')),
        ),
      );
      expect(errors.map((e) => [e.line, e.field])).toEqual([
        [2, 'active'],
        [2, 'category'],
        [4, 'postalCode'],
      ]);
    });

    it('counts physical lines, so a row after a quoted multi-line field gets the right line', () => {
      const multiLine =
        'ON-NSC-000002,"Centre communautaire\nLe Cœur-Vaillant\r\nAnnex",NON_SCHOOL,City of Ottawa Community Centres,"1 Main Street,\nRear",Ottawa,K1L 8B9,true';
      const badPostal = ROW_3.replace('M5S 2P1', 'M5S 2P');
      // Lines: 1 header, 2 ROW_1, 3-6 the multi-line row, 7 bad postal code.
      const errors = errorsOf(parseSiteCatalogCsv(csv(HEADER, ROW_1, multiLine, badPostal)));
      expect(errors).toEqual([expect.objectContaining({ line: 7, field: 'postalCode' })]);
    });

    it('gives the first line of a multi-line row that is itself invalid', () => {
      const multiLineBad = 'ON-NSC-000002,"Two\nlines",NON_SCHOOL,City of Ottawa Community Centres,1 Main Street,Ottawa,K1L 8B,true';
      const errors = errorsOf(parseSiteCatalogCsv(csv(HEADER, ROW_1, multiLineBad, ROW_3.replace(',true', ',nope'))));
      expect(errors.map((e) => [e.line, e.field])).toEqual([
        [3, 'postalCode'],
        [5, 'active'],
      ]);
    });

    it('counts CRLF inside a quoted field as one line break', () => {
      const text = [HEADER, 'ON-NSC-000002,"a\r\nb",NON_SCHOOL,G,1 Main Street,Ottawa,K1L 8B9,true', ROW_3.replace(',true', ',nope')].join(
        '\r\n',
      );
      expect(errorsOf(parseSiteCatalogCsv(utf8(text)))).toEqual([expect.objectContaining({ line: 4, field: 'active' })]);
    });

    it('reports a quote that is never closed instead of throwing', () => {
      const errors = errorsOf(
        parseSiteCatalogCsv(csv(HEADER, ROW_1, 'ON-SCH-000002,"Unclosed name,SCHOOL,G,1 Main Street,Toronto,M5V 2T6,true', ROW_3)),
      );
      expect(errors).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('never closed') })]);
    });

    it('reports a stray quote inside an unquoted field instead of throwing', () => {
      const errors = errorsOf(
        parseSiteCatalogCsv(csv(HEADER, ROW_1, 'ON-SCH-000002,The "Hub",SCHOOL,G,1 Main Street,Toronto,M5V 2T6,true', ROW_3)),
      );
      expect(errors).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('put the whole field in quotes') })]);
    });

    it(`lists at most ${MAX_REPORTED_ERRORS} errors, then says how many more there are`, () => {
      const rows = Array.from({ length: MAX_REPORTED_ERRORS + 250 }, (_, i) =>
        ROW_1.replace('ON-SCH-000001', `ON-SCH-${i}`).replace(/,true$/, ',maybe'),
      );
      const errors = errorsOf(parseSiteCatalogCsv(csv(HEADER, ...rows)));
      expect(errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
      expect(errors[MAX_REPORTED_ERRORS - 1]).toMatchObject({ line: MAX_REPORTED_ERRORS + 1, field: 'active' });
      expect(errors[MAX_REPORTED_ERRORS]).toEqual({ line: MAX_REPORTED_ERRORS + 2, message: '... and 250 more errors not listed' });
    });
  });

  describe('whole file', () => {
    it('rejects Windows-1252 bytes as not UTF-8, naming the line of the first bad byte', () => {
      // "École" as exported by Excel's plain "CSV" on Windows: 0xC9 for É.
      const latin1 = new Uint8Array([...csv(HEADER, ROW_1), 0xc9, ...utf8('cole,x\n')]);
      const errors = errorsOf(parseSiteCatalogCsv(latin1));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ line: 3 });
      expect(errors[0]?.message).toMatch(/not UTF-8/);
      expect(errors[0]?.message).toContain('0xC9');
    });

    it.each([
      ['a truncated sequence', [0xc3]],
      ['an overlong encoding', [0xc0, 0xaf]],
      ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
      ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ])('rejects %s as not UTF-8', (_label, badBytes) => {
      const errors = errorsOf(parseSiteCatalogCsv(new Uint8Array([...utf8(`${HEADER}\n`), ...badBytes])));
      expect(errors).toEqual([expect.objectContaining({ line: 2, message: expect.stringMatching(/not UTF-8/) })]);
    });

    it.each([
      ['an empty file', new Uint8Array()],
      ['a byte order mark only', new Uint8Array([0xef, 0xbb, 0xbf])],
      ['blank lines only', utf8('\n\r\n  \n')],
    ])('rejects %s as empty', (_label, bytes) => {
      expect(errorsOf(parseSiteCatalogCsv(bytes))).toEqual([
        expect.objectContaining({ line: 1, message: expect.stringContaining('empty') }),
      ]);
    });

    it.each([
      ['with a line break', csv(HEADER)],
      ['without a line break', utf8(HEADER)],
    ])('rejects a header with no rows (%s)', (_label, bytes) => {
      expect(errorsOf(parseSiteCatalogCsv(bytes))).toEqual([{ line: 1, message: 'the file has a header row but no sites' }]);
    });

    it('reports a blank first line instead of a header', () => {
      expect(errorsOf(parseSiteCatalogCsv(csv('', HEADER, ROW_1)))).toEqual([
        expect.objectContaining({ line: 1, message: expect.stringContaining('blank') }),
      ]);
    });
  });

  describe('progress', () => {
    it.each([
      [999, [999]],
      [1_000, [1_000]],
      [2_500, [1_000, 2_000, 2_500]],
    ])('after %i rows reports %j', (rows, expected) => {
      const lines = Array.from({ length: rows }, (_, i) => ROW_1.replace('ON-SCH-000001', `ON-SCH-${i}`));
      const calls: number[] = [];
      const result = parseSiteCatalogCsv(csv(HEADER, ...lines), (n) => calls.push(n));
      expect(sitesOf(result)).toHaveLength(rows);
      expect(calls).toEqual(expected);
    });

    it('is optional', () => {
      expect(sitesOf(parseSiteCatalogCsv(csv(HEADER, ROW_1)))).toHaveLength(1);
    });
  });
});

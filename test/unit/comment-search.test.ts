import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from '@jest/globals';
import type { DynamoDBRecord } from 'aws-lambda';
import { postingItems } from '../../functions/adapters/dynamodb/search-index';
import { commentWords, parseSearchText, wordsMatch } from '../../functions/domain/comment-words';
import { FindAnonymousClientsQuerySchema } from '../../functions/domain/find-anonymous-clients';
import { hmacCursorCodec, InvalidCursorError } from '../../functions/domain/search-cursor';
import { createIndexClientCommentsHandler } from '../../functions/handlers/index-client-comments';
import type { ClientPostings, SearchIndexWriter } from '../../functions/ports/client-search-index';
import { localLambdaContext } from '../../local/lambda-context';

const indexerContext = () => localLambdaContext('index-client-comments', 60);

describe('comment words', () => {
  it('lower-cases, folds accents and splits on anything that is not a letter', () => {
    expect(commentWords("Besoin d'un INTERPRÈTE — arabe/français, 2 enfants; Ça va?")).toEqual([
      'besoin',
      'd',
      'un',
      'interprete',
      'arabe',
      'francais',
      'enfants',
      'ca',
      'va',
    ]);
  });

  it('keeps each word once and keeps the marks of scripts where they are letters', () => {
    expect(commentWords('Doctor doctor DOCTOR')).toEqual(['doctor']);
    expect(commentWords('नमस्ते दुनिया')).toEqual(['नमस्ते', 'दुनिया']);
    expect(commentWords('مرحبا بالعالم')).toEqual(['مرحبا', 'بالعالم']);
    expect(commentWords(null)).toEqual([]);
  });

  it('reads the last query word as a prefix from two letters on, and only the last', () => {
    expect(parseSearchText('Arabic INTERP')).toEqual({ exact: ['arabic'], prefix: 'interp' });
    expect(parseSearchText('interp arabic')).toEqual({ exact: ['interp'], prefix: 'arabic' });
    expect(parseSearchText('esl a')).toEqual({ exact: ['esl', 'a'], prefix: undefined });
    expect(parseSearchText('doctor doc')).toEqual({ exact: ['doctor'], prefix: undefined });
    expect(parseSearchText('   ')).toEqual({ exact: [], prefix: undefined });
  });

  it('matches every word, the prefix against any word', () => {
    const words = commentWords('Needs an Arabic interpreter');
    expect(wordsMatch(words, parseSearchText('arabic interp'))).toBe(true);
    expect(wordsMatch(words, parseSearchText('arab interpreter'))).toBe(false);
    expect(wordsMatch(words, parseSearchText('ARABIC needs'))).toBe(true);
  });
});

describe('search query parameters', () => {
  const parse = (query: Record<string, string>) => FindAnonymousClientsQuerySchema.safeParse(query);

  it('defaults limit to 25 and accepts 1 to 100', () => {
    expect(parse({}).data).toEqual({ limit: 25 });
    expect(parse({ limit: '100' }).success).toBe(true);
    for (const limit of ['0', '101', '2.5', 'x']) expect(parse({ limit }).success).toBe(false);
  });

  it('refuses to before from, impossible dates, and a q without letters', () => {
    expect(parse({ from: '2024-02-01', to: '2024-01-31' }).error?.issues[0]?.path).toEqual(['to']);
    expect(parse({ from: '2023-02-29' }).success).toBe(false);
    expect(parse({ q: '42' }).error?.issues[0]?.path).toEqual(['q']);
  });
});

describe('search cursors', () => {
  const codec = hmacCursorCodec(Buffer.alloc(32, 7));
  const scope = { agencyId: 'agency-a', query: { terms: { exact: ['esl'], prefix: undefined }, siteId: undefined } };

  it('round-trips a position for the same agency and query', () => {
    expect(codec.decode(scope, codec.encode(scope, '2024-01-01#t#ID'))).toBe('2024-01-01#t#ID');
  });

  it('refuses an edited cursor, another agency, another query and another key', () => {
    const cursor = codec.encode(scope, '2024-01-01#t#ID');
    const [data, mac] = cursor.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(data, 'base64url').toString());
    const edited = `${Buffer.from(JSON.stringify({ ...payload, p: '2099' })).toString('base64url')}.${mac}`;
    expect(() => codec.decode(scope, edited)).toThrow(InvalidCursorError);
    expect(() => codec.decode({ ...scope, agencyId: 'agency-b' }, cursor)).toThrow(InvalidCursorError);
    expect(() => codec.decode({ ...scope, query: { ...scope.query, siteId: 'S1' } }, cursor)).toThrow(InvalidCursorError);
    expect(() => hmacCursorCodec(Buffer.alloc(32, 8)).decode(scope, cursor)).toThrow(InvalidCursorError);
    expect(() => codec.decode(scope, 'garbage')).toThrow(InvalidCursorError);
  });

  it('needs a key of at least 32 bytes', () => {
    expect(() => hmacCursorCodec(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});

const client = (clientId: string, comments: string | null, extra: Record<string, unknown> = {}) => ({
  clientId,
  entity: 'ANONYMOUS_CLIENT',
  agency: { agencyId: 'agency-a', name: 'A' },
  registrationDate: '2024-01-02',
  createdAt: '2024-01-02T10:00:00.000Z',
  site: { siteId: 'S1', name: 'Site' },
  comments,
  ...extra,
});

let sequence = 0;
function record(eventName: 'INSERT' | 'MODIFY' | 'REMOVE', oldImage?: object, newImage?: object): DynamoDBRecord {
  sequence += 1;
  return {
    eventName,
    dynamodb: {
      SequenceNumber: String(sequence).padStart(10, '0'),
      ...(oldImage ? { OldImage: marshall(oldImage) as never } : {}),
      ...(newImage ? { NewImage: marshall(newImage) as never } : {}),
    },
  };
}

function recordingWriter(failFor: Set<string> = new Set()) {
  const calls: { previous: readonly ClientPostings[]; next: ClientPostings | undefined }[] = [];
  const writer: SearchIndexWriter = {
    async replace(previous, next) {
      const id = (next ?? previous[0])?.clientId ?? '';
      if (failFor.has(id)) throw new Error('injected');
      calls.push({ previous, next });
    },
  };
  return { writer, calls };
}

describe('the comment indexer (stream handler)', () => {
  it('indexes new clients, re-indexes edits from the old image, and removes deleted clients', async () => {
    const { writer, calls } = recordingWriter();
    const handler = createIndexClientCommentsHandler(() => ({ writer }));
    const result = await handler(
      {
        Records: [
          record('INSERT', undefined, client('C1', 'winter clothing')),
          record('MODIFY', client('C2', 'old words'), client('C2', 'new words')),
          record('REMOVE', client('C3', 'gone'), undefined),
          record('INSERT', undefined, { pk: 'AGENCY#agency-a', sk: 'CLIENT#C1#AUDIT#x', entity: 'AUDIT_ENTRY' }),
        ],
      },
      indexerContext(),
    );
    expect(result).toEqual({ batchItemFailures: [] });
    expect(calls.map((c) => [c.previous.map((p) => p.words), c.next?.words])).toEqual([
      [[], ['winter', 'clothing']],
      [[['old', 'words']], ['new', 'words']],
      [[['gone']], undefined],
    ]);
  });

  it('collapses several records of one client into one change that removes every earlier version', async () => {
    const { writer, calls } = recordingWriter();
    const handler = createIndexClientCommentsHandler(() => ({ writer }));
    await handler(
      {
        Records: [
          record('INSERT', undefined, client('C1', 'first')),
          record('MODIFY', client('C1', 'first'), client('C1', 'second')),
          record('MODIFY', client('C1', 'second'), client('C1', 'third')),
        ],
      },
      indexerContext(),
    );
    expect(calls).toHaveLength(1);
    expect(new Set(calls[0]!.previous.map((p) => p.words[0]))).toEqual(new Set(['first', 'second']));
    expect(calls[0]!.next?.words).toEqual(['third']);
  });

  it('reports the earliest record of a client it could not index, so the stream delivers it again', async () => {
    const { writer, calls } = recordingWriter(new Set(['C2']));
    const handler = createIndexClientCommentsHandler(() => ({ writer }));
    const records = [
      record('INSERT', undefined, client('C1', 'fine')),
      record('INSERT', undefined, client('C2', 'fails')),
      record('INSERT', undefined, client('C3', 'fine too')),
      record('MODIFY', client('C2', 'fails'), client('C2', 'still fails')),
    ];
    const result = await handler({ Records: records }, indexerContext());
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: records[1]!.dynamodb!.SequenceNumber }] });
    expect(calls.map((c) => c.next?.clientId).sort()).toEqual(['C1', 'C3']);
  });
});

describe('posting items', () => {
  it('lists a client under each word and its site, newest-first sortable, with its words when short', () => {
    const items = postingItems({
      agencyId: 'a',
      clientId: 'C1',
      registrationDate: '2024-01-02',
      createdAt: 't',
      siteId: 'S1',
      words: ['esl', 'classes'],
    });
    expect(items.map((i) => i.pk)).toEqual(['AGENCY#a#SITE#S1', 'AGENCY#a#WORD#esl', 'AGENCY#a#WORD#classes']);
    expect(new Set(items.map((i) => i.sk))).toEqual(new Set(['2024-01-02#t#C1']));
    expect(items[0]).toMatchObject({ clientId: 'C1', siteId: 'S1', words: 'esl classes' });
    const long = postingItems({
      agencyId: 'a',
      clientId: 'C1',
      registrationDate: 'd',
      createdAt: 't',
      siteId: 'S1',
      words: Array.from({ length: 200 }, (_, i) => `word${'x'.repeat(i % 7)}${i}`),
    });
    expect(long[0]).not.toHaveProperty('words');
  });
});

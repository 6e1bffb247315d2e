/**
 * Sessions on DynamoDB. The session of a client sits at one fixed sort key in the agency's sessions
 * partition, and is written with `attribute_not_exists`, so two concurrent "Begin Session" clicks
 * yield exactly one.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Session, StoredSession } from '../../domain/session';
import type { SessionCreateOutcome, SessionStore } from '../../ports/session-store';
import { auditPut } from './audit-entries';
import { withStorageErrors } from './errors';
import { keys } from './table-design';

const SESSION_ENTITY = 'ANONYMOUS_SESSION';
const SESSION_FIELDS = ['sessionType', 'serviceDate', 'site', 'deliveryMethod', 'durationMinutes', 'notes'] as const;

/** The Query for a client's one session (a Query, not a GetItem: its grant is `session: query`). */
export function clientSessionQuery(tableName: string, agencyId: string, clientId: string) {
  return {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND sk = :sk',
    ExpressionAttributeValues: { ':pk': keys.sessions(agencyId), ':sk': keys.clientSession(clientId) },
    ConsistentRead: true,
  };
}

export class DynamoDbSessionStore implements SessionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Stores what the session counts as in reports too (`countedAs`), when the use case gives it. */
  async create(session: Session | StoredSession): Promise<SessionCreateOutcome> {
    const { agencyId } = session.agency;
    try {
      await withStorageErrors('begin session', () =>
        this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.tableName,
                  Item: { pk: keys.sessions(agencyId), sk: keys.clientSession(session.clientId), entity: SESSION_ENTITY, ...session },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                // The client must still exist in this agency.
                ConditionCheck: {
                  TableName: this.tableName,
                  Key: keys.clientItem(agencyId, session.clientId),
                  ConditionExpression: 'attribute_exists(pk)',
                },
              },
              auditPut(this.tableName, session.agency.agencyId, session.clientId, {
                at: session.createdAt,
                by: session.createdBy,
                action: 'SESSION_BEGUN',
                fields: SESSION_FIELDS.filter((field) => session[field] !== null),
              }),
            ],
          }),
        ),
      );
      return 'created';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const [session, client] = error.CancellationReasons ?? [];
      if (client?.Code === 'ConditionalCheckFailed') return 'client-missing';
      // A concurrent creation that is committing right now will hold the one session.
      if (session?.Code === 'ConditionalCheckFailed' || session?.Code === 'TransactionConflict') return 'already-taken';
      throw error;
    }
  }

  async list(agencyId: string, clientId: string): Promise<Session[]> {
    const { Items } = await withStorageErrors('read sessions', () =>
      this.db.send(new QueryCommand(clientSessionQuery(this.tableName, agencyId, clientId))),
    );
    return (Items ?? []).map((item) => {
      const { pk: _pk, sk: _sk, entity: _entity, countedAs: _countedAs, ...session } = item;
      return session as Session;
    });
  }
}

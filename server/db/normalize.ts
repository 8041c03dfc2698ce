import {
  type KyselyPlugin,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from 'kysely';

/** better-sqlite3 cannot bind booleans or Dates: turn them into 0/1 and ISO strings before they reach it. */
function bindable(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value;
}

class SqliteValueTransformer extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return { ...super.transformValue(node), value: bindable(node.value) };
  }
  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return { ...super.transformPrimitiveValueList(node), values: node.values.map(bindable) };
  }
}

/** Kysely plugin installed on SQLite only: makes parameters bindable. */
export class SqliteBindPlugin implements KyselyPlugin {
  readonly #transformer = new SqliteValueTransformer();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** Columns whose driver value differs between dialects, normalised on read by name. */
const BOOL_COLUMNS = new Set([
  'require_mfa_staff',
  'is_operator',
  'totp_enabled',
  'disabled',
  'mfa_pending',
  'is_default',
  'active',
  'public',
  'internal',
  'done',
  'helpful',
  'pinned',
  'csat_enabled',
  'urgent',
  'private',
  'archived',
  'muted',
]);
const JSON_COLUMNS = new Set([
  'payload',
  'business_hours',
  'recovery_codes',
  'scopes',
  'summary',
  'response',
  'targets',
  'required_skills',
  'form',
  'priority_matrix',
  'skills',
  'answers',
  'assignment_note',
  'tags',
  'data',
  'filters',
  'rule',
  'checklist',
  'audience',
  'permissions',
  'audience_site_ids',
  'event_types',
  'params',
  'modes',
]);
const TS_SUFFIX = /_at$|^locked_until$/;

/**
 * Kysely plugin for both dialects: PG gives Date/boolean/object/string-counts, SQLite gives
 * text/0-1/text/number. Rows leave the data layer as ISO strings, booleans, parsed JSON and numbers.
 */
export class NormalizeResultPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return { ...args.result, rows: args.result.rows.map(normalizeRow) };
  }
}

export function normalizeRow(row: UnknownRow): UnknownRow {
  const out: UnknownRow = {};
  for (const [key, value] of Object.entries(row)) out[key] = normalizeValue(key, value);
  return out;
}

function normalizeValue(key: string, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (value instanceof Date) return value.toISOString();
  if (BOOL_COLUMNS.has(key)) return value === true || value === 1 || value === '1';
  if (JSON_COLUMNS.has(key) && typeof value === 'string') return JSON.parse(value);
  if (TS_SUFFIX.test(key) && typeof value === 'string') return new Date(value).toISOString();
  if ((key === 'count' || key.endsWith('_count')) && typeof value === 'string') return Number(value);
  if (typeof value === 'bigint') return Number(value);
  return value;
}

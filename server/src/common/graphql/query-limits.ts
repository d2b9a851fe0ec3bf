/**
 * Limits on what one GraphQL operation may ask for, checked before anything runs (validation rules):
 *
 * - depth: at most MAX_QUERY_DEPTH nested selections (introspection fields `__schema`, `__type` are not counted,
 *   so GraphiQL's schema query always passes);
 * - complexity: every field costs 1 plus its selections, a field whose value may run to megabytes (SIZED_FIELD_COSTS)
 *   costs by that size; a list multiplies its selections by the page size asked for (`take` on the field or on the
 *   page object holding it, e.g. `agencies(take: 100) { items { … } }`; `first` or `last` on a connection, e.g.
 *   `reportsConnection(first: 100) { edges { node { … } } }`), or by LIST_FACTOR when nothing says how
 *   long it is. At most MAX_QUERY_COMPLEXITY.
 *
 * Breaking either is an error with `extensions.code` BAD_USER_INPUT and `extensions.reason` QUERY_TOO_DEEP or
 * QUERY_TOO_COMPLEX (with the limit and the value found), and nothing runs.
 *
 * And once it ran, the answer itself is bounded: one that takes more than MAX_RESPONSE_BYTES as JSON is replaced,
 * before it is sent, by an error with reason RESPONSE_TOO_LARGE (the size found in `actual`, null when the answer
 * would not even fit in a string). Aliases can ask
 * for one large value many times; the cost catches most of that, the cap the rest.
 */
import { printed } from './result-cache.js';
import {
  type FormattedExecutionResult,
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  validate,
  valueFromAST,
} from 'graphql';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';

import { DEFAULT_PAGE_SIZE } from './paging.args.js';

export const MAX_QUERY_DEPTH = 10;
export const MAX_QUERY_COMPLEXITY = 100_000;
/** Assumed length of a list whose size no argument gives. */
export const LIST_FACTOR = 10;
/** Largest answer (its `data` as JSON, in bytes). */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/**
 * Fields whose value may run to megabytes, with their cost: a report's text (up to a few MB) costs as much as
 * 5,000 small fields, so twenty of them fill a query's budget.
 */
export const SIZED_FIELD_COSTS: Readonly<Record<string, number>> = { 'Report.text': 5_000 };

/** Arguments that say how long a list field's page is (offset paging and cursor paging). */
const PAGE_SIZE_ARGUMENTS = ['take', 'first', 'last'] as const;

export const QUERY_LIMIT_REASONS = ['QUERY_TOO_DEEP', 'QUERY_TOO_COMPLEX', 'RESPONSE_TOO_LARGE'] as const;

function limitError(
  reason: (typeof QUERY_LIMIT_REASONS)[number],
  message: string,
  limit: number,
  actual: number | null,
  node?: OperationDefinitionNode,
): GraphQLError {
  return new GraphQLError(message, { ...(node ? { nodes: [node] } : {}), extensions: { code: 'BAD_USER_INPUT', reason: reason, limit, actual } });
}

interface Measure {
  depth: number;
  cost: number;
}

/** Walks an operation's selections (through fragments, once per path) measuring depth and cost. */
class OperationMeasurer {
  private readonly fragments: Map<string, FragmentDefinitionNode>;

  constructor(
    private readonly context: ValidationContext,
    private readonly variables: Record<string, unknown>,
  ) {
    this.fragments = new Map(
      context
        .getDocument()
        .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
  }

  measure(set: SelectionSetNode, type: GraphQLCompositeType, pendingTake: number | null, seen: ReadonlySet<string>, budget: number): Measure {
    let depth = 0;
    let cost = 0;
    for (const selection of set.selections) {
      // Stop early: once over budget the exact figure does not matter (and huge documents stay cheap to check).
      if (cost > budget) break;
      if (selection.kind === Kind.FIELD) {
        const m = this.measureField(selection, type, pendingTake, seen, budget - cost);
        depth = Math.max(depth, m.depth);
        cost += m.cost;
      } else {
        let fragmentSet: SelectionSetNode | undefined;
        let fragmentType: GraphQLCompositeType = type;
        let key: string | null = null;
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          key = selection.name.value;
          const fragment = this.fragments.get(key);
          if (!fragment || seen.has(key)) continue; // unknown or cyclic: other rules report it
          fragmentSet = fragment.selectionSet;
          fragmentType = this.typeNamed(fragment.typeCondition.name.value) ?? type;
        } else {
          fragmentSet = selection.selectionSet;
          if (selection.typeCondition) fragmentType = this.typeNamed(selection.typeCondition.name.value) ?? type;
        }
        const next = key ? new Set([...seen, key]) : seen;
        const m = this.measure(fragmentSet, fragmentType, pendingTake, next, budget - cost);
        depth = Math.max(depth, m.depth);
        cost += m.cost;
      }
    }
    return { depth, cost };
  }

  private measureField(node: FieldNode, parent: GraphQLCompositeType, pendingTake: number | null, seen: ReadonlySet<string>, budget: number): Measure {
    const name = node.name.value;
    if (name.startsWith('__')) return { depth: 0, cost: 0 }; // introspection and __typename
    const field = this.fieldOf(parent, name);
    if (!field) return { depth: 1, cost: 1 };
    if (!node.selectionSet) return { depth: 1, cost: SIZED_FIELD_COSTS[`${parent.name}.${name}`] ?? 1 };
    const childType = getNamedType(field.type);
    if (!isCompositeType(childType)) return { depth: 1, cost: 1 };

    const take = this.takeOf(node, field);
    const list = isListType(getNullableType(field.type));
    // A list uses the page size asked for on itself, else on the page object above it, else LIST_FACTOR.
    const multiplier = list ? (take ?? pendingTake ?? LIST_FACTOR) : 1;
    const passDown = list ? null : take;
    const inner = this.measure(node.selectionSet, childType, passDown, seen, budget / Math.max(multiplier, 1));
    return { depth: 1 + inner.depth, cost: 1 + multiplier * inner.cost };
  }

  /** The page size a field asks for: `take`, or `first` / `last` on a connection (which holds DEFAULT_PAGE_SIZE without them). */
  private takeOf(node: FieldNode, field: GraphQLField<unknown, unknown>): number | null {
    const sizes = PAGE_SIZE_ARGUMENTS.flatMap((name) => {
      const arg = field.args.find((a) => a.name === name);
      if (!arg) return [];
      const given = node.arguments?.find((a) => a.name.value === name);
      const value = given ? valueFromAST(given.value, arg.type, this.variables) : arg.defaultValue;
      return typeof value === 'number' && value > 0 ? [value] : [];
    });
    if (sizes.length) return Math.max(...sizes);
    return field.args.some((a) => a.name === 'first') ? DEFAULT_PAGE_SIZE : null;
  }

  private fieldOf(type: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
    return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
  }

  private typeNamed(name: string): GraphQLCompositeType | null {
    const t = this.context.getSchema().getType(name);
    return t && isCompositeType(t) ? t : null;
  }
}

/**
 * The validation rule. `variables` are the request's (page sizes given as variables count); Apollo builds the
 * rules per request through `validationRules` when given a function of the request context.
 */
export function queryLimitsRule(variables: Record<string, unknown> = {}, maxDepth = MAX_QUERY_DEPTH, maxComplexity = MAX_QUERY_COMPLEXITY) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const schema = context.getSchema();
      const root =
        node.operation === 'mutation' ? schema.getMutationType() : node.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
      if (!root) return;
      const m = new OperationMeasurer(context, variables).measure(node.selectionSet, root, null, new Set(), maxComplexity);
      if (m.depth > maxDepth) {
        context.reportError(
          limitError(
            'QUERY_TOO_DEEP',
            `查询嵌套过深（${m.depth} 层，上限 ${maxDepth} 层）。The query nests ${m.depth} levels deep; at most ${maxDepth} are allowed.`,
            maxDepth,
            m.depth,
            node,
          ),
        );
      }
      if (m.cost > maxComplexity) {
        const cost = Math.round(m.cost);
        context.reportError(
          limitError(
            'QUERY_TOO_COMPLEX',
            `查询过于复杂（估计代价 ${cost}，上限 ${maxComplexity}）：请减少嵌套的列表或每页数量。The query is too complex (estimated cost ${cost}, limit ${maxComplexity}): ask for fewer nested lists or smaller pages.`,
            maxComplexity,
            cost,
            node,
          ),
        );
      }
    },
  });
}

/**
 * Runs the limits once the operation is known, with the request's variables (Apollo's own `validationRules`
 * see no variables, and would report our errors as GRAPHQL_VALIDATION_FAILED). A refused operation is answered
 * with HTTP 400 and never executes.
 */
export function queryLimitsPlugin(maxDepth = MAX_QUERY_DEPTH, maxComplexity = MAX_QUERY_COMPLEXITY): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          const [error] = validate(schema, document, [queryLimitsRule(request.variables ?? {}, maxDepth, maxComplexity)]);
          if (error) {
            throw new GraphQLError(error.message, {
              nodes: error.nodes,
              extensions: { ...error.extensions, http: { status: 400, headers: new HeaderMap() } },
            });
          }
        },
      };
    },
  };
}

/**
 * Apollo's `stringifyResult`: the answer as JSON, or, when that passes `maxResponseBytes`, the RESPONSE_TOO_LARGE
 * error in its place. Measuring the JSON Apollo prints anyway costs one pass over a string; counting the answer's
 * size before printing it walked every value of it (a tenth of a 3,500-value comparison's server time).
 */
export function stringifyWithinCap(maxResponseBytes = MAX_RESPONSE_BYTES): (result: FormattedExecutionResult) => string {
  return (result) => {
    let json: string | null = null;
    try {
      json = JSON.stringify(result);
    } catch (e) {
      // Longer than a JavaScript string may be: far past any cap.
      if (!(e instanceof RangeError)) throw e;
    }
    const size = json === null ? null : Buffer.byteLength(json, 'utf8');
    if (json !== null && size! <= maxResponseBytes) {
      // The result cache keeps an answer once its size is known (result-cache.ts).
      printed(result.data, size!);
      return `${json}\n`;
    }
    const mb = (n: number) => Math.ceil(n / 1024 / 1024);
    const error = limitError(
      'RESPONSE_TOO_LARGE',
      `查询结果过大（超过 ${mb(maxResponseBytes)} MB），未发送：请分次查询，或减少同一字段的重复（别名）与每页数量。` +
        `The answer is larger than ${mb(maxResponseBytes)} MB and was not sent: ask in several queries, with fewer aliases of one field or smaller pages.`,
      maxResponseBytes,
      size,
    );
    return `${JSON.stringify({ data: null, errors: [error.toJSON()] })}\n`;
  };
}

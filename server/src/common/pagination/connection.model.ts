import type { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PageInfo', { description: 'Where a page of a connection stands in the whole list.' })
export class PageInfoModel {
  @Field(() => Boolean, { description: 'Whether items follow this page (ask with `first` and `after: endCursor`).' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether items precede this page (ask with `last` and `before: startCursor`).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first edge's cursor; null on an empty page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "The last edge's cursor; null on an empty page." })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** A page of a list, GitHub-style: edges with cursors, the nodes alone, where the page stands, and the total. */
export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfoModel;
  totalCount: number;
}

/**
 * The GraphQL types of one list's connection: `<name>Edge` and the fields of `<name>Connection`. Use as
 * `@ObjectType('ReportConnection') class ReportConnectionModel extends connectionType(ReportModel, 'Report') {}`.
 */
export function connectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `One item of the list and its cursor.` })
  class EdgeModel implements Edge<T> {
    @Field(() => String, { description: 'Opaque: pass it as `after` or `before` to page from this item.' })
    cursor!: string;

    @Field(() => node, { description: 'The item.' })
    node!: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionModel implements Connection<T> {
    @Field(() => [EdgeModel], { description: 'The items of this page with their cursors, in list order.' })
    edges!: Edge<T>[];

    @Field(() => [node], { description: 'The items of this page, in list order (the edges without cursors).' })
    nodes!: T[];

    @Field(() => PageInfoModel, { description: 'Whether there are more items before or after this page, and its first and last cursors.' })
    pageInfo!: PageInfoModel;

    @Field(() => Int, { description: 'How many items the whole list holds (every page, with the same filters).' })
    totalCount!: number;
  }
  return ConnectionModel as unknown as Type<Connection<T>>;
}

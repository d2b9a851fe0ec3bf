/**
 * Batch loaders live for one request (DataLoader caches must not outlive it). Each domain service makes its
 * own loaders for the request's AgencyScope; the request holds them, created on first use (by then the access
 * guard has resolved who is asking). Resolvers get them with `ctx.loaders.of(this.service)`.
 */
import type { Request } from 'express';
import type { AgencyScope } from '../access/agency-scope.js';
import { scopeOf } from '../access/request-auth.js';

export interface LoaderFactory<T> {
  createLoaders(scope: AgencyScope): T;
}

export class RequestLoaders {
  private readonly made = new Map<LoaderFactory<unknown>, unknown>();

  constructor(private readonly req: Request) {}

  of<T>(factory: LoaderFactory<T>): T {
    let loaders = this.made.get(factory) as T | undefined;
    if (loaders === undefined) {
      loaders = factory.createLoaders(scopeOf(this.req));
      this.made.set(factory, loaders);
    }
    return loaders;
  }
}

export interface GraphqlContext {
  req: Request;
  loaders: RequestLoaders;
}

/**
 * Batch loaders live for one request (DataLoader caches must not outlive it). Each domain service makes its
 * own loaders; the request holds them, created on first use. Resolvers get them with
 * `ctx.loaders.of(this.service)`.
 */
import type { Request } from 'express';

export interface LoaderFactory<T> {
  createLoaders(): T;
}

export class RequestLoaders {
  private readonly made = new Map<LoaderFactory<unknown>, unknown>();

  of<T>(factory: LoaderFactory<T>): T {
    let loaders = this.made.get(factory) as T | undefined;
    if (loaders === undefined) {
      loaders = factory.createLoaders();
      this.made.set(factory, loaders);
    }
    return loaders;
  }
}

export interface GraphqlContext {
  req: Request;
  loaders: RequestLoaders;
}

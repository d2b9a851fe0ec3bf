/**
 * What every GraphQL operation and HTTP route of the running app declares about access (@Public() or
 * @Roles(...)), read from the decorators the guard reads. The role-matrix test compares it with what the server
 * actually does for each role; an operation that declares nothing shows up as 'undeclared'.
 */
import { RequestMethod, type INestApplicationContext } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import type { Role } from '@ogi/domain';
import { IS_PUBLIC_KEY, ROLES_KEY } from './access.decorators.js';

export type Access = 'public' | 'undeclared' | readonly Role[];

export interface DeclaredAccess {
  /** `Query.reports`, `Mutation.login`, or `POST /api/uploads`. */
  operation: string;
  access: Access;
}

const joinPath = (...parts: (string | undefined)[]) =>
  `/${parts
    .filter((p): p is string => !!p)
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;

export function declaredAccess(app: INestApplicationContext): DeclaredAccess[] {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const out: DeclaredAccess[] = [];
  const seen = new Set<unknown>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of [...module.providers.values(), ...module.controllers.values()]) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object' || seen.has(instance)) continue;
      seen.add(instance);
      const type = instance.constructor;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const methodName of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[methodName] as (...args: unknown[]) => unknown;
        const access = (): Access => {
          if (reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [handler, type])) return 'public';
          return reflector.getAllAndOverride<Role[]>(ROLES_KEY, [handler, type]) ?? 'undeclared';
        };
        const resolverType = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) as string | undefined;
        if (resolverType === 'Query' || resolverType === 'Mutation' || resolverType === 'Subscription') {
          const name = (Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) as string | undefined) ?? methodName;
          out.push({ operation: `${resolverType}.${name}`, access: access() });
          continue;
        }
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (method === undefined || path === undefined) continue;
        const classPath = Reflect.getMetadata(PATH_METADATA, type) as string | undefined;
        out.push({ operation: `${RequestMethod[method]} ${joinPath(classPath, path)}`, access: access() });
      }
    }
  }
  return out.sort((a, b) => a.operation.localeCompare(b.operation));
}

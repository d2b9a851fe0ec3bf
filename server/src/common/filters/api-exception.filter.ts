/**
 * The one exception filter: domain errors (@ogi/domain's `DomainError`, thrown by the server's modules and by the
 * write model alike, each carrying its API code) become GraphQL errors with `extensions.code` (NOT_FOUND,
 * BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED, DATABASE_UNAVAILABLE, INTERNAL_SERVER_ERROR) and
 * `extensions.reason` (the domain code); on REST routes they become `{ error: { code, message } }` with a
 * matching status (and `Retry-After` when rate limited), or a readable page when a browser opened the address
 * (error-page.ts). Unexpected errors are logged and reported without internals.
 */
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { GqlContextType } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@ogi/database';
import { DomainError, HTTP_STATUS_OF, type ApiErrorCode } from '@ogi/domain';
import { errorPage, wantsErrorPage } from '../http/error-page.js';

interface ApiError {
  status: number;
  code: ApiErrorCode | string;
  reason?: string;
  message: string;
  details?: Record<string, unknown>;
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Api');

  catch(exception: unknown, host: ArgumentsHost): GraphQLError | void {
    if (host.getType<GqlContextType>() === 'graphql') {
      if (exception instanceof GraphQLError) return exception;
      const e = this.describe(exception);
      return new GraphQLError(e.message, {
        extensions: { code: e.code, ...(e.reason ? { reason: e.reason } : {}), ...(e.details ? { details: e.details } : {}) },
      });
    }
    const e = this.describe(exception);
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    const retryAfter = e.details?.['retryAfterSeconds'];
    if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    const req = host.switchToHttp().getRequest<Request>();
    if (wantsErrorPage(req)) {
      res
        .status(e.status)
        .type('html')
        .send(errorPage({ status: e.status, code: e.reason ?? e.code, message: e.message }));
      return;
    }
    res.status(e.status).json({ error: { code: e.reason ?? e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } });
  }

  describe(exception: unknown): ApiError {
    if (exception instanceof DomainError) {
      return {
        status: HTTP_STATUS_OF[exception.apiCode],
        code: exception.apiCode,
        reason: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
      };
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.error(`Database unavailable: ${(exception as Error).message}`);
      return { status: 503, code: 'DATABASE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code =
        status === 404
          ? 'NOT_FOUND'
          : status === 401
            ? 'UNAUTHENTICATED'
            : status === 403
              ? 'FORBIDDEN'
              : status === 429
                ? 'RATE_LIMITED'
                : status < 500
                  ? 'BAD_USER_INPUT'
                  : 'INTERNAL_SERVER_ERROR';
      return { status, code, message: exception.message };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误。Internal server error.' };
  }
}

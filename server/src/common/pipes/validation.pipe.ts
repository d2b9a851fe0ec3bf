import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { InputErrorCode, InputException } from '../errors/input.exception.js';

function flatten(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out[path] = Object.values(e.constraints);
    Object.assign(out, flatten(e.children ?? [], path));
  }
  return out;
}

/** class-validator on every args/input class; failures become InputException (→ BAD_USER_INPUT). */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const summary = Object.entries(fields)
        .map(([field, problems]) => `${field}: ${problems.join('; ')}`)
        .join('. ');
      return new InputException(InputErrorCode.INVALID_ARGUMENTS, `参数无效。Invalid arguments — ${summary}`, { fields });
    },
  });
}

import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiException } from './api.exception';
import type { FieldProblem } from './problem';

/** Flattens class-validator's nested errors into one entry per offending field, with dotted paths. */
export function toFieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldProblem[] = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}

/** The global pipe: unknown fields are refused, types are converted, every bad field is listed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => ApiException.validation(toFieldProblems(errors)),
  });
}

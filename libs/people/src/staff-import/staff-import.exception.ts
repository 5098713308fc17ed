import { ApiException, ErrorCode } from '@leerkring/core';
import { expectedStaffHeaders, type StaffField } from './staff-columns';

/** Why a whole import was refused (row errors never refuse an import; they are reported). */
export type StaffImportFailure =
  /** The file has no usable header (or is empty): nothing could be read. */
  | 'unreadable_file'
  /** An option is wrong, e.g. an unknown default school. */
  | 'bad_argument'
  /** Another import is still running. */
  | 'busy';

/**
 * A refused import. It is an ApiException, so the API answers problem+json without a mapping
 * of its own; the CLI turns `failure` into its exit code.
 */
export class StaffImportException extends ApiException {
  constructor(
    readonly failure: StaffImportFailure,
    status: number,
    code: string,
    title: string,
    options: ConstructorParameters<typeof ApiException>[3],
  ) {
    super(status, code, title, options);
  }

  static unreadableHeader(detail: string, missing: readonly StaffField[] = []): StaffImportException {
    const expected = expectedStaffHeaders();
    return new StaffImportException('unreadable_file', 400, ErrorCode.ValidationFailed, 'Unreadable staff file', {
      detail,
      errors: [
        {
          field: 'header',
          messages: [
            detail,
            ...expected
              .filter((column) => missing.includes(column.field))
              .map((column) => `a column for ${column.field} is required: ${column.headers.join(', ')}`),
          ],
        },
      ],
      extensions: { expectedHeaders: expected },
    });
  }

  static badArgument(field: string, message: string): StaffImportException {
    return new StaffImportException('bad_argument', 400, ErrorCode.ValidationFailed, 'Invalid request', {
      detail: message,
      errors: [{ field, messages: [message] }],
    });
  }

  static busy(): StaffImportException {
    return new StaffImportException('busy', 409, ErrorCode.Conflict, 'Another import is running', {
      detail: 'Another staff import is still running. Try again when it has finished.',
    });
  }
}

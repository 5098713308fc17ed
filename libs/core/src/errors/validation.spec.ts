import type { ValidationError } from '@nestjs/common';
import { toFieldProblems } from './validation';

describe('toFieldProblems', () => {
  it('gives one entry per offending field with a dotted path, also for nested and array fields', () => {
    const errors: ValidationError[] = [
      { property: 'email', constraints: { isEmail: 'email must be an email' }, children: [] },
      {
        property: 'members',
        children: [
          {
            property: '2',
            children: [{ property: 'personId', constraints: { isUuid: 'personId must be a UUID' }, children: [] }],
          },
        ],
      },
    ];

    expect(toFieldProblems(errors)).toEqual([
      { field: 'email', messages: ['email must be an email'] },
      { field: 'members.2.personId', messages: ['personId must be a UUID'] },
    ]);
  });
});

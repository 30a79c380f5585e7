import { describe, expect, it } from 'vitest';
import { staffInviteSchema } from './admin.ts';
import { fieldProblems } from './field-problems.ts';

const problems = (email: string) => {
  const result = staffInviteSchema.safeParse({ email, roles: ['staff'] });
  return result.success ? [] : fieldProblems(result.error.issues).map((p) => [p.field, p.code]);
};

describe('a staff invitation', () => {
  it('needs an email address, said once when it is missing', () => {
    expect(problems('  ')).toEqual([['email', 'required']]);
    expect(problems('nope')).toEqual([['email', 'invalid_email']]);
    expect(problems(`${'a'.repeat(250)}@b.fr`)).toEqual([['email', 'too_long']]);
  });

  it('takes the address trimmed, with no grants by default', () => {
    expect(staffInviteSchema.parse({ email: ' New.Staff@Admin.example ', roles: [] })).toEqual({
      email: 'New.Staff@Admin.example',
      roles: [],
      grants: [],
    });
  });
});

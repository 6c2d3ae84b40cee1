import { expect } from 'chai';
import { OnboardingStepsSchema, toValidationIssues } from '@candor/core/models';

describe('onboarding step model', () => {
  it('accepts a valid journey', () => {
    const r = OnboardingStepsSchema.safeParse([{ id: 'identity', title: 'Verify', estimatedMinutes: 3, status: 'current' }]);
    expect(r.success).to.equal(true);
  });

  it('explains what is wrong with an invalid step, naming the field', () => {
    const r = OnboardingStepsSchema.safeParse([{ id: 'identity', title: '', estimatedMinutes: -1, status: 'done' }]);
    expect(r.success).to.equal(false);
    const messages = toValidationIssues(r.error!.issues).map((i) => i.message);
    expect(messages).to.include('0.title must be at least 1 character(s) long');
    expect(messages).to.include('0.estimatedMinutes must be at least 0');
    expect(messages.some((m) => m.startsWith('0.status expected one of "upcoming"'))).to.equal(true);
  });

  it('rejects duplicate step ids', () => {
    const step = { id: 'a', title: 'A', estimatedMinutes: 1, status: 'upcoming' };
    const r = OnboardingStepsSchema.safeParse([step, step]);
    expect(r.success).to.equal(false);
    expect(toValidationIssues(r.error!.issues)[0]!.message).to.contain('step ids must be unique');
  });
});

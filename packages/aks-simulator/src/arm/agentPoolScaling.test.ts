import { validateAgentPoolSettings } from './agentPoolScaling';

describe('validateAgentPoolSettings', () => {
  it.each([
    [{}, 1, { enableAutoScaling: false, maxPods: 30 }],
    [
      { enableAutoScaling: true, minCount: 1, maxCount: 5 },
      2,
      { enableAutoScaling: true, minCount: 1, maxCount: 5, maxPods: 30 },
    ],
    [
      { maxPods: 110, availabilityZones: ['3', '1', '1'] },
      1,
      { enableAutoScaling: false, maxPods: 110, availabilityZones: ['1', '3'] },
    ],
  ])('accepts %j (count %d)', (properties, count, settings) => {
    expect(validateAgentPoolSettings(properties, count)).toEqual({ settings });
  });

  it.each([
    [{ enableAutoScaling: 'yes' }, 1, /enableAutoScaling must be boolean/],
    [{ enableAutoScaling: true, minCount: 1 }, 1, /minCount and maxCount/],
    [
      { enableAutoScaling: true, minCount: 3, maxCount: 2 },
      2,
      /minCount must not exceed/,
    ],
    [
      { enableAutoScaling: true, minCount: 1, maxCount: 2 },
      5,
      /count 5 must lie within/,
    ],
    [{ minCount: 1, maxCount: 2 }, 1, /only be set with enableAutoScaling/],
    [{ maxPods: 5 }, 1, /maxPods '5' is invalid/],
    [{ availabilityZones: ['4'] }, 1, /availabilityZones is invalid/],
  ])('refuses %j (count %d)', (properties, count, message) => {
    const result = validateAgentPoolSettings(properties, count);
    expect(result).toEqual({
      rejection: expect.objectContaining({
        status: 400,
        message: expect.stringMatching(message),
      }),
    });
  });

  it('keeps the zones of an existing pool fixed', () => {
    const existing = {
      enableAutoScaling: false,
      maxPods: 30,
      availabilityZones: ['1'],
    };
    expect(
      validateAgentPoolSettings({ availabilityZones: ['1', '2'] }, 1, existing),
    ).toEqual({
      rejection: expect.objectContaining({ code: 'OperationNotAllowed' }),
    });
    expect(validateAgentPoolSettings({}, 1, existing)).toEqual({
      settings: existing,
    });
  });
});

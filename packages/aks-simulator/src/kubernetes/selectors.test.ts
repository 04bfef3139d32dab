import { matchesFields, parseFieldSelector, SelectorError } from './selectors';

describe('field selectors', () => {
  const pod = {
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'shop' },
    spec: { nodeName: 'aksnpwin000000' },
    status: { phase: 'Running' },
  };
  const event = {
    kind: 'Event',
    metadata: { name: 'e', namespace: 'shop' },
    involvedObject: { kind: 'Pod', name: 'p' },
    reason: 'FailedScheduling',
    type: 'Warning',
    source: { component: 'default-scheduler' },
  };

  it.each([
    [pod, 'metadata.namespace=shop', true],
    [pod, 'metadata.namespace!=shop', false],
    [pod, 'metadata.name==p', true],
    [pod, 'spec.nodeName=aksnpwin000000', true],
    [pod, 'spec.nodeName=', false],
    [{ ...pod, spec: {} }, 'spec.nodeName=', true],
    [pod, 'status.phase!=Pending,metadata.namespace=shop', true],
    [event, 'involvedObject.kind=Pod', true],
    [event, 'involvedObject.kind=Node', false],
    [event, 'reason=FailedScheduling,type=Warning', true],
    [event, 'type=Normal', false],
    [event, 'source=default-scheduler', true],
  ])('%#: %j matches %j: %s', (object, selector, expected) => {
    expect(
      matchesFields(parseFieldSelector(selector, object.kind), object),
    ).toBe(expected);
  });

  it.each([
    ['Pod', 'reason=x'],
    ['Deployment', 'spec.nodeName=x'],
    ['Pod', 'spec.nodeName'],
  ])('refuses %s %j', (kind, selector) => {
    expect(() => parseFieldSelector(selector, kind)).toThrow(SelectorError);
  });
});

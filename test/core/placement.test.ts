import { App, Lazy, NestedStack, Stack, Stage, TagManager, TagType } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { recordDelegatedAdmin } from '../../src/core/organization';
import { Placement, placedInAccount, placementOf, recordOwner, renderedTags, stacksIn } from '../../src/core/placement';

const MANAGEMENT = '111111111111';
const ADMIN = '222222222222';
const MEMBER = '333333333333';
const REGION = 'eu-west-1';

// The global symbols the records are kept under, which other copies of the library in the same app read and write too
const OWNER = Symbol.for('cdk-cloudtrail-org.ownerAccount');
const OWNED_ELSEWHERE = Symbol.for('cdk-cloudtrail-org.ownedElsewhere');

/** A resource of the kind `placedInAccount` looks for. */
class Thing extends Construct {}
const isThing = (c: IConstruct): c is Thing => c instanceof Thing;

function stackIn(scope: Construct, id: string, account?: string, region: string | undefined = REGION): Stack {
  return new Stack(scope, id, account === undefined ? {} : { env: { account, region } });
}

function ownedElsewhere(scope: IConstruct): unknown {
  return (scope.node.root as unknown as Record<symbol, unknown>)[OWNED_ELSEWHERE];
}

describe('recordOwner', () => {
  test('records the owner on the resource and the holder and owner on the app, whichever construct of it', () => {
    const app = new App();
    const first = new Thing(stackIn(app, 'Admin', ADMIN), 'Trail');
    const second = new Thing(new Construct(stackIn(app, 'Other', MEMBER), 'Group'), 'Trail');
    recordOwner(first, MANAGEMENT);
    recordOwner(second, MANAGEMENT);

    expect((first as unknown as Record<symbol, unknown>)[OWNER]).toBe(MANAGEMENT);
    expect(ownedElsewhere(app)).toEqual([{ holder: ADMIN, owner: MANAGEMENT }, { holder: MEMBER, owner: MANAGEMENT }]);
    expect(placementOf(first)).toEqual({ path: 'Admin/Trail', account: MANAGEMENT, region: REGION });
    expect(placementOf(second)).toEqual({ path: 'Other/Group/Trail', account: MANAGEMENT, region: REGION });
  });

  test('a second record replaces the owner of the resource', () => {
    const app = new App();
    const trail = new Thing(stackIn(app, 'Admin', ADMIN), 'Trail');
    recordOwner(trail, MANAGEMENT);
    recordOwner(trail, MEMBER);

    expect(placementOf(trail)?.account).toBe(MEMBER);
    expect(ownedElsewhere(app)).toEqual([{ holder: ADMIN, owner: MANAGEMENT }, { holder: ADMIN, owner: MEMBER }]);
  });

  test.each([
    { why: 'the owner is the stack\'s account', stackAccount: ADMIN, owner: ADMIN },
    { why: 'the owner is a token', stackAccount: ADMIN, owner: Lazy.string({ produce: () => MANAGEMENT }) },
    { why: 'the stack\'s account is a token', stackAccount: undefined, owner: MANAGEMENT },
  ])('nothing is recorded when $why', ({ stackAccount, owner }) => {
    const app = new App();
    const trail = new Thing(stackIn(app, 'Admin', stackAccount), 'Trail');
    recordOwner(trail, owner);

    expect(OWNER in trail).toBe(false);
    expect(ownedElsewhere(app)).toBeUndefined();
  });
});

describe('placementOf', () => {
  test('a resource of a stack of known account and Region is placed in both, under its path', () => {
    const trail = new Thing(new Construct(stackIn(new App(), 'Audit', MEMBER, 'us-east-1'), 'Logging'), 'Trail');
    expect(placementOf(trail)).toEqual({ path: 'Audit/Logging/Trail', account: MEMBER, region: 'us-east-1' });
  });

  test.each([
    { why: 'its account or Region', env: undefined },
    { why: 'its account', env: { region: REGION } },
    { why: 'its Region', env: { account: MEMBER } },
  ])('a resource of a stack that does not know $why has no placement', ({ env }) => {
    const stack = new Stack(new App(), 'Stack', { env });
    expect(placementOf(new Thing(stack, 'Trail'))).toBeUndefined();
    expect(placementOf(new Thing(stack, 'OrgTrail'), true)).toBeUndefined();
  });

  describe('in the account of a delegated administrator the app registers', () => {
    function adminApp(managementAccountId: string | undefined, memberAccountId = ADMIN): Stack {
      const app = new App();
      recordDelegatedAdmin(app, { path: 'Management/Admin', memberAccountId, managementAccountId });
      return stackIn(app, 'Admin', ADMIN);
    }

    test('an organization resource is owned by the management account that registers it', () => {
      const stack = adminApp(MANAGEMENT);
      expect(placementOf(new Thing(stack, 'Trail'), true)).toEqual({ path: 'Admin/Trail', account: MANAGEMENT, region: REGION });
    });

    test('any other resource is the stack account\'s (organizationResource is false unless given)', () => {
      const stack = adminApp(MANAGEMENT);
      expect(placementOf(new Thing(stack, 'Store'))).toEqual({ path: 'Admin/Store', account: ADMIN, region: REGION });
      expect(placementOf(new Thing(stack, 'Bucket'), false)).toEqual({ path: 'Admin/Bucket', account: ADMIN, region: REGION });
    });

    test.each([
      { why: 'the registering account is not known', managementAccountId: undefined, memberAccountId: ADMIN },
      { why: 'the registration is of another account', managementAccountId: MANAGEMENT, memberAccountId: MEMBER },
    ])('an organization resource is the stack account\'s when $why', ({ managementAccountId, memberAccountId }) => {
      const stack = adminApp(managementAccountId, memberAccountId);
      expect(placementOf(new Thing(stack, 'Trail'), true)).toEqual({ path: 'Admin/Trail', account: ADMIN, region: REGION });
    });

    test('the first registration of the account that names its management account counts', () => {
      const app = new App();
      recordDelegatedAdmin(app, { path: 'Other/Admin', memberAccountId: MEMBER, managementAccountId: '444444444444' });
      recordDelegatedAdmin(app, { path: 'Unknown/Admin', memberAccountId: ADMIN });
      recordDelegatedAdmin(app, { path: 'Management/Admin', memberAccountId: ADMIN, managementAccountId: MANAGEMENT });
      recordDelegatedAdmin(app, { path: 'Later/Admin', memberAccountId: ADMIN, managementAccountId: '555555555555' });
      expect(placementOf(new Thing(stackIn(app, 'Admin', ADMIN), 'Trail'), true)?.account).toBe(MANAGEMENT);
    });

    test('an owner recorded on the resource comes first', () => {
      const trail = new Thing(adminApp(MANAGEMENT), 'Trail');
      recordOwner(trail, MEMBER);
      expect(placementOf(trail, true)?.account).toBe(MEMBER);
      expect(placementOf(trail)?.account).toBe(MEMBER);
    });
  });
});

describe('placedInAccount', () => {
  /** An app of a management account, its delegated administrator and a member, with a resource of each kind in each. */
  function organizationApp(): { app: App; management: Stack; admin: Stack; member: Stack } {
    const app = new App();
    const management = stackIn(app, 'Management', MANAGEMENT);
    recordDelegatedAdmin(management, { path: 'Management/Admin', memberAccountId: ADMIN, managementAccountId: MANAGEMENT });
    const admin = stackIn(app, 'Admin', ADMIN, 'us-east-1');
    const member = stackIn(new Stage(app, 'Workloads'), 'Member', MEMBER);
    for (const stack of [management, admin, member]) {
      new Thing(stack, 'Trail');
    }
    return { app, management, admin, member };
  }

  const placeOrganizationResource = (thing: Thing) => placementOf(thing, true);

  test('finds the resources of the account, those a delegated administrator creates for it included', () => {
    const { management } = organizationApp();
    expect(placedInAccount(management, MANAGEMENT, isThing, placeOrganizationResource)).toEqual([
      { path: 'Management/Trail', account: MANAGEMENT, region: REGION },
      { path: 'Admin/Trail', account: MANAGEMENT, region: 'us-east-1' },
    ]);
  });

  test('a resource of an administrator\'s stack that the administrator owns is the administrator\'s, not the management account\'s', () => {
    const { admin, member } = organizationApp();
    expect(placedInAccount(member, MANAGEMENT, isThing, placementOf)).toEqual([
      { path: 'Management/Trail', account: MANAGEMENT, region: REGION },
    ]);
    expect(placedInAccount(member, ADMIN, isThing, placementOf)).toEqual([
      { path: 'Admin/Trail', account: ADMIN, region: 'us-east-1' },
    ]);
    expect(placedInAccount(admin, MEMBER, isThing, placementOf)).toEqual([
      { path: 'Workloads/Member/Trail', account: MEMBER, region: REGION },
    ]);
  });

  test('searches only the stacks of the account and of the accounts that create resources it owns', () => {
    const { app, member } = organizationApp();
    const recorded = new Thing(member, 'Recorded');
    recordOwner(recorded, MANAGEMENT);
    // An account that creates resources another management account owns, and one that registers no management account
    const other = stackIn(app, 'Other', '444444444444');
    recordOwner(new Thing(other, 'Trail'), '555555555555');
    recordDelegatedAdmin(app, { path: 'Else/Admin', memberAccountId: '444444444444', managementAccountId: '555555555555' });
    new Thing(stackIn(app, 'Unregistered', '666666666666'), 'Trail');
    recordDelegatedAdmin(app, { path: 'Unknown/Admin', memberAccountId: '666666666666' });
    const placed: string[] = [];
    const place = (thing: Thing): Placement | undefined => {
      placed.push(thing.node.path);
      return placementOf(thing, true);
    };

    expect(placedInAccount(app, MANAGEMENT, isThing, place).map(p => p.path)).toEqual(['Management/Trail', 'Admin/Trail', 'Workloads/Member/Recorded']);
    expect(placed).toEqual(['Management/Trail', 'Admin/Trail', 'Workloads/Member/Trail', 'Workloads/Member/Recorded']);
  });

  test('only resources of the kind asked for, in nested stacks too, and not those whose placement is unknown', () => {
    const { management } = organizationApp();
    new Construct(management, 'NotAThing');
    const nested = new NestedStack(management, 'Nested');
    new Thing(nested, 'Deep');
    new Thing(management, 'Unplaced');
    const place = (thing: Thing) => (thing.node.id === 'Unplaced' ? undefined : placementOf(thing));
    expect(placedInAccount(management, MANAGEMENT, isThing, place).map(p => p.path))
      .toEqual(['Management/Trail', 'Management/Nested/Deep']);
  });

  test('finds nothing in an account the app has no stack of', () => {
    const { app } = organizationApp();
    expect(placedInAccount(app, '999999999999', isThing, placementOf)).toEqual([]);
  });
});

describe('stacksIn', () => {
  test('the outermost stacks under a construct, in stages and constructs too, and not the stacks nested in those', () => {
    const app = new App();
    const top = new Stack(app, 'Top');
    const nested = new NestedStack(new Construct(top, 'Group'), 'Nested');
    new NestedStack(nested, 'Deeper');
    const inStage = new Stack(new Stage(new Stage(app, 'Outer'), 'Inner'), 'Staged');
    const inConstruct = new Stack(new Construct(app, 'Group'), 'Grouped');

    expect(stacksIn(app).map(stack => stack.node.path)).toEqual(['Top', 'Outer/Inner/Staged', 'Group/Grouped']);
    expect(stacksIn(app)).toEqual([top, inStage, inConstruct]);
    expect(stacksIn(top).map(stack => stack.node.path)).toEqual(['Top/Group/Nested']);
  });
});

describe('renderedTags', () => {
  const stack = new Stack(new App(), 'Stack');

  test('a resource without tags has none', () => {
    expect(renderedTags(stack, new TagManager(TagType.STANDARD, 'AWS::CloudTrail::Trail'))).toEqual([]);
  });

  test('the tags as CloudFormation receives them, tokens resolved', () => {
    const tags = new TagManager(TagType.STANDARD, 'AWS::CloudTrail::Trail', [{ key: 'team', value: 'audit' }]);
    tags.setTag('owner', Lazy.string({ produce: () => 'security' }));
    expect(renderedTags(stack, tags)).toEqual([{ key: 'owner', value: 'security' }, { key: 'team', value: 'audit' }]);
  });
});

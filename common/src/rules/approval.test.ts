import { describe, expect, it } from 'vitest';
import type { ApprovalStep, PolicyRules } from '../schemas/approvals.ts';
import {
  afterDecision,
  afterEdit,
  canDecide,
  choosePolicy,
  type Decider,
  type Decision,
  editDistance,
  isMinorTextEdit,
  isStepOverdue,
  missingRoles,
  type PostFacts,
  stepDeadline,
} from './approval.ts';

const step = (over: Partial<ApprovalStep> = {}): ApprovalStep => ({
  name: 'Redaktion',
  roles: ['editor'],
  mode: 'any',
  deadlineHours: null,
  ...over,
});

const REDAKTION = step({ name: 'Redaktion', roles: ['editor', 'admin', 'owner'] });
const LEITUNG = step({ name: 'Leitung', roles: ['approver'] });
const DATENSCHUTZ = step({ name: 'Datenschutz', roles: ['privacy_officer'] });
const BOTH = step({ name: 'Leitung und Datenschutz', roles: ['approver', 'privacy_officer'], mode: 'all' });
const EXTERNAL = step({ name: 'Vorstand', roles: ['external'] });

const approve = (s: number, userId: string | null, role: Decision['role']): Decision => ({
  step: s,
  userId,
  role,
  decision: 'approve',
});

const AUTHOR = 'u-author';
const decider = (userId: string | null, ...roles: Decider['roles']): Decider => ({ userId, roles });

function check(over: Partial<Parameters<typeof canDecide>[0]> & { decider: Decider }) {
  return canDecide({
    status: 'in_review',
    steps: [REDAKTION, LEITUNG, DATENSCHUTZ],
    currentStep: 0,
    decisions: [],
    authorId: AUTHOR,
    ...over,
  });
}

describe('canDecide', () => {
  it.each([
    ['an editor on the Redaktion step', { decider: decider('u1', 'editor') }, { ok: true, role: 'editor' }],
    ['an admin on the Redaktion step', { decider: decider('u1', 'admin') }, { ok: true, role: 'admin' }],
    ['an approver before their step', { decider: decider('u1', 'approver') }, { ok: false, refusal: 'not_in_step' }],
    [
      'an approver once the review reached Leitung',
      { currentStep: 1, decider: decider('u1', 'approver') },
      { ok: true, role: 'approver' },
    ],
    ['a viewer', { decider: decider('u1', 'viewer') }, { ok: false, refusal: 'not_in_step' }],
    [
      'a contributor-only member on a step without contributor',
      { decider: decider('u1', 'contributor') },
      { ok: false, refusal: 'not_in_step' },
    ],
    [
      'a contributor on a step that lists contributor',
      { steps: [step({ roles: ['contributor'] })], decider: decider('u1', 'contributor') },
      { ok: true, role: 'contributor' },
    ],
    ['the author holding the role', { decider: decider(AUTHOR, 'editor') }, { ok: false, refusal: 'author' }],
    ['the author as owner', { decider: decider(AUTHOR, 'owner') }, { ok: false, refusal: 'author' }],
    [
      'the author as admin in an all-step',
      { steps: [step({ roles: ['admin', 'approver'], mode: 'all' })], decider: decider(AUTHOR, 'admin', 'approver') },
      { ok: false, refusal: 'author' },
    ],
    [
      'anyone on a closed review',
      { status: 'approved', decider: decider('u1', 'editor') },
      { ok: false, refusal: 'not_open' },
    ],
    [
      'anyone on a review with changes requested',
      { status: 'changes_requested', decider: decider('u1', 'editor') },
      { ok: false, refusal: 'not_open' },
    ],
    [
      'anyone once every step is done',
      { currentStep: 3, decider: decider('u1', 'editor') },
      { ok: false, refusal: 'not_open' },
    ],
    [
      'an editor who already approved this step',
      {
        steps: [step({ roles: ['editor', 'admin'], mode: 'all' })],
        decisions: [approve(0, 'u1', 'editor')],
        decider: decider('u1', 'editor', 'admin'),
      },
      { ok: false, refusal: 'already_decided' },
    ],
    [
      'an editor who requested changes on this step before',
      {
        decisions: [{ step: 0, userId: 'u1', role: 'editor', decision: 'request_changes' }],
        decider: decider('u1', 'editor'),
      },
      { ok: false, refusal: 'already_decided' },
    ],
    [
      'an editor who decided an earlier step decides the next one',
      {
        steps: [REDAKTION, step({ roles: ['editor', 'approver'] })],
        currentStep: 1,
        decisions: [approve(0, 'u1', 'editor')],
        decider: decider('u1', 'editor'),
      },
      { ok: true, role: 'editor' },
    ],
    [
      'a second approver when the all-step already has its approver',
      { steps: [BOTH], decisions: [approve(0, 'u1', 'approver')], decider: decider('u2', 'approver') },
      { ok: false, refusal: 'role_covered' },
    ],
    [
      'the privacy officer when the all-step has its approver',
      { steps: [BOTH], decisions: [approve(0, 'u1', 'approver')], decider: decider('u2', 'privacy_officer') },
      { ok: true, role: 'privacy_officer' },
    ],
    [
      'a person holding both roles of an all-step covers the first missing one',
      { steps: [BOTH], decider: decider('u1', 'approver', 'privacy_officer') },
      { ok: true, role: 'approver' },
    ],
    [
      'a person holding both roles covers the one still missing',
      {
        steps: [BOTH],
        decisions: [approve(0, 'u2', 'approver')],
        decider: decider('u1', 'approver', 'privacy_officer'),
      },
      { ok: true, role: 'privacy_officer' },
    ],
    [
      'a link reviewer on an external step',
      { steps: [EXTERNAL], decider: decider(null, 'external') },
      { ok: true, role: 'external' },
    ],
    ['a link reviewer on a member step', { decider: decider(null, 'external') }, { ok: false, refusal: 'not_in_step' }],
    [
      'a member on an external-only step',
      { steps: [EXTERNAL], decider: decider('u1', 'owner', 'admin', 'editor', 'approver') },
      { ok: false, refusal: 'not_in_step' },
    ],
    [
      'a member claiming the external pseudo-role',
      { steps: [EXTERNAL], decider: decider('u1', 'external') },
      { ok: false, refusal: 'not_in_step' },
    ],
    [
      'a member on a step mixing external and approver decides as approver',
      { steps: [step({ roles: ['external', 'approver'] })], decider: decider('u1', 'approver') },
      { ok: true, role: 'approver' },
    ],
    [
      'a link reviewer when the author is unknown',
      { steps: [EXTERNAL], authorId: null, decider: decider(null, 'external') },
      { ok: true, role: 'external' },
    ],
  ] as const)('%s', (_, over, expected) => {
    expect(check(over as Parameters<typeof check>[0])).toEqual(expected);
  });
});

describe('missingRoles', () => {
  it.each([
    ['any-step without approvals', REDAKTION, [], ['editor', 'admin', 'owner']],
    ['any-step with one approval', REDAKTION, [approve(0, 'u1', 'admin')], []],
    [
      'any-step: a request for changes is no approval',
      REDAKTION,
      [{ ...approve(0, 'u1', 'editor'), decision: 'request_changes' }],
      ['editor', 'admin', 'owner'],
    ],
    [
      'any-step: an approval of another step does not count',
      REDAKTION,
      [approve(1, 'u1', 'editor')],
      ['editor', 'admin', 'owner'],
    ],
    ['all-step without approvals', BOTH, [], ['approver', 'privacy_officer']],
    ['all-step with one role covered', BOTH, [approve(0, 'u1', 'privacy_officer')], ['approver']],
    ['all-step complete', BOTH, [approve(0, 'u1', 'privacy_officer'), approve(0, 'u2', 'approver')], []],
  ] as const)('%s', (_, s, decisions, expected) => {
    expect(missingRoles(s, decisions, 0)).toEqual(expected);
  });
});

describe('afterDecision', () => {
  const THREE = [REDAKTION, LEITUNG, DATENSCHUTZ];
  const open = (currentStep: number) => ({ status: 'in_review' as const, currentStep });

  it.each([
    [
      'approve on step 0 advances to step 1',
      THREE,
      open(0),
      [],
      approve(0, 'u1', 'editor'),
      { status: 'in_review', currentStep: 1, stepAdvanced: true },
    ],
    [
      'approve on step 1 advances to step 2',
      THREE,
      open(1),
      [approve(0, 'u1', 'editor')],
      approve(1, 'u2', 'approver'),
      { status: 'in_review', currentStep: 2, stepAdvanced: true },
    ],
    [
      'approve on the last step completes',
      THREE,
      open(2),
      [approve(0, 'u1', 'editor'), approve(1, 'u2', 'approver')],
      approve(2, 'u3', 'privacy_officer'),
      { status: 'approved', currentStep: 3, stepAdvanced: true },
    ],
    [
      'approve on a single step completes',
      [REDAKTION],
      open(0),
      [],
      approve(0, 'u1', 'owner'),
      { status: 'approved', currentStep: 1, stepAdvanced: true },
    ],
    [
      'first approval of an all-step stays',
      [BOTH, REDAKTION],
      open(0),
      [],
      approve(0, 'u1', 'approver'),
      { status: 'in_review', currentStep: 0, stepAdvanced: false },
    ],
    [
      'second approval of an all-step advances',
      [BOTH, REDAKTION],
      open(0),
      [approve(0, 'u1', 'approver')],
      approve(0, 'u2', 'privacy_officer'),
      { status: 'in_review', currentStep: 1, stepAdvanced: true },
    ],
    [
      'request_changes ends the round',
      THREE,
      open(1),
      [approve(0, 'u1', 'editor')],
      { step: 1, userId: 'u2', role: 'approver', decision: 'request_changes' },
      { status: 'changes_requested', currentStep: 1, stepAdvanced: false },
    ],
    [
      'reject ends the round',
      THREE,
      open(2),
      [],
      { step: 2, userId: 'u3', role: 'privacy_officer', decision: 'reject' },
      { status: 'rejected', currentStep: 2, stepAdvanced: false },
    ],
    [
      'reject in a half-approved all-step ends the round',
      [BOTH],
      open(0),
      [approve(0, 'u1', 'approver')],
      { step: 0, userId: 'u2', role: 'privacy_officer', decision: 'reject' },
      { status: 'rejected', currentStep: 0, stepAdvanced: false },
    ],
  ] as const)('%s', (_, steps, position, decisions, decision, expected) => {
    expect(afterDecision(steps, position, decisions, decision)).toEqual(expected);
  });

  it('advances one step at a time even when the following steps look satisfied', () => {
    // Approvals recorded against later step indexes (a stale round, a buggy caller) must not let
    // one decision complete several steps: a decision only counts for the current step.
    const stray = [approve(1, 'u2', 'approver'), approve(2, 'u3', 'privacy_officer')];
    expect(afterDecision(THREE, open(0), stray, approve(0, 'u1', 'editor'))).toEqual({
      status: 'in_review',
      currentStep: 1,
      stepAdvanced: true,
    });
  });

  it('does not count a decision filed for another step', () => {
    expect(afterDecision(THREE, open(0), [], approve(1, 'u1', 'approver'))).toEqual({
      status: 'in_review',
      currentStep: 0,
      stepAdvanced: false,
    });
  });

  it('walks the three steps of the issue’s journey one decision at a time', () => {
    const decisions: Decision[] = [];
    let position: {
      status: 'in_review' | 'approved' | 'changes_requested' | 'rejected' | 'withdrawn';
      currentStep: number;
    } = open(0);
    const seen: number[] = [];
    for (const [userId, role] of [
      ['u1', 'editor'],
      ['u2', 'approver'],
      ['u3', 'privacy_officer'],
    ] as const) {
      const d = approve(position.currentStep, userId, role);
      position = afterDecision(THREE, position, decisions, d);
      decisions.push(d);
      seen.push(position.currentStep);
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(position.status).toBe('approved');
  });

  it('leaves a closed review where it is', () => {
    for (const status of ['approved', 'rejected', 'changes_requested', 'withdrawn'] as const) {
      const position = { status, currentStep: 1 };
      for (const decision of ['approve', 'request_changes', 'reject'] as const) {
        const d = { ...approve(1, 'u2', 'approver'), decision };
        expect(afterDecision(THREE, position, [], d)).toEqual({ ...position, stepAdvanced: false });
      }
    }
  });
});

describe('afterEdit', () => {
  const cases = [];
  for (const minorEditsKeepApproval of [false, true])
    for (const editorApproved of [false, true])
      for (const minor of [false, true])
        cases.push({
          minorEditsKeepApproval,
          editorApproved,
          minor,
          expected: minorEditsKeepApproval && editorApproved && minor ? 'keep' : 'restart',
        });

  it.each(cases)('policy $minorEditsKeepApproval × editor approved $editorApproved × minor $minor → $expected', (c) => {
    for (const status of ['in_review', 'approved'] as const) {
      expect(
        afterEdit({
          status,
          editorApproved: c.editorApproved,
          minorEditsKeepApproval: c.minorEditsKeepApproval,
          minor: c.minor,
        }),
      ).toBe(c.expected);
    }
  });

  it.each(['changes_requested', 'rejected', 'withdrawn'] as const)('a %s round is unaffected', (status) => {
    expect(afterEdit({ status, editorApproved: true, minorEditsKeepApproval: true, minor: true })).toBe('unaffected');
    expect(afterEdit({ status, editorApproved: false, minorEditsKeepApproval: false, minor: false })).toBe(
      'unaffected',
    );
  });
});

describe('isMinorTextEdit', () => {
  const SHORT = 'Heute feiern wir das Sommerfest im Familienzentrum.';
  const LONG = 'Im Familienzentrum ist jeden Tag etwas los. '.repeat(25); // 1 100 characters
  it.each([
    ['identical text', SHORT, SHORT, true],
    ['a typo fix', 'Heute feirn wir das Sommerfest im Familienzentrum.', SHORT, true],
    ['a changed word', SHORT, SHORT.replace('Sommerfest', 'Herbstfest'), true],
    ['a new sentence in a short text', SHORT, `${SHORT} Bitte bringen Sie einen Kuchen und gute Laune mit.`, false],
    ['the text replaced', SHORT, 'Das Sommerfest fällt wegen Unwetters leider aus.', false],
    ['a long text with exactly 10 % changed', LONG, `${LONG.slice(0, 1000)}${'x'.repeat(110)}`, true],
    [
      'a long text with a new sentence under 10 %',
      LONG,
      `${LONG}Anmeldung bis Freitag im Büro, Telefon 030 1234567.`,
      true,
    ],
    ['a long text with just over 10 % changed', LONG, `${LONG.slice(0, 989)}${'x'.repeat(111)}`, false],
    ['a long text cut in half', LONG, LONG.slice(0, 550), false],
  ])('%s → %s', (_, before, after, expected) => {
    expect(isMinorTextEdit(before, after)).toBe(expected);
  });

  it('allows 30 characters in a short text but not 31', () => {
    expect(isMinorTextEdit(SHORT, `${SHORT}${'!'.repeat(30)}`)).toBe(true);
    expect(isMinorTextEdit(SHORT, `${SHORT}${'!'.repeat(31)}`)).toBe(false);
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['abc', 'abc', 0],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['Sommerfest', 'Herbstfest', 6],
    ['ab', 'ba', 2],
    ['Grüße', 'Grüsse', 2],
  ])('%s → %s = %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });

  it.each([
    ['within the limit: the exact distance', 'kitten', 'sitting', 3, 3],
    ['within the limit: the exact distance below it', 'kitten', 'sitting', 10, 3],
    ['past the limit: limit + 1', 'kitten', 'sitting', 2, 3],
    ['past the limit by length alone', 'a', 'abcdefgh', 3, 4],
    ['past the limit, found early', 'abcdef', 'uvwxyz', 1, 2],
    ['past the limit, found only at the end', 'ab', 'ba', 1, 2],
    ['past a limit of zero', 'abc', 'abd', 0, 1],
    ['equal strings at a limit of zero', 'abc', 'abc', 0, 0],
    ['far past the limit', 'abcdefghij', 'klmnopqrst', 3, 4],
  ])('%s', (_, a, b, limit, expected) => {
    expect(editDistance(a, b, limit)).toBe(expected);
  });

  it('agrees with the unlimited distance whenever that is within the limit', () => {
    const words = ['', 'a', 'ab', 'abc', 'acb', 'bca', 'Sommer', 'Sommerfest', 'Herbst', 'mmerfe'];
    for (const a of words)
      for (const b of words)
        for (const limit of [0, 1, 2, 3, 5, 8]) {
          const exact = editDistance(a, b);
          expect(editDistance(a, b, limit)).toBe(exact <= limit ? exact : limit + 1);
        }
  });
  it('matches a plain Levenshtein on random texts, whatever the limit', () => {
    // A small seeded generator, so a failure names a case that can be replayed.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const text = () => Array.from({ length: random(14) }, () => 'abcä '[random(5)]).join('');
    for (let round = 0; round < 400; round++) {
      const [a, b] = [text(), text()];
      const exact = plainLevenshtein(a, b);
      expect(editDistance(a, b), `${a} → ${b}`).toBe(exact);
      const limit = random(8);
      expect(editDistance(a, b, limit), `${a} → ${b} limit ${limit}`).toBe(Math.min(exact, limit + 1));
    }
  });

  it('caps the allowance on long texts at 200 characters', () => {
    const long = 'Im Familienzentrum ist jeden Tag etwas los. '.repeat(450);
    expect(isMinorTextEdit(long, long.replace('Tag', 'Abend'))).toBe(true);
    expect(isMinorTextEdit(long, `${long}${'Neu. '.repeat(41)}`)).toBe(false);
  });
});

/** The textbook full-matrix version, as a reference. */
function plainLevenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

describe('deadlines', () => {
  const started = new Date('2026-03-02T08:00:00.000Z');
  const withDeadline = step({ deadlineHours: 48 });

  it.each([
    ['a step with 48 hours', withDeadline, '2026-03-04T08:00:00.000Z'],
    ['a step with one hour', step({ deadlineHours: 1 }), '2026-03-02T09:00:00.000Z'],
    ['a step without deadline', step(), null],
    ['no step (review complete)', undefined, null],
  ])('stepDeadline of %s', (_, s, expected) => {
    expect(stepDeadline(s, started)?.toISOString() ?? null).toBe(expected);
  });

  it.each([
    ['before the deadline', withDeadline, '2026-03-04T07:59:59.999Z', false],
    ['exactly at the deadline', withDeadline, '2026-03-04T08:00:00.000Z', false],
    ['just after the deadline', withDeadline, '2026-03-04T08:00:00.001Z', true],
    ['a week after', withDeadline, '2026-03-11T08:00:00.000Z', true],
    ['a step without deadline, a year later', step(), '2027-03-02T08:00:00.000Z', false],
    ['no step, a year later', undefined, '2027-03-02T08:00:00.000Z', false],
  ])('isStepOverdue %s', (_, s, now, expected) => {
    expect(isStepOverdue(s, started, new Date(now))).toBe(expected);
  });
});

describe('choosePolicy', () => {
  const rules = (over: Partial<PolicyRules> = {}): PolicyRules => ({
    always: false,
    peopleDepicted: false,
    minorsDepicted: false,
    tags: [],
    channelIds: [],
    contributorDefault: false,
    ...over,
  });
  const policy = (
    id: string,
    steps: ApprovalStep[],
    over: Partial<PolicyRules> = {},
    extra: { active?: boolean; createdAt?: string } = {},
  ) => ({
    id,
    steps,
    rules: rules(over),
    active: extra.active ?? true,
    createdAt: extra.createdAt ?? `2026-01-0${(id.length % 9) + 1}T00:00:00.000Z`,
  });
  const facts = (over: Partial<PostFacts> = {}): PostFacts => ({
    authorIsContributor: false,
    peopleDepicted: false,
    minorsDepicted: false,
    tags: [],
    channelIds: [],
    ...over,
  });
  const pick = (policies: ReturnType<typeof policy>[], f: PostFacts) => choosePolicy(policies, f)?.id ?? null;

  const one = policy('one', [REDAKTION], { always: true });
  const people = policy('people', [REDAKTION, LEITUNG], { peopleDepicted: true });
  const minors = policy('minors', [REDAKTION, LEITUNG, DATENSCHUTZ], { minorsDepicted: true });
  const sensibel = policy('sensibel', [REDAKTION, LEITUNG], { tags: ['sensibel'] });
  const ministry = policy('ministry', [LEITUNG], { channelIds: ['c-ministry'] });
  const contrib = policy('contrib', [REDAKTION], { contributorDefault: true });

  it.each([
    ['nothing matches an editor’s post', [people, minors, contrib], facts(), null],
    ['no policies at all', [], facts({ authorIsContributor: true }), null],
    ['always', [one], facts(), 'one'],
    ['people depicted', [people, minors], facts({ peopleDepicted: true }), 'people'],
    [
      'minors depicted: more steps win',
      [one, people, minors],
      facts({ peopleDepicted: true, minorsDepicted: true }),
      'minors',
    ],
    ['a tag, matched case-insensitively', [sensibel], facts({ tags: ['Sensibel'] }), 'sensibel'],
    ['a tag that is not set', [sensibel], facts({ tags: ['sommerfest'] }), null],
    ['the ministry channel', [ministry], facts({ channelIds: ['c-other', 'c-ministry'] }), 'ministry'],
    ['another channel', [ministry], facts({ channelIds: ['c-other'] }), null],
    ['an inactive policy is ignored', [{ ...minors, active: false }, one], facts({ minorsDepicted: true }), 'one'],
    ['a policy without steps is ignored', [policy('empty', [], { always: true })], facts(), null],
    [
      'contributor default for a contributor when nothing matches',
      [people, contrib],
      facts({ authorIsContributor: true }),
      'contrib',
    ],
    ['contributor default not for an editor', [contrib], facts(), null],
    [
      'a stricter contributor default wins over a matching policy for a contributor',
      [policy('contrib2', [REDAKTION, LEITUNG], { contributorDefault: true }), ministry],
      facts({ authorIsContributor: true, channelIds: ['c-ministry'] }),
      'contrib2',
    ],
    [
      'a stricter matching policy wins over the contributor default',
      [contrib, minors],
      facts({ authorIsContributor: true, minorsDepicted: true }),
      'minors',
    ],
    [
      'an inactive contributor default is ignored',
      [{ ...contrib, active: false }],
      facts({ authorIsContributor: true }),
      null,
    ],
    ['nothing at all for a contributor', [people], facts({ authorIsContributor: true }), null],
  ] as const)('%s → %s', (_, policies, f, expected) => {
    expect(pick([...policies], f)).toBe(expected);
  });

  it('matches rule tags written in capitals', () => {
    const p = policy('caps', [REDAKTION], { tags: ['Kampagne'] });
    expect(pick([p], facts({ tags: ['kampagne'] }))).toBe('caps');
  });

  describe('strictness', () => {
    const anyOfTwo = step({ roles: ['approver', 'privacy_officer'] });
    const allOfTwo = step({ roles: ['approver', 'privacy_officer'], mode: 'all' });
    const allOfThree = step({ roles: ['approver', 'privacy_officer', 'admin'], mode: 'all' });
    const older = '2026-01-01T00:00:00.000Z';
    const newer = '2026-02-01T00:00:00.000Z';

    it.each([
      [
        'more steps win over all-steps',
        [
          policy('a', [allOfThree], { always: true }, { createdAt: older }),
          policy('b', [REDAKTION, LEITUNG], { always: true }, { createdAt: newer }),
        ],
        'b',
      ],
      [
        'with equal steps, more all-steps win',
        [
          policy('a', [REDAKTION, anyOfTwo], { always: true }, { createdAt: older }),
          policy('b', [REDAKTION, allOfTwo], { always: true }, { createdAt: newer }),
        ],
        'b',
      ],
      [
        'then more roles to satisfy win',
        [
          policy('a', [allOfTwo], { always: true }, { createdAt: older }),
          policy('b', [allOfThree], { always: true }, { createdAt: newer }),
        ],
        'b',
      ],
      [
        'roles of an any-step do not make it stricter',
        [
          policy('a', [LEITUNG], { always: true }, { createdAt: older }),
          policy('b', [REDAKTION], { always: true }, { createdAt: newer }),
        ],
        'a',
      ],
      [
        'a tie goes to the older policy',
        [
          policy('new', [LEITUNG], { always: true }, { createdAt: newer }),
          policy('old', [LEITUNG], { always: true }, { createdAt: older }),
        ],
        'old',
      ],
      [
        'a tie goes to the older policy whatever the offset notation',
        [
          policy('new', [LEITUNG], { always: true }, { createdAt: '2026-01-01T10:00:00+00:00' }),
          policy('old', [LEITUNG], { always: true }, { createdAt: '2026-01-01T11:00:00+02:00' }),
        ],
        'old',
      ],
      [
        'the strictest of the contributor defaults',
        [
          policy('a', [REDAKTION], { contributorDefault: true }, { createdAt: older }),
          policy('b', [REDAKTION, LEITUNG], { contributorDefault: true }, { createdAt: newer }),
        ],
        'b',
      ],
    ] as const)('%s', (_, policies, expected) => {
      expect(pick([...policies], facts({ authorIsContributor: true }))).toBe(expected);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { matchHubs } from '../../server/hubs/match.js';
import { displayKey, hubNameKey, namesSimilar, websiteHost } from '../../server/hubs/names.js';
import type { ListedHub } from '../../server/hubs/types.js';

// The matcher on small made-up lists: districts A..F; a place written 'X*' ('X part') is a part of X the list does
// not define.

function hub(key: string, name: string, places: string[], extra: Partial<ListedHub> = {}): ListedHub {
  return {
    key,
    name,
    website: null,
    urn: null,
    lead_school: null,
    places: places.map((p) => ({
      name: p.replace('*', ' part'),
      districts: [p.replace('*', '')],
      part: p.endsWith('*'),
    })),
    ...extra,
  };
}

const classes = (a: ListedHub[], b: ListedHub[]) =>
  matchHubs(a, b).changes.map((c) => [
    c.class,
    c.from.join('+'),
    c.to.join('+'),
    c.renamed,
    c.weak.length > 0,
  ]);

describe('names and websites', () => {
  it.each([
    ['Leicestershire & Rutland TS Hub', 'leicestershire and rutland'],
    ['The East Manchester Teaching Hub', 'east manchester'],
    ['Northern Lights TSH: South Tyne & Wear', 'northern lights south tyne and wear'],
    ['Five Counties Teaching School Hubs Alliance (Somerset)', 'five counties alliance somerset'],
    ['L.E.A.D. Teaching School Hub Lincolnshire', 'l e a d lincolnshire'],
    ['Balcarras', 'balcarras'],
  ])('%s is known as %s', (name, key) => expect(hubNameKey(name)).toBe(key));

  it.each([
    ['https://www.saffronteachingschoolhub.net/', 'saffronteachingschoolhub.net'],
    [' www.CPTSHN.co.uk', 'cptshn.co.uk'],
    ['https://xaviercet.org.uk/teaching-school-hub/', 'xaviercet.org.uk'],
    ['', null],
  ])('the website %s is on %s', (url, host) => expect(websiteHost(url)).toBe(host));

  it('calls names similar when one holds the other or they share two words in a row', () => {
    expect(namesSimilar('Chafford Hundred Teaching School Hub', 'Chafford Hundred South Essex TSH')).toBe(
      true,
    );
    expect(namesSimilar('Harris City Academy Crystal Palace TSH', 'Crystal Palace South London TSH')).toBe(
      true,
    );
    expect(namesSimilar('Alpha Teaching School Hub', 'Unity Teaching School Hub')).toBe(false);
    expect(displayKey('One Cornwall  (East Cornwall) ')).toBe(displayKey('one cornwall (East Cornwall)'));
  });
});

describe('matchHubs', () => {
  it('pairs by area first: the same districts under another code and name is the same hub when a website says so', () => {
    const a = [hub('X1', 'Bradford TSH', ['A'], { website: 'www.tsh.org' }), hub('X2', 'Beta', ['B'])];
    const b = [hub('Y1', 'Beta', ['B']), hub('Y2', 'Exceed TSH', ['A'], { website: 'https://tsh.org/' })];
    expect(classes(a, b)).toEqual([
      ['continuing', 'X2', 'Y1', false, false],
      ['continuing', 'X1', 'Y2', true, false],
    ]);
  });

  it('calls the same area under an unrelated name another hub, and says who leads it as far as it can', () => {
    const a = [hub('X1', 'Alpha', ['A']), hub('X2', 'Unity', ['B'])];
    const b = [hub('Y1', 'Unity', ['A']), hub('Y2', 'Unity', ['B'])];
    const [first] = matchHubs(a, b).changes;
    expect(first).toMatchObject({ class: 'another-hub', from: ['X1'], to: ['Y1'] });
    expect(first!.led_by).toBe(
      'Unity: the same name as Y2, which continues X2 (Unity); which school leads it, the list does not say',
    );
  });

  it('calls a different lead school another hub even under the same name, and names the school', () => {
    const a = [hub('X1', 'Hub', ['A'], { urn: 100001 }), hub('X2', 'Other', ['B'], { urn: 100002 })];
    const b = [hub('Y1', 'Hub', ['A'], { urn: 100002, lead_school: 'Beta School' })];
    const change = matchHubs(a, b).changes[0]!;
    expect(change).toMatchObject({ class: 'another-hub', evidence: { urn: 'different', name: 'same' } });
    expect(change.led_by).toBe('lead school URN 100002 (Beta School), which led X2 on the earlier list');
  });

  it('calls the same area with nothing for or against one hub its successor by areas, not another hub', () => {
    const a = [
      hub('EMH11', 'Barnsley and Doncaster', ['A'], { urn: 137482 }),
      hub('LWY14', 'Selby and Wakefield', ['B'], { urn: 137482 }),
    ];
    const b = [hub('Y1', 'Exchange Teaching Hub', ['A']), hub('Y8', 'Exchange Teaching Hub', ['B'])];
    const m = matchHubs(a, b);
    expect(m.changes.map((c) => [c.class, c.renamed, c.led_by, c.same_hub])).toEqual([
      ['successor', false, null, [{ from: 'EMH11', to: 'Y1', confirmed: false }]],
      ['successor', false, null, [{ from: 'LWY14', to: 'Y8', confirmed: false }]],
    ]);
    expect(m.changes[0]!.decided_by).toBe(
      'the same districts; no code, URN, website or name in common: its successor by areas; EMH11 and LWY14 ' +
        "had one lead school (URN 137482) on the earlier list, and Y1 and Y8 both bear the name 'Exchange " +
        "Teaching Hub' on the later: the two areas were run together on both",
    );
    expect(m.counts).toMatchObject({ continuing: 0, successor: 2, 'another-hub': 0 });
  });

  it('pairs hubs that name the same district by the evidence (one school leading two hubs, one name serving two)', () => {
    const a = [hub('N', 'North Hub', ['C*']), hub('S', 'Ark', ['C*'])];
    const b = [hub('S2', 'Star South', ['C']), hub('N2', 'North Hub', ['C'])];
    // S2 has nothing in common with S, and nothing says another hub leads it: S's successor by areas.
    expect(classes(a, b)).toEqual([
      ['successor', 'S', 'S2', false, true],
      ['continuing', 'N', 'N2', false, true],
    ]);
    expect(matchHubs(a, b).changes[1]!.weak[0]).toBe(
      "area: the same as far as the lists say ('C part' (N) is part of C; the list does not say which; 'C' (N2) is also named by S2)",
    );
  });

  it('lists a match on a similar name only as weak, and does not confirm it', () => {
    const change = matchHubs(
      [hub('X', 'Chafford Hundred', ['A'])],
      [hub('Y', 'Chafford Hundred South Essex', ['A'])],
    ).changes[0]!;
    expect(change).toMatchObject({ class: 'continuing', renamed: true, same_hub: [{ confirmed: false }] });
    expect(change.weak).toEqual([
      "name: only similar ('Chafford Hundred', 'Chafford Hundred South Essex'); no URN or website in common",
    ]);
  });

  it('calls areas no hub served new, areas no hub serves ended, and districts moving between hubs redrawn', () => {
    const a = [hub('P', 'P', ['A', 'B']), hub('Q', 'Q', ['C']), hub('E', 'Gone', ['F'])];
    const b = [hub('P2', 'P', ['A']), hub('Q2', 'Q', ['B', 'C']), hub('N', 'New', ['D'])];
    const m = matchHubs(a, b);
    expect(classes(a, b)).toEqual([
      ['redrawn', 'P+Q', 'P2+Q2', false, false],
      ['new', '', 'N', false, false],
      ['ended', 'E', '', false, false],
    ]);
    expect(m.changes[0]!.moved).toEqual([{ district: 'B', from: ['P'], to: ['Q2'] }]);
    expect(m.changes[0]!.same_hub).toEqual([
      { from: 'P', to: 'P2', confirmed: true },
      { from: 'Q', to: 'Q2', confirmed: true },
    ]);
    expect(m.counts).toEqual({
      continuing: 0,
      successor: 0,
      'another-hub': 0,
      new: 1,
      ended: 1,
      redrawn: 1,
      renamed: 0,
      organisation_changed: 0,
      weak: 0,
    });
  });
});

describe('matchHubs on lists naming the same parts', () => {
  it('takes the very same places listed as the same area, parts and all: not a weak match', () => {
    const a = [hub('W', 'One Cornwall (West)', ['C*', 'D']), hub('E', 'One Cornwall (East)', ['C*'])];
    const change = matchHubs(a, a).changes;
    expect(change.map((c) => [c.class, c.evidence?.area, c.weak])).toEqual([
      ['continuing', 'same', []],
      ['continuing', 'same', []],
    ]);
  });
});

describe('matchHubs on lists with codes (from December 2023)', () => {
  const coded = (code: string, name: string, places: string[], website: string) =>
    hub(code, name, places, { code, website });

  it('pairs one code on both lists as one hub: a new name and website is another organisation, not a leaver and a joiner', () => {
    const a = [coded('EE2', 'Alpha Teaching School Hub', ['A'], 'alphatsh.org')];
    const b = [coded('EE2', 'Unity Teaching School Hub', ['A'], 'unityteachingschoolhub.net')];
    const [change] = matchHubs(a, b).changes;
    expect(change).toMatchObject({
      class: 'continuing',
      renamed: false,
      organisation_changed: true,
      weak: [],
      same_hub: [{ from: 'EE2', to: 'EE2', confirmed: true }],
    });
    expect(change!.decided_by).toBe(
      "code EE2 on both lists; name and website both changed ('Alpha Teaching School Hub', alphatsh.org to " +
        "'Unity Teaching School Hub', unityteachingschoolhub.net): another organisation runs it",
    );
    expect(matchHubs(a, b).counts).toMatchObject({ continuing: 1, organisation_changed: 1, renamed: 0 });
  });

  it('keeps a code whose areas moved apart one hub, and calls a new name on the same website a rename', () => {
    const a = [
      coded('SW6', 'Five Counties - Bath', ['A'], 'five.org'),
      coded('SW7', 'Other', ['B'], 'x.org'),
    ];
    const b = [
      coded('SW6', 'Five Counties Alliance - Bath', ['C'], 'five.org'),
      coded('SW7', 'Other', ['B'], 'x.org'),
    ];
    const change = matchHubs(a, b).changes.find((c) => c.from[0] === 'SW6')!;
    expect(change).toMatchObject({
      class: 'continuing',
      renamed: true,
      evidence: { area: 'apart', code: 'same' },
    });
  });
});

describe('names and websites as evidence', () => {
  it("does not call 'TS Hub' for 'Teaching School Hub' a rename", () => {
    const [change] = matchHubs(
      [hub('X', 'Leicestershire & Rutland TS Hub', ['A'])],
      [hub('Y', 'Leicestershire and Rutland Teaching School Hub', ['A'])],
    ).changes;
    expect(change).toMatchObject({ class: 'continuing', renamed: false });
  });

  it('takes no website several hubs of one list share as evidence, unless the areas are the very same', () => {
    const harris = { website: 'https://www.harrisinstitute.org.uk' };
    const a = [hub('X', 'North East London', ['A', 'B*'], { website: 'www.harrisinstitute.org.uk' })];
    const b = [
      hub('Y', 'Chobham', ['A', 'B'], harris),
      hub('Z', 'Crystal Palace', ['C'], harris),
      hub('W', 'Chafford', ['D'], harris),
    ];
    const [change] = matchHubs(a, b).changes;
    expect(change).toMatchObject({ class: 'another-hub', evidence: { area: 'likely', website: 'shared' } });
    expect(change!.decided_by).toContain('which several hubs of one list share: no evidence');
    // The very same places: the area picks out which of two namesakes it is (October 2023's Kent hubs).
    const kent = [hub('K1', 'Kent', ['A']), hub('K2', 'Kent', ['B'])];
    expect(classes(kent, kent).map((c) => c[0])).toEqual(['continuing', 'continuing']);
  });
});

// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { RECENT_RUNS_CAP, RECENT_RUNS_KEY, clearRecentRuns, listRecentRuns, recordRecentRun } from './recent-runs';
import { resetTokenStoreForTests, setToken } from './token-store';

const TOKEN = 'sk_live_recentRunsToken42';
const failed = { raw: 'FAILED', label: 'Failed', tone: 'failed', icon: 'cross' } as const;
const ok = { raw: 'SUCCEEDED', label: 'Succeeded', tone: 'success', icon: 'check' } as const;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  resetTokenStoreForTests();
});

describe('recent runs', () => {
  it('records a run with ID, flow name, status and when it was opened, most recent first', () => {
    recordRecentRun({ id: 'run-a', flowName: 'Flow A', status: failed, openedAt: 1000 });
    recordRecentRun({ id: 'run-b', flowName: 'Flow B', status: ok, openedAt: 2000 });
    expect(listRecentRuns()).toEqual([
      { id: 'run-b', flowName: 'Flow B', status: ok, openedAt: 2000 },
      { id: 'run-a', flowName: 'Flow A', status: failed, openedAt: 1000 },
    ]);
  });

  it('opening a run again moves it to the top instead of listing it twice', () => {
    recordRecentRun({ id: 'run-a', flowName: 'Flow A', status: failed, openedAt: 1000 });
    recordRecentRun({ id: 'run-b', flowName: 'Flow B', status: ok, openedAt: 2000 });
    recordRecentRun({ id: 'run-a', flowName: 'Flow A', status: ok, openedAt: 3000 });
    const list = listRecentRuns();
    expect(list.map((r) => r.id)).toEqual(['run-a', 'run-b']);
    expect(list[0]!.status.label).toBe('Succeeded');
  });

  it(`keeps at most ${RECENT_RUNS_CAP} runs, dropping the oldest`, () => {
    for (let i = 0; i < RECENT_RUNS_CAP + 5; i++) recordRecentRun({ id: `run-${i}`, flowName: `Flow ${i}`, status: ok, openedAt: 1000 + i });
    const list = listRecentRuns();
    expect(list).toHaveLength(RECENT_RUNS_CAP);
    expect(list[0]!.id).toBe(`run-${RECENT_RUNS_CAP + 4}`);
    expect(list.some((r) => r.id === 'run-0')).toBe(false);
    expect((JSON.parse(localStorage.getItem(RECENT_RUNS_KEY)!) as unknown[]).length).toBe(RECENT_RUNS_CAP);
  });

  it('clear empties the list and the storage', () => {
    recordRecentRun({ id: 'run-a', flowName: 'Flow A', status: failed });
    clearRecentRuns();
    expect(listRecentRuns()).toEqual([]);
    expect(localStorage.getItem(RECENT_RUNS_KEY)).toBeNull();
  });

  it('never stores the token: not as a field, not inside one, and nothing else is written', () => {
    setToken(TOKEN, { remember: false });
    recordRecentRun({ id: 'run-a', flowName: 'Flow A', status: failed });
    // A token pasted where the run ID goes, or quoted in a name: refused.
    expect(recordRecentRun({ id: TOKEN, flowName: 'x', status: ok })).toBe(false);
    expect(recordRecentRun({ id: 'run-c', flowName: `Flow with ${TOKEN}`, status: ok })).toBe(false);
    // Extra properties handed in are not kept.
    recordRecentRun({ id: 'run-d', flowName: 'Flow D', status: ok, ...({ token: TOKEN, headers: { Authorization: `Bearer ${TOKEN}` } } as object) });
    const stored = localStorage.getItem(RECENT_RUNS_KEY) ?? '';
    expect(stored).not.toContain(TOKEN);
    expect(stored).not.toContain('Authorization');
    expect(listRecentRuns().map((r) => r.id)).toEqual(['run-d', 'run-a']);
    expect(Object.keys(JSON.parse(stored)[0] as object).sort()).toEqual(['flowName', 'id', 'openedAt', 'status']);
    // Everything in localStorage other than the list is untouched (the token was not remembered).
    for (let i = 0; i < localStorage.length; i++) expect(localStorage.getItem(localStorage.key(i)!)).not.toContain(TOKEN);
  });

  it('reads back only well-formed entries from whatever storage holds', () => {
    localStorage.setItem(
      RECENT_RUNS_KEY,
      JSON.stringify([
        { id: 'good', flowName: 'Good', status: { raw: 'FAILED', label: 'Failed', tone: 'failed', icon: 'cross' }, openedAt: 5 },
        { id: '', flowName: 'no id', status: {}, openedAt: 5 },
        'junk',
        { id: 'odd', flowName: 'Odd', status: { raw: 'X', label: 'X', tone: 'rainbow', icon: '<script>' }, openedAt: 6 },
      ]),
    );
    const list = listRecentRuns();
    expect(list.map((r) => r.id)).toEqual(['good', 'odd']);
    expect(list[1]!.status).toEqual({ raw: 'X', label: 'X', tone: 'neutral', icon: 'question' });
    localStorage.setItem(RECENT_RUNS_KEY, '{not json');
    expect(listRecentRuns()).toEqual([]);
  });
});

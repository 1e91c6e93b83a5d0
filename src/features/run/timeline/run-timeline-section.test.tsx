// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildRunModel } from '@/features/run/model/run-model';
import { parseJsonBody } from '@/lib/json-body';
import { RunTimelineSection } from './run-timeline-section';

const NOW = Date.UTC(2026, 0, 1);
const parsed = parseJsonBody(
  readFileSync(join(__dirname, '../../../test/fixtures/03-loop-failure.json'), 'utf8'),
);
const model = buildRunModel({ body: parsed.value, keyOrder: parsed.keyOrder, nowMs: NOW });

afterEach(cleanup);

const region = () => screen.getByRole('region', { name: 'Timeline' });
const queryBar = (name: RegExp) => within(region()).queryByRole('button', { name });

describe('RunTimelineSection', () => {
  it('expands and collapses a loop from its toggle', () => {
    render(
      <RunTimelineSection model={model} nowMs={NOW} selectedPath={null} onSelectStep={() => {}} />,
    );
    expect(queryBar(/^Iteration 1 of 10,/)).toBeNull();
    fireEvent.click(
      within(region()).getByRole('button', { name: 'Show the iterations of loop_rows' }),
    );
    expect(queryBar(/^Iteration 1 of 10,/)).not.toBeNull();
    fireEvent.click(
      within(region()).getByRole('button', { name: 'Hide the iterations of loop_rows' }),
    );
    expect(queryBar(/^Iteration 1 of 10,/)).toBeNull();
  });

  it('a step selected elsewhere inside a loop opens that loop and is marked selected', () => {
    const { rerender } = render(
      <RunTimelineSection model={model} nowMs={NOW} selectedPath={null} onSelectStep={() => {}} />,
    );
    expect(queryBar(/failed here$/)).toBeNull();
    rerender(
      <RunTimelineSection
        model={model}
        nowMs={NOW}
        selectedPath="loop_rows[3].update_contact"
        onSelectStep={() => {}}
      />,
    );
    const failing = queryBar(/failed here$/)!;
    expect(failing.getAttribute('aria-current')).toBe('true');
  });

  it('selecting an iteration row selects its first step (a path the step cards know)', () => {
    const onSelectStep = vi.fn();
    render(
      <RunTimelineSection
        model={model}
        nowMs={NOW}
        selectedPath="loop_rows[2].update_contact"
        onSelectStep={onSelectStep}
      />,
    );
    fireEvent.click(queryBar(/^Iteration 3 of 10,/)!);
    expect(onSelectStep).toHaveBeenCalledWith('loop_rows[3].normalize_contact');
    fireEvent.click(queryBar(/^read_rows,/)!);
    expect(onSelectStep).toHaveBeenLastCalledWith('read_rows');
  });
});

import { describe, expect, it } from 'vitest';
import { parseJsonBody } from './json-body';
import { createQueryClient } from './query-client';

describe('createQueryClient', () => {
  it('keeps a step named "__proto__" through a refetch that changed the steps', async () => {
    const client = createQueryClient({ retry: false });
    const body = (status: string) =>
      parseJsonBody(
        `{"steps":{"__proto__":{"status":"${status}"},"trigger":{"status":"SUCCEEDED"}}}`,
      ).value;
    const queryKey = ['runs', 'detail', 'x'];
    await client.fetchQuery({ queryKey, queryFn: () => body('RUNNING') });
    const first = client.getQueryData<{ steps: Record<string, unknown> }>(queryKey)!;
    await client.fetchQuery({ queryKey, queryFn: () => body('SUCCEEDED'), staleTime: 0 });
    const second = client.getQueryData<{ steps: Record<string, unknown> }>(queryKey)!;
    expect(Object.keys(second.steps)).toEqual(['__proto__', 'trigger']);
    expect(Object.getOwnPropertyDescriptor(second.steps, '__proto__')?.value).toEqual({
      status: 'SUCCEEDED',
    });
    // The unchanged step kept its identity.
    expect(second.steps.trigger).toBe(first.steps.trigger);
    client.clear();
  });
});

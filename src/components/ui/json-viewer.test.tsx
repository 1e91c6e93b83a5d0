// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LosslessNumber, parseJsonBody } from '@/lib/json-body';
import { MASK } from '@/lib/secrets';
import { clearJsonViewState, EmptyValue, JsonViewer } from './json-viewer';

// Some tests render a few hundred rows; jsdom is slow at that on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

afterEach(() => {
  cleanup();
  clearJsonViewState();
  vi.restoreAllMocks();
});

function tree(label = 'Output') {
  return screen.getByRole('tree', { name: label });
}

/** The direct children of an open node. */
function childItems(item: HTMLElement): HTMLElement[] {
  const group = item.querySelector(':scope > [role="group"]');
  return group ? Array.from(group.querySelectorAll<HTMLElement>(':scope > [role="treeitem"]')) : [];
}

function rootItem(label = 'Output'): HTMLElement {
  return within(tree(label)).getAllByRole('treeitem')[0] as HTMLElement;
}

/** A button by its visible text (the text is also its accessible name). */
function button(text: string): HTMLElement {
  const el = screen.getByText(text);
  expect(el.tagName).toBe('BUTTON');
  return el;
}

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i, name: `row ${i}` }));

describe('JsonViewer: top-level primitives and empty containers', () => {
  it.each([
    [0, '0'],
    [false, 'false'],
    [null, 'null'],
    ['', '""'],
    ['billing', '"billing"'],
    ['{"looks":"like json"}', '"{"looks":"like json"}"'],
    [[], '[]'],
    [{}, '{}'],
  ])('shows %j as %s', (value, text) => {
    render(<JsonViewer value={value} label="Output" />);
    expect(tree().textContent).toBe(text);
  });

  it('EmptyValue reads differently from null', () => {
    render(
      <>
        <EmptyValue label="No output" />
        <JsonViewer value={null} label="Output" />
      </>,
    );
    const empty = screen.getByText('No output');
    expect(empty.className).toContain('italic');
    expect(tree().textContent).toBe('null');
    expect(tree().className).not.toContain('italic');
  });
});

describe('JsonViewer: keys', () => {
  it('quotes empty and whitespace keys and keeps a dotted key whole', () => {
    render(
      <JsonViewer
        value={{ '': 'empty key', ' ': 'space key', 'a.b': 'dotted key' }}
        label="Output"
      />,
    );
    const items = childItems(rootItem()).map((li) => li.textContent);
    expect(rootItem().textContent).toBe('{"":"empty key"," ":"space key",a.b:"dotted key"}');
    expect(items).toEqual(['"":"empty key",', '" ":"space key",', 'a.b:"dotted key"']);
  });

  it('shows integer-like keys in body-text order when given the key order', () => {
    const parsed = parseJsonBody('{"out":{"b":1,"10":2,"a":3,"2":4}}');
    const out = (parsed.value as { out: object }).out;
    render(
      <JsonViewer value={out} label="Output" keyOrder={parsed.keyOrder} keyOrderBase="/out" />,
    );
    const keys = childItems(rootItem()).map((li) => li.textContent?.split(':')[0]);
    expect(keys).toEqual(['b', '10', 'a', '2']);
  });

  it('shows the integer-like keys of a parsed value in body-text order without being told', () => {
    const parsed = parseJsonBody('{"steps":{"10":{"output":{"9":"nine","10":"ten","1":"one"}}}}');
    const out = (parsed.value as { steps: Record<string, { output: object }> }).steps['10']!.output;
    render(<JsonViewer value={out} label="Output" />);
    const keys = childItems(rootItem()).map((li) => li.textContent?.split(':')[0]);
    expect(keys).toEqual(['9', '10', '1']);
  });
});

describe('JsonViewer: large arrays and strings', () => {
  it('pages a 5,000-item array: 100 first, then 100 more per click', () => {
    render(<JsonViewer value={{ rows: rows(5000) }} label="Output" />);
    const expand = screen.getByRole('button', { name: 'Expand rows (5,000 items)' });
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(expand);
    const rowsItem = expand.closest('[role="treeitem"]') as HTMLElement;
    expect(childItems(rowsItem)).toHaveLength(100);
    // getByText, not getByRole: role queries over hundreds of rows are slow in jsdom.
    fireEvent.click(button('Show 100 more (4,900 left)'));
    expect(childItems(rowsItem)).toHaveLength(200);
    expect(button('Show 100 more (4,800 left)')).toBeTruthy();
    // Children of the rows are still closed: the DOM stays small.
    expect(tree().querySelectorAll('[role="treeitem"]').length).toBeLessThan(260);
  });

  it('offers the remainder when fewer than a page are left', () => {
    render(<JsonViewer value={Array.from({ length: 130 }, (_, i) => i)} label="Output" />);
    fireEvent.click(button('Show the last 30 items'));
    expect(childItems(rootItem())).toHaveLength(130);
    expect(screen.queryByRole('button', { name: /Show .*more|Show the last/ })).toBeNull();
  });

  it('clips a 10,000-character string, with show all, show less and copy', async () => {
    const long = 'a'.repeat(9_990) + 'THE-END-X';
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<JsonViewer value={{ text: long }} label="Output" />);
    expect(tree().textContent).not.toContain('THE-END-X');
    expect(tree().textContent?.length).toBeLessThan(500);
    fireEvent.click(screen.getByRole('button', { name: 'Show all (9,999 characters)' }));
    expect(tree().textContent).toContain('THE-END-X"');
    fireEvent.click(screen.getByRole('button', { name: 'Show less' }));
    expect(tree().textContent).not.toContain('THE-END-X');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy string (9,999 characters)' }));
    });
    expect(writeText).toHaveBeenCalledWith(long);
    expect(screen.getByText('Copied')).toBeTruthy();
  });

  it('shows an integer beyond 2^53 exactly as sent', () => {
    render(
      <JsonViewer
        value={{ id: new LosslessNumber('12345678901234567890'), n: 1 }}
        label="Output"
      />,
    );
    expect(tree().textContent).toContain('id:12345678901234567890,');
  });

  it('renders a 5,000-level deep value without trouble (only what is open)', () => {
    let v: unknown = 'bottom';
    for (let i = 0; i < 5000; i++) v = { next: v };
    render(<JsonViewer value={v} label="Output" />);
    expect(tree().querySelectorAll('[role="treeitem"]')).toHaveLength(2);
  });
});

describe('JsonViewer: over ~1 MB', () => {
  const big = { items: Array.from({ length: 20_000 }, (_, i) => ({ i, text: 'x'.repeat(60) })) };

  it('shows size and shape first (the exact size once measured), and renders on request', async () => {
    render(<JsonViewer value={big} label="Output" />);
    expect(screen.queryByRole('tree')).toBeNull();
    const summary = screen.getByRole('group', { name: 'Output' });
    // The first paint says only that it is large; the exact size follows after a full walk.
    expect(summary.textContent).toMatch(/over 1 MB, object with 1 key/);
    await waitFor(() => expect(summary.textContent).toMatch(/≈ 1\.\d MB, object with 1 key/));
    fireEvent.click(screen.getByRole('button', { name: 'Render anyway' }));
    fireEvent.click(screen.getByRole('button', { name: 'Expand items (20,000 items)' }));
    expect(button('Show 100 more (19,900 left)')).toBeTruthy();
  });

  it('downloads masked JSON with exact big integers', async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.fn((b: Blob) => {
      created.push(b);
      return 'blob:test';
    });
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    vi.useFakeTimers();
    try {
      const value = {
        ...big,
        token: 'tok-secret-1',
        id: new LosslessNumber('12345678901234567890'),
      };
      render(<JsonViewer value={value} label="Output of fetch_orders" />);
      fireEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
      expect(click).toHaveBeenCalledTimes(1);
      vi.runAllTimers();
      expect(revokeObjectURL).toHaveBeenCalledWith('blob:test');
    } finally {
      vi.useRealTimers();
    }
    const text = await (created[0] as Blob).text();
    expect(text).not.toContain('tok-secret-1');
    expect(text).toContain(`"token": "${MASK}"`);
    expect(text).toContain('"id": 12345678901234567890');
  });
});

describe('JsonViewer: secrets, notes, HTML', () => {
  it('masks an Authorization header: the token never reaches the DOM', () => {
    const { container } = render(
      <JsonViewer
        value={{ headers: { Authorization: 'Bearer abc' } }}
        label="Output"
        expandLevels={2}
      />,
    );
    expect(container.textContent).not.toContain('abc');
    expect(container.textContent).toContain(`Authorization:${MASK}`);
  });

  it('masks values under secret keys whatever they look like, and secrets in plain strings', () => {
    const value = {
      headers: { Cookie: 'theme=dark; sid=xyz', accept: '*/*' },
      password: 'plain-words',
      credentials: { user: 'ann', pin: 1234 },
      note: 'retried with Bearer a1b2c3d4e5f6 and failed',
      max_tokens: 300,
    };
    const { container } = render(<JsonViewer value={value} label="Output" expandLevels={3} />);
    const text = container.textContent ?? '';
    for (const secret of ['xyz', 'plain-words', 'ann', '1234', 'a1b2c3d4e5f6']) {
      expect(text).not.toContain(secret);
    }
    expect(screen.getAllByText(MASK)).toHaveLength(3);
    expect(text).toContain('"retried with Bearer •••••• and failed"');
    expect(text).toContain('accept:"*/*"');
    expect(text).toContain('max_tokens:300');
  });

  it('shows it when masking is off', () => {
    const { container } = render(
      <JsonViewer
        value={{ headers: { Authorization: 'Bearer abc' } }}
        label="Output"
        expandLevels={2}
        mask={false}
      />,
    );
    expect(container.textContent).toContain('"Bearer abc"');
  });

  it('shows **REDACTED** literally', () => {
    const { container } = render(<JsonViewer value={{ auth: '**REDACTED**' }} label="Output" />);
    expect(container.textContent).toContain('auth:"**REDACTED**"');
  });

  it('puts a note next to the marked value only', () => {
    const note = 'value omitted from the logs (2.4 MB); the step ran with the full value';
    render(
      <JsonViewer
        value={{
          url: 'https://api.example.test/upload',
          body: '(truncated, original size 2.4 MB)',
          headers: { a: 1 },
        }}
        label="Input"
        markers={new Map([['/body', note]])}
      />,
    );
    const [url, body, headers] = childItems(rootItem('Input'));
    expect(body?.textContent).toContain(note);
    expect(url?.textContent).not.toContain('omitted');
    expect(headers?.textContent).not.toContain('omitted');
  });

  it('renders HTML-looking data as text', () => {
    const value = {
      html: '<img src=x onerror=alert(1)>',
      '<i>key</i>': '<script>window.__xss=1</script>',
      link: 'javascript:alert(1)',
    };
    const { container } = render(<JsonViewer value={value} label="Output" />);
    expect(container.querySelector('img, script, i, a')).toBeNull();
    expect(container.textContent).toContain('"<img src=x onerror=alert(1)>"');
    expect(container.textContent).toContain('<i>key</i>:');
  });
});

describe('JsonViewer: expansion state', () => {
  it('survives unmount and remount with the same stateKey (JsonTree)', () => {
    const value = { rows: rows(500) };
    const first = render(<JsonViewer value={value} label="Output" stateKey="s1/output" />);
    fireEvent.click(screen.getByRole('button', { name: 'Expand rows (500 items)' }));
    fireEvent.click(button('Show 100 more (400 left)'));
    first.unmount();
    // A refetch brings an equal but new object.
    render(<JsonViewer value={structuredClone(value)} label="Output" stateKey="s1/output" />);
    const rowsButton = screen.getByRole('button', { name: 'Collapse rows (500 items)' });
    expect(childItems(rowsButton.closest('[role="treeitem"]') as HTMLElement)).toHaveLength(200);
  });

  it('survives unmount and remount for small values too (react-json-view-lite)', () => {
    const value = { customer: { id: 7, tier: 'gold' }, ok: true };
    const first = render(<JsonViewer value={value} label="Output" stateKey="s2/output" />);
    expect(tree().textContent).not.toContain('gold');
    fireEvent.click(within(tree()).getAllByRole('button', { name: 'Expand' })[0] as HTMLElement);
    expect(tree().textContent).toContain('gold');
    first.unmount();
    render(<JsonViewer value={structuredClone(value)} label="Output" stateKey="s2/output" />);
    expect(tree().textContent).toContain('gold');
  });

  it('is forgotten after clearJsonViewState (another run opened)', () => {
    const first = render(<JsonViewer value={{ rows: rows(5) }} label="Output" stateKey="s3" />);
    fireEvent.click(screen.getByRole('button', { name: /Expand/ }));
    first.unmount();
    clearJsonViewState();
    render(<JsonViewer value={{ rows: rows(5) }} label="Output" stateKey="s3" />);
    expect(tree().textContent).not.toContain('row 0');
  });

  it('without a stateKey, each viewer keeps its own state', () => {
    render(
      <>
        <JsonViewer value={{ rows: rows(200) }} label="A" />
        <JsonViewer value={{ rows: rows(200) }} label="B" />
      </>,
    );
    fireEvent.click(within(tree('A')).getByRole('button', { name: 'Expand rows (200 items)' }));
    expect(within(tree('B')).getByRole('button', { name: 'Expand rows (200 items)' })).toBeTruthy();
  });

  it('reveals a path: opens its ancestors, jumps to its page and highlights it', () => {
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    render(<JsonViewer value={{ rows: rows(5000) }} label="Output" revealPath="/rows/4321/name" />);
    const hit = tree().querySelector('[data-revealed]');
    expect(hit?.textContent).toBe('name:"row 4321"');
    expect(scrolled).toHaveBeenCalledTimes(1);
    // Only the page holding item 4321 is rendered, with ways to see its neighbours.
    const rowsItem = screen
      .getByRole('button', { name: 'Collapse rows (5,000 items)' })
      .closest('[role="treeitem"]');
    expect(childItems(rowsItem as HTMLElement)).toHaveLength(100);
    expect(button('Show 100 more (600 left)')).toBeTruthy();
    fireEvent.click(button('Show 100 earlier (4,300 before)'));
    expect(childItems(rowsItem as HTMLElement)).toHaveLength(200);
    expect(childItems(rowsItem as HTMLElement)[0]?.textContent).toMatch(/^4200:/);
  });
});

describe('JsonViewer: keyboard', () => {
  it('opens and closes with the arrow keys and moves between expanders', () => {
    render(<JsonViewer value={{ a: { x: 1 }, b: rows(150) }} label="Output" />);
    const a = screen.getByRole('button', { name: 'Expand a (1 key)' });
    a.focus();
    fireEvent.keyDown(a, { key: 'ArrowRight' });
    expect(a.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(a, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Expand b (150 items)' }),
    );
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Collapse value (2 keys)' }),
    );
  });
});

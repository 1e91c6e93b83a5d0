import { describe, expect, it } from 'vitest';
import { cn } from './cn';

describe('cn', () => {
  it('joins truthy class names and drops the rest', () => {
    const active = false;
    expect(cn('a', active && 'b', undefined, null, 0, '', 'c')).toBe('a c');
  });
  it('returns an empty string when nothing is truthy', () => {
    expect(cn(undefined, false)).toBe('');
  });
});

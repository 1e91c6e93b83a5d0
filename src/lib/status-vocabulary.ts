/**
 * How statuses read, shared by the run model, the recent-runs list and the icon set: a tone (the
 * colour family) always comes with an icon and a label, never colour alone.
 */
export type Tone = 'success' | 'failed' | 'warning' | 'live' | 'paused' | 'neutral';

export type StatusIcon =
  | 'check'
  | 'cross'
  | 'clock'
  | 'spinner'
  | 'pause'
  | 'ban'
  | 'alert'
  | 'question'
  | 'stop'
  | 'interrupted'
  | 'hourglass';

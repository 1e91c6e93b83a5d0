import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** When this changes, a caught error is cleared (another run was opened). */
  resetKey: string;
}

interface State {
  error: Error | null;
  resetKey: string;
}

/** Catches render errors so a bug never leaves a blank page; says what happened and how to go on. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error('Unknown error') };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // Never log run data or tokens: only the error's name and the component stack shape.
    console.error('Inspector view crashed:', error.name, info.componentStack?.split('\n').slice(0, 4).join('\n'));
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="rounded-xl border border-red-300 bg-red-50 p-5 text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100">
        <h2 className="text-lg font-semibold">This view failed to render</h2>
        <p className="mt-1 text-sm">
          The inspector hit a bug while showing this data ({this.state.error.name}). Nothing was sent anywhere. Try again, or open
          another run.
        </p>
        <div className="mt-3 flex gap-2">
          <button type="button" className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-900" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <a href={import.meta.env.BASE_URL} className="rounded-md px-3 py-1.5 text-sm font-medium underline">
            Open another run
          </a>
        </div>
      </div>
    );
  }
}

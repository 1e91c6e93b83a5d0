import { useEffect, useState } from 'react';
import { Callout, buttonClass } from '@/components/ui/feedback';
import { Icon } from '@/components/ui/icons';
import { TokenPrompt } from '@/components/ui/token-form';
import { ApiError } from '@/lib/api-client';
import { setToken } from '@/lib/token-store';

export interface RunErrorStateProps {
  error: unknown;
  runId: string;
  onRetry: () => void;
  onBack: () => void;
}

function RawBody({ text, contentType }: { text: string; contentType: string | null }) {
  return (
    <details className="mt-1">
      <summary className="cursor-pointer font-medium">Show the raw response body{contentType ? ` (${contentType})` : ''}</summary>
      <pre className="mt-2 max-h-80 overflow-auto rounded-md border border-slate-300 bg-white p-2 font-mono text-xs whitespace-pre-wrap text-slate-900 [overflow-wrap:anywhere] dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100">
        {text === '' ? '(empty body)' : text}
      </pre>
    </details>
  );
}

function RetryIn({ ms, onRetry }: { ms: number; onRetry: () => void }) {
  const [left, setLeft] = useState(ms);
  useEffect(() => {
    const started = Date.now();
    const t = window.setInterval(() => {
      const remaining = ms - (Date.now() - started);
      setLeft(remaining);
      if (remaining <= 0) {
        window.clearInterval(t);
        onRetry();
      }
    }, 250);
    return () => window.clearInterval(t);
  }, [ms, onRetry]);
  return <p>Trying again in {Math.max(0, Math.ceil(left / 1000))} s.</p>;
}

/** One message and one next action per kind of failure. Never a blank page. */
export function RunErrorState({ error, runId, onRetry, onBack }: RunErrorStateProps) {
  const retry = (
    <button type="button" className={buttonClass.primary} onClick={onRetry}>
      <Icon name="refresh" />
      Retry
    </button>
  );
  const back = (
    <button type="button" className={buttonClass.secondary} onClick={onBack}>
      Open another run
    </button>
  );
  const idCode = <code className="font-mono [overflow-wrap:anywhere]">{runId}</code>;

  if (!(error instanceof ApiError)) {
    return (
      <Callout tone="error" role="alert" headingLevel={2} title="Something went wrong while loading this run" actions={<>{retry}{back}</>}>
        {error instanceof Error ? error.message : 'An unexpected error occurred.'}
      </Callout>
    );
  }
  switch (error.kind) {
    case 'no-token':
    case 'unauthorized':
      return (
        <TokenPrompt tone="error" title={`The API rejected the token (HTTP ${error.status ?? 401})`} submitLabel="Try again with this token" onSubmit={(t, remember) => setToken(t, { remember })}>
          <p>
            The token was not accepted for run {idCode}. It may have expired or lack access to this run’s project. Enter a valid
            API token.
          </p>
          <p className="mt-2">
            <button type="button" className="font-medium underline underline-offset-2" onClick={onBack}>
              Open another run instead
            </button>
          </p>
        </TokenPrompt>
      );
    case 'not-found':
      return (
        <Callout tone="error" role="alert" headingLevel={2} title="Run not found" actions={<>{back}{retry}</>}>
          <p>
            No run with ID {idCode} was found (HTTP 404). Check the ID for typos, and that the token belongs to the run’s project.
          </p>
        </Callout>
      );
    case 'validation':
      return (
        <Callout tone="error" role="alert" headingLevel={2} title="The API rejected the request (HTTP 422)" actions={<>{back}</>}>
          <p>The API says the request for run {idCode} is not valid:</p>
          {error.validation.length > 0 ? (
            <ul className="mt-1 list-disc pl-5">
              {error.validation.map((v, i) => (
                <li key={i} className="[overflow-wrap:anywhere]">
                  {v.location && <code className="font-mono">{v.location}</code>} {v.message}
                  {v.type && <span className="text-xs"> ({v.type})</span>}
                </li>
              ))}
            </ul>
          ) : (
            error.rawBody && <RawBody text={error.rawBody} contentType={error.contentType} />
          )}
        </Callout>
      );
    case 'rate-limited':
      return (
        <Callout tone="warning" role="alert" headingLevel={2} title="Too many requests (HTTP 429)" actions={<>{retry}{back}</>}>
          <p>The API is limiting requests from this token. Wait a moment and retry.</p>
          {error.retryAfterMs !== null && error.retryAfterMs <= 120_000 && <RetryIn ms={error.retryAfterMs} onRetry={onRetry} />}
        </Callout>
      );
    case 'server':
      return (
        <Callout tone="error" role="alert" headingLevel={2} title={`The Diga API failed (HTTP ${error.status ?? '5xx'})`} actions={<>{retry}{back}</>}>
          <p>The server could not answer for run {idCode}. This is usually temporary; it was retried with backoff. Retry, or check the Diga status page.</p>
          {error.rawBody !== null && <RawBody text={error.rawBody} contentType={error.contentType} />}
        </Callout>
      );
    case 'network':
    case 'timeout':
      return (
        <Callout
          tone="error"
          role="alert"
          headingLevel={2}
          title={error.kind === 'timeout' ? 'The API did not answer in time' : 'The API could not be reached from this browser'}
          actions={<>{retry}{back}</>}
        >
          <p>
            {error.kind === 'timeout'
              ? 'The request timed out. The API may be slow or unreachable from this network.'
              : 'The request failed before any answer arrived: the network is down, the API address is wrong, or the browser blocked the answer (CORS).'}{' '}
            The usual fix is to serve the inspector next to an API proxy, so the browser talks to its own origin: see “API proxy
            and CORS” in the README.
          </p>
        </Callout>
      );
    case 'unexpected':
      return (
        <Callout tone="error" role="alert" headingLevel={2} title="Unexpected response from the API" actions={<>{retry}{back}</>}>
          <p>
            {error.message}
            {error.status !== null && !error.message.includes(`HTTP ${error.status}`) && (
              <>
                {' '}
                (HTTP {error.status}
                {error.contentType ? `, ${error.contentType}` : ''})
              </>
            )}
          </p>
          {error.contractIssues.length > 0 && (
            <>
              <p className="mt-1">The body does not match the published contract:</p>
              <ul className="list-disc pl-5">
                {error.contractIssues.slice(0, 20).map((issue, i) => (
                  <li key={i} className="[overflow-wrap:anywhere]">
                    {issue}
                  </li>
                ))}
              </ul>
            </>
          )}
          {error.rawBody !== null && <RawBody text={error.rawBody} contentType={error.contentType} />}
        </Callout>
      );
    default:
      return (
        <Callout tone="error" role="alert" headingLevel={2} title={`The API answered HTTP ${error.status ?? '?'}`} actions={<>{retry}{back}</>}>
          <p>{error.message}</p>
          {error.rawBody !== null && <RawBody text={error.rawBody} contentType={error.contentType} />}
        </Callout>
      );
  }
}

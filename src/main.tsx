import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadRunView } from './app';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { loadConfig } from '@/lib/config';
import { createQueryClient } from '@/lib/query-client';
import { getToken } from '@/lib/token-store';
import { cleanAddressBar, parseRoute } from '@/lib/url-state';
import { runQueries } from '@/features/run/run-queries';
import './index.css';

// Before anything else: a pasted link that carries a token-like parameter is cleaned and ignored.
const stripped = cleanAddressBar();
const queryClient = createQueryClient();

function render() {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary resetKey="root">
        <QueryClientProvider client={queryClient}>
          <App strippedParams={stripped} />
        </QueryClientProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
}

// A run link: the run view's code, the config and (once the config is known) the run itself load
// side by side; the first render waits for the view's code so it shows without a fallback.
const initialRoute = parseRoute(window.location.pathname, window.location.search);
const viewReady = initialRoute.name === 'run' ? preloadRunView().catch(() => undefined) : Promise.resolve();

void loadConfig().finally(() => {
  if (initialRoute.name === 'run' && getToken() !== null) void queryClient.prefetchQuery(runQueries.detail(initialRoute.runId));
  void viewReady.finally(render);
});

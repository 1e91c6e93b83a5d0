import { Skeleton } from '@/components/ui/feedback';
import { ApiError } from '@/lib/api-client';

/** The loading state, shaped like the final layout; says what it is doing when it retries. */
export function RunSkeleton({ runId, failureReason, failureCount }: { runId: string; failureReason: unknown; failureCount: number }) {
  const retrying = failureReason !== null && failureReason !== undefined;
  const what = failureReason instanceof ApiError ? (failureReason.status ? `HTTP ${failureReason.status}` : failureReason.message) : 'an error';
  return (
    <div className="flex flex-col gap-4" aria-busy="true">
      <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
        {retrying ? `Loading run ${runId}: retrying after ${what} (attempt ${failureCount + 1})…` : `Loading run ${runId}…`}
      </p>
      <div className="flex flex-col gap-3 rounded-xl border border-slate-200 p-5 dark:border-slate-700">
        <Skeleton className="h-7 w-2/3" />
        <Skeleton className="h-6 w-28 rounded-full" />
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-10" />
          ))}
        </div>
      </div>
      <Skeleton className="h-40 rounded-xl" />
      <Skeleton className="h-28 rounded-xl" />
      <Skeleton className="h-28 rounded-xl" />
    </div>
  );
}

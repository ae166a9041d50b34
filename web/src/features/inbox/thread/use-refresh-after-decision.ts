import { useQueryClient } from '@tanstack/react-query';
import { approvalKeys } from '../../approvals/approvals-api.ts';
import { inboxKeys } from '../inbox-api.ts';

/** A decision changes the thread, the inbox counts, the Freigaben list and its badge at once. */
export function useRefreshAfterDecision(orgId: string): () => void {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: inboxKeys.all(orgId) });
    void queryClient.invalidateQueries({ queryKey: approvalKeys.all(orgId) });
  };
}

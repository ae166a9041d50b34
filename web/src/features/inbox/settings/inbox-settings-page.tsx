import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { NoPermission } from '../../../components/no-permission.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useOrgAccess } from '../../settings/use-org-access.ts';
import { inboxApi, inboxKeys } from '../inbox-api.ts';
import { InboxSettingsForm } from './inbox-settings-form.tsx';
import { TemplatesCard } from './templates-card.tsx';

/** Settings → Posteingang: response targets, help texts, extra words, and the reply templates. */
export function InboxSettingsPage() {
  const { org, allowed } = useOrgAccess();
  const readable = Boolean(org) && allowed('inbox.read');
  const settings = useQuery({
    queryKey: inboxKeys.settings(org?.id ?? ''),
    queryFn: () => inboxApi.settings(org?.id ?? ''),
    enabled: readable,
  });
  if (!org || !readable) return <NoPermission />;
  return (
    <Stack gap="lg" maw={760}>
      {settings.isPending && <PageLoader />}
      {settings.isError && <QueryError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <InboxSettingsForm orgId={org.id} settings={settings.data} editable={allowed('inbox.settings')} />
      )}
      <TemplatesCard orgId={org.id} editable={allowed('inbox.answer')} />
    </Stack>
  );
}

import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { NoPermission } from '../../components/no-permission.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useOrgAccess } from '../settings/use-org-access.ts';
import { peopleApi, peopleKeys } from './people-api.ts';
import { PrivacySettingsForm } from './privacy-settings-form.tsx';

/** Einstellungen → Datenschutz: age rules, which PII findings block, the organisation's own words. */
export function PrivacySettingsPage() {
  const { org, allowed } = useOrgAccess();
  const settings = useQuery({
    queryKey: peopleKeys.settings(org?.id ?? ''),
    queryFn: () => peopleApi.privacySettings(org?.id ?? ''),
    enabled: Boolean(org),
  });
  if (!org) return <NoPermission />;
  return (
    <Stack gap="lg" maw={760}>
      {settings.isPending && <PageLoader />}
      {settings.isError && <QueryError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <PrivacySettingsForm orgId={org.id} settings={settings.data} editable={allowed('privacy.settings')} />
      )}
    </Stack>
  );
}

import { Anchor, Button, Group, Stack, Title } from '@mantine/core';
import type { Consent, ConsentRequest } from '@nahbar/common';
import { IconArrowLeft, IconFileTypePdf, IconLink, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/routes.tsx';
import { NoPermission } from '../../components/no-permission.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { channelKeys, channelsApi } from '../channels/channels-api.ts';
import { useOrgAccess } from '../settings/use-org-access.ts';
import { ConsentFormModal } from './consent-form-modal.tsx';
import { ConsentLinkModal } from './consent-link-modal.tsx';
import { ConsentLinksSection } from './consent-links-section.tsx';
import { ConsentPdfModal } from './consent-pdf-modal.tsx';
import { ConsentsTable } from './consents-table.tsx';
import { OfficerActions } from './officer-actions.tsx';
import { peopleApi, peopleKeys } from './people-api.ts';
import { PersonDetails } from './person-details.tsx';
import { PersonFormModal } from './person-form-modal.tsx';
import { PersonMedia } from './person-media.tsx';
import { WithdrawModal } from './withdraw-modal.tsx';

type Dialog = 'edit' | 'consent' | 'pdf' | 'link' | { withdraw: Consent } | null;

/** /personen/:personId: one person, their consents and links, tagged images and, for the DPO, access and erasure. */
export function PersonPage() {
  const { t } = useTranslation('people');
  const { personId = '' } = useParams();
  const { org, allowed } = useOrgAccess();
  const orgId = org?.id ?? '';
  const readable = Boolean(org) && allowed('people.read');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [createdLink, setCreatedLink] = useState<ConsentRequest | null>(null);
  const person = useQuery({
    queryKey: peopleKeys.person(orgId, personId),
    queryFn: () => peopleApi.get(orgId, personId),
    enabled: readable,
  });
  const consents = useQuery({
    queryKey: peopleKeys.consents(orgId, personId),
    queryFn: () => peopleApi.consents(orgId, personId),
    enabled: readable,
  });
  // The scope names channels; without access to them the ids still say something.
  const channels = useQuery({
    queryKey: channelKeys.list(orgId),
    queryFn: () => channelsApi.list(orgId),
    enabled: readable,
    retry: false,
  });
  if (!org || !readable) return <NoPermission />;
  if (person.isPending) return <PageLoader />;
  if (person.isError) return <QueryError error={person.error} onRetry={() => void person.refetch()} />;

  const p = person.data;
  const can = { manage: allowed('people.manage'), officer: allowed('privacy.officer') };
  const close = () => setDialog(null);

  return (
    <Stack gap="xl">
      <Anchor
        component={Link}
        to={paths.people}
        size="sm"
        style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}
      >
        <IconArrowLeft size={14} aria-hidden />
        {t('person.back')}
      </Anchor>
      <PersonDetails person={p} canEdit={can.manage} onEdit={() => setDialog('edit')} />

      <Stack gap="sm" component="section" aria-labelledby="consents-title">
        <Group justify="space-between" align="center">
          <Title order={2} size="h3" id="consents-title">
            {t('consents.title')}
          </Title>
          {can.manage && (
            <Group gap="sm">
              <Button
                variant="default"
                leftSection={<IconFileTypePdf size={16} aria-hidden />}
                onClick={() => setDialog('pdf')}
              >
                {t('consents.pdf.open')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconLink size={16} aria-hidden />}
                onClick={() => setDialog('link')}
              >
                {t('consents.links.create')}
              </Button>
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog('consent')}>
                {t('consents.record')}
              </Button>
            </Group>
          )}
        </Group>
        {consents.isPending && <PageLoader />}
        {consents.isError && <QueryError error={consents.error} onRetry={() => void consents.refetch()} />}
        {consents.data && (
          <ConsentsTable
            orgId={orgId}
            person={p}
            consents={consents.data.items}
            channels={channels.data ?? []}
            can={can}
            onWithdraw={(consent) => setDialog({ withdraw: consent })}
          />
        )}
      </Stack>

      <ConsentLinksSection
        orgId={orgId}
        timeZone={org.timeZone}
        person={p}
        canManage={can.manage}
        created={createdLink}
        onCreatedDone={() => setCreatedLink(null)}
      />
      <PersonMedia orgId={orgId} timeZone={org.timeZone} person={p} />
      {can.officer && <OfficerActions orgId={orgId} person={p} />}

      {dialog === 'edit' && <PersonFormModal orgId={orgId} person={p} withNotes={can.officer} onClose={close} />}
      {dialog === 'consent' && (
        <ConsentFormModal
          orgId={orgId}
          timeZone={org.timeZone}
          person={p}
          channels={channels.data ?? []}
          onClose={close}
        />
      )}
      {dialog === 'pdf' && (
        <ConsentPdfModal orgId={orgId} personId={p.id} defaultLanguage={org.language} onClose={close} />
      )}
      {dialog === 'link' && (
        <ConsentLinkModal
          orgId={orgId}
          person={p}
          defaultLanguage={org.language}
          onClose={close}
          onCreated={setCreatedLink}
        />
      )}
      {dialog !== null && typeof dialog === 'object' && (
        <WithdrawModal orgId={orgId} timeZone={org.timeZone} person={p} consent={dialog.withdraw} onClose={close} />
      )}
    </Stack>
  );
}

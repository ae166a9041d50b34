import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentOrg, useSession } from '../../app/session.tsx';
import { RoleBadges } from '../../components/role-badges.tsx';
import { CreateOrganisationCard } from './create-organisation-card.tsx';
import { GettingStarted } from './getting-started.tsx';

export function OverviewPage() {
  const { t } = useTranslation(['overview', 'roles']);
  const { user } = useSession();
  const org = useCurrentOrg();

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('greeting', { name: user.name })}
        </Title>
        {org && <Text c="dimmed">{t('orgLine', { organisation: org.name })}</Text>}
      </Stack>
      {org ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <GettingStarted orgId={org.id} roles={org.roles} totpEnabled={user.totpEnabled} />
          <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="my-roles-title">
            <Stack gap="sm">
              <Title order={2} size="h4" id="my-roles-title">
                {t('myRoles.title')}
              </Title>
              <RoleBadges roles={org.roles} />
              <Stack gap={4} component="ul" m={0} pl="md">
                {org.roles.map((role) => (
                  <Text component="li" size="sm" key={role}>
                    <strong>{t(`roles:${role}.label`)}:</strong> {t(`roles:${role}.description`)}
                  </Text>
                ))}
              </Stack>
              <Text size="sm" c="dimmed">
                {t('myRoles.comingSoon')}
              </Text>
            </Stack>
          </Card>
        </SimpleGrid>
      ) : (
        <CreateOrganisationCard />
      )}
    </Stack>
  );
}

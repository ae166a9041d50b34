import { Box, Center, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLanguage } from '../app/i18n.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { Logo } from './logo.tsx';

type Props = { title: string; description?: ReactNode; children: ReactNode; width?: number };

/** The frame of the pages before sign-in: logo, language switch and one card. */
export function PublicLayout({ title, description, children, width = 460 }: Props) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Group component="header" justify="space-between" px="md" py="sm">
        <Logo />
        <LanguageSwitch onChange={applyLanguage} />
      </Group>
      <Center component="main" id="main" tabIndex={-1} px="md" pb="xl">
        <Container size={width} w="100%" p={0}>
          <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="lg">
            <Stack gap="lg">
              <Stack gap={4}>
                <Title order={1} size="h2">
                  {title}
                </Title>
                {description && <Text c="dimmed">{description}</Text>}
              </Stack>
              {children}
            </Stack>
          </Paper>
        </Container>
      </Center>
    </Box>
  );
}

import { Stack } from '@mantine/core';
import { PasswordCard } from './password-card.tsx';
import { ProfileCard } from './profile-card.tsx';
import { TwoFactorCard } from './two-factor-card.tsx';

export function AccountPage() {
  return (
    <Stack gap="lg" maw={720}>
      <ProfileCard />
      <PasswordCard />
      <TwoFactorCard />
    </Stack>
  );
}

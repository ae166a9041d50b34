import { Stack } from '@mantine/core';
import { useSession } from '../../../app/session.tsx';
import { PasswordCard } from './password-card.tsx';
import { ProfileCard } from './profile-card.tsx';
import { TwoFactorCard } from './two-factor-card.tsx';

export function AccountPage() {
  const { user } = useSession();
  return (
    <Stack gap="lg" maw={720}>
      {/* Remount when the language changes elsewhere (header switch), so the form shows it. */}
      <ProfileCard key={user.language} />
      <PasswordCard />
      <TwoFactorCard />
    </Stack>
  );
}

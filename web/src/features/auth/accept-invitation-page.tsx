import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { InvitationPreview, Session } from '@nahbar/common';
import { IconMailOpened } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { setSession, useSessionQuery } from '../../app/session.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { RoleBadges } from '../../components/role-badges.tsx';
import { applyServerErrors, errorMessage } from '../../components/server-errors.ts';
import { useFormatters } from '../../components/use-formatters.ts';
import { authApi } from './auth-api.ts';
import { useAuthValidators } from './validators.ts';

export function AcceptInvitationPage() {
  const { t } = useTranslation(['auth', 'common']);
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => authApi.invitation(token),
    enabled: token.length > 0,
  });
  const session = useSessionQuery();

  let content: React.ReactNode;
  if (!token || preview.isError) {
    content = (
      <Alert color="red" role="alert" title={t('invitation.invalidTitle')}>
        {preview.error ? errorMessage(preview.error) : t('invitation.invalidText')}
      </Alert>
    );
  } else if (preview.isPending || session.isPending) {
    content = <PageLoader />;
  } else {
    content = <InvitationDetails token={token} preview={preview.data} session={session.data ?? null} />;
  }
  return <PublicLayout title={t('invitation.title')}>{content}</PublicLayout>;
}

type DetailsProps = { token: string; preview: InvitationPreview; session: Session | null };

function InvitationDetails({ token, preview, session }: DetailsProps) {
  const { t } = useTranslation(['auth', 'common']);
  const { formatDate } = useFormatters();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const signedInAs = session?.user.email.toLowerCase() ?? null;
  const isInvitee = signedInAs === preview.email.toLowerCase();

  const accept = useMutation({
    mutationFn: (body: { name?: string; password?: string }) => authApi.acceptInvitation(token, body),
    onSuccess: (next) => {
      setSession(next);
      void queryClient.invalidateQueries();
      notifications.show({
        color: 'petrol',
        message: t('invitation.accepted', { organisation: preview.organisationName }),
      });
      navigate('/', { replace: true });
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });
  const signOut = useMutation({
    mutationFn: authApi.logout,
    onSettled: () => setSession(null),
  });

  const validators = useAuthValidators();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: '', password: '' },
    validate: { name: validators.required, password: validators.newPassword },
  });

  const summary = (
    <Stack gap="xs">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <IconMailOpened aria-hidden size={22} />
        <Text>{t('invitation.summary', { organisation: preview.organisationName, email: preview.email })}</Text>
      </Group>
      <RoleBadges roles={preview.roles} />
      <Text size="sm" c="dimmed">
        {t('invitation.expires', { date: formatDate(preview.expiresAt) })}
      </Text>
    </Stack>
  );

  if (signedInAs && !isInvitee) {
    return (
      <Stack>
        {summary}
        <Alert color="gray" title={t('invitation.otherAccountTitle')}>
          {t('invitation.otherAccountText', { current: session?.user.email, invited: preview.email })}
        </Alert>
        <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
          {t('common:user.signOut')}
        </Button>
      </Stack>
    );
  }

  if (preview.accountExists) {
    const returnTo = `/einladung?token=${encodeURIComponent(token)}`;
    return (
      <Stack>
        {summary}
        <FormAlert message={formError} />
        {isInvitee ? (
          <Button onClick={() => accept.mutate({})} loading={accept.isPending}>
            {t('invitation.submit')}
          </Button>
        ) : (
          <>
            <Text>{t('invitation.signInFirst', { email: preview.email })}</Text>
            <Button component={Link} to={`/anmelden?weiter=${encodeURIComponent(returnTo)}`}>
              {t('signIn.submit')}
            </Button>
          </>
        )}
      </Stack>
    );
  }

  return (
    <Stack>
      {summary}
      <form
        onSubmit={form.onSubmit((values) => accept.mutate({ name: values.name.trim(), password: values.password }))}
        noValidate
      >
        <Stack>
          <Text size="sm">{t('invitation.createAccount')}</Text>
          <FormAlert message={formError} />
          <TextInput label={t('common:fields.email')} value={preview.email} readOnly />
          <TextInput
            label={t('common:fields.name')}
            autoComplete="name"
            required
            key={form.key('name')}
            {...form.getInputProps('name')}
          />
          <PasswordInput
            label={t('common:fields.password')}
            description={t('common:hints.passwordLength')}
            autoComplete="new-password"
            required
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={accept.isPending}>
            {t('invitation.submit')}
          </Button>
        </Stack>
      </form>
      <Anchor component={Link} to="/anmelden" size="sm" ta="center">
        {t('backToSignIn')}
      </Anchor>
    </Stack>
  );
}

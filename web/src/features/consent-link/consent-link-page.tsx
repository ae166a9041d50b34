import { Alert } from '@mantine/core';
import { IconClockX, IconLinkOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { i18n } from '../../app/i18n.ts';
import { PageLoader } from '../../components/page-loader.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { consentLinkApi } from './consent-link-api.ts';
import { ConsentLinkConfirmed } from './consent-link-confirmed.tsx';
import { ConsentLinkForm } from './consent-link-form.tsx';

/**
 * /einwilligung/:token — a guardian or the person reads the text, sees the picture and
 * confirms, on whatever phone the link reached. No account, no sign-in.
 */
export function ConsentLinkPage() {
  const { t } = useTranslation('people');
  const { token = '' } = useParams();
  const request = useQuery({
    queryKey: ['consent-link', token],
    queryFn: () => consentLinkApi.get(token),
    retry: false,
  });

  // The page speaks the language the organisation chose for this link, once; the switch
  // in the header still lets the reader change it.
  const switched = useRef(false);
  const language = request.data?.language;
  useEffect(() => {
    if (!language || switched.current) return;
    switched.current = true;
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [language]);

  const data = request.data;
  let content: React.ReactNode;
  if (request.isPending) content = <PageLoader />;
  else if (request.isError || !data) {
    const unknown = request.error instanceof ApiError && request.error.status === 404;
    content = (
      <Alert color="red" role="alert" icon={<IconLinkOff aria-hidden />} title={t('consentLink.invalidTitle')}>
        {unknown ? t('consentLink.invalidText') : errorMessage(request.error)}
      </Alert>
    );
  } else if (data.state === 'expired' || data.state === 'revoked') {
    content = (
      <Alert color="gray" icon={<IconClockX aria-hidden />} title={t(`consentLink.${data.state}Title`)}>
        {t(`consentLink.${data.state}Text`, { organisation: data.organisationName })}
      </Alert>
    );
  } else if (data.state === 'confirmed') content = <ConsentLinkConfirmed request={data} />;
  else content = <ConsentLinkForm token={token} request={data} />;

  return (
    <PublicLayout
      title={t('consentLink.title')}
      description={data ? t('consentLink.intro', { organisation: data.organisationName }) : undefined}
      width={680}
    >
      {content}
    </PublicLayout>
  );
}

import { Alert } from '@mantine/core';
import { IconClockX, IconLinkOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { PageLoader } from '../../components/page-loader.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { approvalKeys, approvalsApi } from '../approvals/approvals-api.ts';
import { ReviewLinkDecided } from './review-link-decided.tsx';
import { ReviewLinkForm } from './review-link-form.tsx';

/**
 * /freigabe/:token — a reviewer without an account (a board member, say) sees the post as it
 * will go out and decides once, on whatever phone the link reached. No sign-in.
 */
export function ReviewLinkPage() {
  const { t } = useTranslation('approvals');
  const { token = '' } = useParams();
  const review = useQuery({
    queryKey: approvalKeys.publicReview(token),
    queryFn: () => approvalsApi.publicReview(token),
    retry: false,
  });

  const data = review.data;
  let content: React.ReactNode;
  if (review.isPending) content = <PageLoader />;
  else if (review.isError || !data) {
    const unknown = review.error instanceof ApiError && review.error.status === 404;
    content = (
      <Alert color="red" role="alert" icon={<IconLinkOff aria-hidden />} title={t('reviewLink.invalidTitle')}>
        {unknown ? t('reviewLink.invalidText') : errorMessage(review.error)}
      </Alert>
    );
  } else if (data.state === 'expired' || data.state === 'revoked') {
    content = (
      <Alert color="gray" icon={<IconClockX aria-hidden />} title={t(`reviewLink.${data.state}Title`)}>
        {t(`reviewLink.${data.state}Text`, { organisation: data.organisationName })}
      </Alert>
    );
  } else if (data.state === 'decided') content = <ReviewLinkDecided review={data} />;
  else content = <ReviewLinkForm token={token} review={data} />;

  return (
    <PublicLayout
      title={t('reviewLink.title')}
      description={
        data ? t('reviewLink.intro', { organisation: data.organisationName, name: data.reviewerName }) : undefined
      }
      width={720}
    >
      {content}
    </PublicLayout>
  );
}

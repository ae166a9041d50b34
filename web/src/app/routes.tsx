import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { FullPageLoader } from '../components/full-page-loader.tsx';
import { PageLoader } from '../components/page-loader.tsx';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { NotFoundPage } from '../features/overview/not-found-page.tsx';
import { OverviewPage } from '../features/overview/overview-page.tsx';
import { PublicOnly, RequireAuth, SetupGate } from './guards.tsx';
import { AppLayout } from './shell/app-layout.tsx';

// Everything but sign-in and the overview loads on demand to keep the first download small.
const SetupPage = lazy(() => import('../features/auth/setup-page.tsx').then((m) => ({ default: m.SetupPage })));
const ForgotPasswordPage = lazy(() =>
  import('../features/auth/forgot-password-page.tsx').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('../features/auth/reset-password-page.tsx').then((m) => ({ default: m.ResetPasswordPage })),
);
const AcceptInvitationPage = lazy(() =>
  import('../features/auth/accept-invitation-page.tsx').then((m) => ({ default: m.AcceptInvitationPage })),
);
const SettingsLayout = lazy(() =>
  import('../features/settings/settings-layout.tsx').then((m) => ({ default: m.SettingsLayout })),
);
const OrganisationSettingsPage = lazy(() =>
  import('../features/settings/organisation-settings-page.tsx').then((m) => ({ default: m.OrganisationSettingsPage })),
);
const MembersPage = lazy(() =>
  import('../features/settings/members/members-page.tsx').then((m) => ({ default: m.MembersPage })),
);
const AccountPage = lazy(() =>
  import('../features/settings/account/account-page.tsx').then((m) => ({ default: m.AccountPage })),
);
const TokensPage = lazy(() => import('../features/settings/tokens-page.tsx').then((m) => ({ default: m.TokensPage })));
const AuditPage = lazy(() => import('../features/settings/audit-page.tsx').then((m) => ({ default: m.AuditPage })));
const OutboxPage = lazy(() => import('../features/settings/outbox-page.tsx').then((m) => ({ default: m.OutboxPage })));
const ChannelsPage = lazy(() =>
  import('../features/channels/channels-page.tsx').then((m) => ({ default: m.ChannelsPage })),
);
const InboxPage = lazy(() => import('../features/inbox/inbox-page.tsx').then((m) => ({ default: m.InboxPage })));
const InboxSettingsPage = lazy(() =>
  import('../features/inbox/settings/inbox-settings-page.tsx').then((m) => ({ default: m.InboxSettingsPage })),
);
const PostsPage = lazy(() => import('../features/posts/posts-page.tsx').then((m) => ({ default: m.PostsPage })));
const PostEditPage = lazy(() =>
  import('../features/posts/post-edit-page.tsx').then((m) => ({ default: m.PostEditPage })),
);
const TemplatesPage = lazy(() =>
  import('../features/posts/templates-page.tsx').then((m) => ({ default: m.TemplatesPage })),
);
const CalendarPage = lazy(() =>
  import('../features/calendar/calendar-page.tsx').then((m) => ({ default: m.CalendarPage })),
);
const PlanningSettingsPage = lazy(() =>
  import('../features/calendar/planning-settings-page.tsx').then((m) => ({ default: m.PlanningSettingsPage })),
);
const NotificationSettingsPage = lazy(() =>
  import('../features/notifications/notification-settings-page.tsx').then((m) => ({
    default: m.NotificationSettingsPage,
  })),
);
const PeoplePage = lazy(() => import('../features/people/people-page.tsx').then((m) => ({ default: m.PeoplePage })));
const PersonPage = lazy(() => import('../features/people/person-page.tsx').then((m) => ({ default: m.PersonPage })));
const PrivacyPage = lazy(() => import('../features/people/privacy-page.tsx').then((m) => ({ default: m.PrivacyPage })));
const PrivacySettingsPage = lazy(() =>
  import('../features/people/privacy-settings-page.tsx').then((m) => ({ default: m.PrivacySettingsPage })),
);
const ConsentLinkPage = lazy(() =>
  import('../features/consent-link/consent-link-page.tsx').then((m) => ({ default: m.ConsentLinkPage })),
);
const ReviewQueuePage = lazy(() =>
  import('../features/approvals/review-queue-page.tsx').then((m) => ({ default: m.ReviewQueuePage })),
);
const PoliciesPage = lazy(() =>
  import('../features/approvals/policies-page.tsx').then((m) => ({ default: m.PoliciesPage })),
);
const ReviewLinkPage = lazy(() =>
  import('../features/review-link/review-link-page.tsx').then((m) => ({ default: m.ReviewLinkPage })),
);
const MediaPage = lazy(() => import('../features/media/media-page.tsx').then((m) => ({ default: m.MediaPage })));

export const paths = {
  overview: '/',
  signIn: '/anmelden',
  setup: '/einrichtung',
  forgotPassword: '/passwort-vergessen',
  resetPassword: '/passwort-zuruecksetzen',
  invitation: '/einladung',
  settings: '/einstellungen',
  settingsOrganisation: '/einstellungen/organisation',
  settingsMembers: '/einstellungen/mitglieder',
  settingsAccount: '/einstellungen/konto',
  settingsNotifications: '/einstellungen/benachrichtigungen',
  settingsTokens: '/einstellungen/api-tokens',
  settingsAudit: '/einstellungen/protokoll',
  settingsOutbox: '/einstellungen/postausgang',
  settingsInbox: '/einstellungen/posteingang',
  channels: '/kanaele',
  posts: '/beitraege',
  /** One post in the composer: /beitraege/<id> */
  post: (id: string) => `/beitraege/${id}`,
  calendar: '/kalender',
  media: '/medien',
  settingsPlanning: '/einstellungen/planung',
  settingsTemplates: '/einstellungen/vorlagen',
  inbox: '/posteingang',
  people: '/personen',
  /** One person with their consents: /personen/<id> */
  person: (id: string) => `/personen/${id}`,
  /** The privacy officer's dashboard and takedown report. */
  privacy: '/datenschutz',
  settingsPrivacy: '/einstellungen/datenschutz',
  /** Public: a guardian's digital consent, /einwilligung/<token> */
  consentLink: '/einwilligung',
  /** "Zur Freigabe": what waits for the signed-in person's decision. */
  reviews: '/freigaben',
  settingsApprovals: '/einstellungen/freigaben',
  /** Public: an external reviewer's link, /freigabe/<token> */
  reviewLink: '/freigabe',
} as const;

export function AppRoutes() {
  return (
    <Suspense fallback={<FullPageLoader />}>
      <Routes>
        <Route element={<SetupGate />}>
          <Route path={paths.setup} element={<SetupPage />} />
          <Route element={<PublicOnly />}>
            <Route path={paths.signIn} element={<SignInPage />} />
            <Route path={paths.forgotPassword} element={<ForgotPasswordPage />} />
          </Route>
          <Route path={paths.resetPassword} element={<ResetPasswordPage />} />
          <Route path={paths.invitation} element={<AcceptInvitationPage />} />
          <Route
            path={`${paths.reviewLink}/:token`}
            element={
              <Suspense fallback={<FullPageLoader />}>
                <ReviewLinkPage />
              </Suspense>
            }
          />
          <Route
            path={`${paths.consentLink}/:token`}
            element={
              <Suspense fallback={<FullPageLoader />}>
                <ConsentLinkPage />
              </Suspense>
            }
          />
          <Route element={<RequireAuth />}>
            <Route element={<AppLayout />}>
              <Route index element={<OverviewPage />} />
              <Route
                path={paths.channels}
                element={
                  <Suspense fallback={<PageLoader />}>
                    <ChannelsPage />
                  </Suspense>
                }
              />
              <Route
                path={paths.posts}
                element={
                  <Suspense fallback={<PageLoader />}>
                    <PostsPage />
                  </Suspense>
                }
              />
              {(
                [
                  [`${paths.posts}/:postId`, <PostEditPage key="edit" />],
                  [paths.calendar, <CalendarPage key="calendar" />],
                  [paths.media, <MediaPage key="media" />],
                  [paths.people, <PeoplePage key="people" />],
                  [`${paths.people}/:personId`, <PersonPage key="person" />],
                  [paths.privacy, <PrivacyPage key="privacy" />],
                  [paths.reviews, <ReviewQueuePage key="reviews" />],
                ] as const
              ).map(([path, page]) => (
                <Route key={path} path={path} element={<Suspense fallback={<PageLoader />}>{page}</Suspense>} />
              ))}
              {[paths.inbox, `${paths.inbox}/:itemId`].map((path) => (
                <Route
                  key={path}
                  path={path}
                  element={
                    <Suspense fallback={<PageLoader />}>
                      <InboxPage />
                    </Suspense>
                  }
                />
              ))}
              <Route
                path={paths.settings}
                element={
                  <Suspense fallback={<PageLoader />}>
                    <SettingsLayout />
                  </Suspense>
                }
              >
                <Route index element={<Navigate to={paths.settingsOrganisation} replace />} />
                <Route path="organisation" element={<OrganisationSettingsPage />} />
                <Route path="mitglieder" element={<MembersPage />} />
                <Route path="konto" element={<AccountPage />} />
                <Route path="benachrichtigungen" element={<NotificationSettingsPage />} />
                <Route path="api-tokens" element={<TokensPage />} />
                <Route path="protokoll" element={<AuditPage />} />
                <Route path="postausgang" element={<OutboxPage />} />
                <Route path="posteingang" element={<InboxSettingsPage />} />
                <Route path="planung" element={<PlanningSettingsPage />} />
                <Route path="vorlagen" element={<TemplatesPage />} />
                <Route path="datenschutz" element={<PrivacySettingsPage />} />
                <Route path="freigaben" element={<PoliciesPage />} />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}

import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject, RouterProvider } from 'react-router';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage.tsx';
import { SetupPage } from './features/auth/SetupPage.tsx';
import { RoleHomePage } from './features/home/RoleHomePage.tsx';
import { AppLayout } from './ui/AppLayout.tsx';
import { RequireAuth, RootRedirect, Splash } from './ui/guards.tsx';
import { can, isAdmin } from './ui/permissions.ts';
import { PublicLayout } from './ui/PublicLayout.tsx';
import { NotFound, Restricted } from './ui/Restricted.tsx';

/** Screens loaded on first visit, to keep the login page light. */
function lazy<M>(load: () => Promise<M>, pick: (m: M) => ComponentType) {
  return async () => ({ Component: pick(await load()) });
}

const admin = () => import('./features/admin/index.ts');
const requests = () => import('./features/requests/index.ts');
const work = () => import('./features/work/index.ts');
const csat = () => import('./features/csat/index.ts');
const portal = () => import('./features/portal/index.ts');
const kb = () => import('./features/kb/index.ts');
const notifs = () => import('./features/notifications/index.ts');
const channels = () => import('./features/channels/index.ts');
const ops = () => import('./features/ops/index.ts');

const routes: RouteObject[] = [
  { path: '/', element: <RootRedirect /> },
  {
    element: <PublicLayout />,
    children: [
      { path: '/connexion', element: <LoginPage /> },
      { path: '/mot-de-passe-oublie', element: <ForgotPasswordPage /> },
      { path: '/reinitialisation', element: <ResetPasswordPage /> },
      { path: '/installation', element: <SetupPage /> },
      // The e-mailed satisfaction link: no login needed, a GET never records (the page asks for confirmation).
      { path: '/satisfaction/:token', lazy: lazy(csat, (m) => m.SurveyPage) },
    ],
  },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { path: '/accueil', lazy: lazy(portal, (m) => m.PortalHomePage) },
          {
            path: '/annonces',
            element: <Restricted allowed={(me) => can(me, 'announcement.manage')} />,
            children: [{ index: true, lazy: lazy(portal, (m) => m.AnnouncementsPage) }],
          },
          { path: '/equipe', element: <RoleHomePage space="team" /> },
          { path: '/prestataire', element: <RoleHomePage space="provider" /> },
          { path: '/direction', element: <RoleHomePage space="executive" /> },
          {
            path: '/profil',
            lazy: lazy(
              () => import('./features/profile/ProfilePage.tsx'),
              (m) => m.ProfilePage,
            ),
          },
          {
            path: '/audit',
            element: <Restricted allowed={(me) => can(me, 'audit.read')} />,
            children: [
              {
                index: true,
                lazy: lazy(
                  () => import('./features/audit/AuditPage.tsx'),
                  (m) => m.AuditPage,
                ),
              },
            ],
          },
          {
            path: '/catalogue',
            element: <Restricted allowed={(me) => can(me, 'service.read')} />,
            children: [
              {
                index: true,
                lazy: lazy(
                  () => import('./features/catalog/CataloguePage.tsx'),
                  (m) => m.CataloguePage,
                ),
              },
            ],
          },
          {
            path: '/demandes',
            element: <Restricted allowed={(me) => can(me, 'request.note')} />,
            children: [{ index: true, lazy: lazy(requests, (m) => m.WorkspacePage) }],
          },
          // Staff view; a requester following a link is sent to /mes-demandes/:id by the page itself.
          { path: '/demandes/:id', lazy: lazy(requests, (m) => m.RequestPage) },
          { path: '/mes-demandes', lazy: lazy(requests, (m) => m.MyRequestsPage) },
          {
            path: '/mes-demandes/nouvelle',
            element: <Restricted allowed={(me) => can(me, 'request.create')} />,
            children: [{ index: true, lazy: lazy(requests, (m) => m.NewRequestPage) }],
          },
          { path: '/mes-demandes/:id', lazy: lazy(requests, (m) => m.MyRequestPage) },
          { path: '/notifications', lazy: lazy(notifs, (m) => m.NotificationsPage) },
          {
            path: '/canaux',
            element: <Restricted allowed={(me) => !!me.organization && can(me, 'channel.read')} />,
            children: [
              { index: true, lazy: lazy(channels, (m) => m.ChannelsPage) },
              { path: ':id', lazy: lazy(channels, (m) => m.ChannelsPage) },
            ],
          },
          {
            path: '/planning',
            element: <Restricted allowed={(me) => can(me, 'planning.read')} />,
            children: [{ index: true, lazy: lazy(work, (m) => m.PlanningPage) }],
          },
          {
            path: '/travail-recurrent',
            element: <Restricted allowed={(me) => can(me, 'recurring.read')} />,
            children: [{ index: true, lazy: lazy(work, (m) => m.RecurringPage) }],
          },
          {
            path: '/archives',
            element: <Restricted allowed={(me) => !!me.organization && can(me, 'archive.read')} />,
            children: [
              {
                index: true,
                lazy: lazy(
                  () => import('./features/archive/ArchivePage.tsx'),
                  (m) => m.ArchivePage,
                ),
              },
            ],
          },
          {
            path: '/satisfaction',
            element: <Restricted allowed={(me) => !!me.organization && can(me, 'csat.report')} />,
            children: [{ index: true, lazy: lazy(csat, (m) => m.SatisfactionPage) }],
          },
          {
            path: '/reponses-types',
            element: <Restricted allowed={(me) => can(me, 'canned.read')} />,
            children: [{ index: true, lazy: lazy(work, (m) => m.CannedPage) }],
          },
          {
            path: '/aide',
            element: <Restricted allowed={(me) => can(me, 'kb.read')} />,
            children: [
              { index: true, lazy: lazy(kb, (m) => m.HelpCentrePage) },
              { path: ':id', lazy: lazy(kb, (m) => m.ArticlePage) },
            ],
          },
          {
            path: '/base-de-connaissances',
            element: <Restricted allowed={(me) => can(me, 'kb.create')} />,
            children: [
              { index: true, lazy: lazy(kb, (m) => m.KbListPage) },
              { path: ':id', lazy: lazy(kb, (m) => m.ArticleEditorPage) },
            ],
          },
          {
            path: '/plateforme',
            element: <Restricted allowed={(me) => me.user.isOperator} />,
            children: [
              {
                index: true,
                lazy: lazy(
                  () => import('./features/platform/PlatformPage.tsx'),
                  (m) => m.PlatformPage,
                ),
              },
              { path: 'boite-d-envoi', lazy: lazy(notifs, (m) => m.OutboxPage) },
              { path: 'exploitation', lazy: lazy(ops, (m) => m.OpsPage) },
              { path: 'exploitation/travaux', lazy: lazy(ops, (m) => m.JobsPage) },
            ],
          },
          {
            path: '/admin/courrier',
            element: <Restricted allowed={(me) => !!me.organization && can(me, 'mail_address.read')} />,
            children: [
              {
                index: true,
                lazy: lazy(
                  () => import('./features/mail/MailPage.tsx'),
                  (m) => m.MailPage,
                ),
              },
            ],
          },
          {
            path: '/admin/webhooks',
            element: <Restricted allowed={(me) => !!me.organization && can(me, 'webhook.read')} />,
            children: [
              {
                index: true,
                lazy: lazy(
                  () => import('./features/admin/webhooks/WebhooksPage.tsx'),
                  (m) => m.WebhooksPage,
                ),
              },
            ],
          },
          {
            path: '/admin',
            element: <Restricted allowed={isAdmin} />,
            children: [
              { index: true, lazy: lazy(admin, (m) => m.AdminHomePage) },
              { path: 'organisation', lazy: lazy(admin, (m) => m.OrganizationPage) },
              { path: 'sites', lazy: lazy(admin, (m) => m.SitesListPage) },
              { path: 'sites/nouveau', lazy: lazy(admin, (m) => m.NewSitePage) },
              { path: 'sites/:id', lazy: lazy(admin, (m) => m.EditSitePage) },
              { path: 'fonctions', lazy: lazy(admin, (m) => m.FunctionsPage) },
              { path: 'equipes', lazy: lazy(admin, (m) => m.TeamsPage) },
              { path: 'utilisateurs', lazy: lazy(admin, (m) => m.UsersPage) },
            ],
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

const router = createBrowserRouter([{ HydrateFallback: Splash, children: routes }]);

/** The route table (French paths, one per screen). */
export function App() {
  return <RouterProvider router={router} />;
}

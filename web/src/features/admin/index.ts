/** The administration screens, loaded together on the first visit to /admin. */
export { AdminHomePage } from './AdminHomePage.tsx';
export { FunctionsPage } from './FunctionsPage.tsx';
export { OrganizationPage } from './OrganizationPage.tsx';
export { SitesListPage } from './sites/SitesListPage.tsx';
export { EditSitePage, NewSitePage } from './sites/SiteFormPage.tsx';
export { TeamsPage } from './teams/TeamsPage.tsx';
export { UsersPage } from './users/UsersPage.tsx';

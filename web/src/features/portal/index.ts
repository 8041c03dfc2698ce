/** The portal screens (home, announcements management), loaded together on first visit. */
export { AnnouncementsPage } from './AnnouncementsPage.tsx';
export { PortalHomePage } from './PortalHomePage.tsx';

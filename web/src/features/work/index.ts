/** The work organisation screens (planning, recurring work, canned responses), loaded together on first visit. */
export { CannedPage } from './canned/CannedPage.tsx';
export { PlanningPage } from './planning/PlanningPage.tsx';
export { RecurringPage } from './recurring/RecurringPage.tsx';

export { JobsPage } from './JobsPage.tsx';
export { OpsPage } from './OpsPage.tsx';

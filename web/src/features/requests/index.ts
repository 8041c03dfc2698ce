/** The requests screens, loaded on first visit as one chunk. */
export { MyRequestPage } from './requester/MyRequestPage.tsx';
export { MyRequestsPage } from './requester/MyRequestsPage.tsx';
export { NewRequestPage } from './requester/NewRequestPage.tsx';
export { RequestPage } from './view/RequestPage.tsx';
export { WorkspacePage } from './workspace/WorkspacePage.tsx';

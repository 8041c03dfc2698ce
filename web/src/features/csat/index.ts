export { SatisfactionPage } from './SatisfactionPage.tsx';
export { SurveyPage } from './SurveyPage.tsx';

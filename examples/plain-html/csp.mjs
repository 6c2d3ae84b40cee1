// The script of csp.html, an external module as script-src 'self' requires: loads the bundle
// (which defines the tags) and hands the components the shared sample journey and notice.
import './dist/candor-elements.js';
import { onboardingJourney } from './dist/sample-journey.js';
import { noticeV1 } from './dist/sample-notices.js';

document.getElementById('journey').steps = structuredClone(onboardingJourney);
document.getElementById('consent').notice = noticeV1;

// The script of csp.html, an external module as script-src 'self' requires: loads the bundle
// (which defines the tags) and hands the components the shared sample journey, notice, incidents and answers.
import './dist/candor-elements.js';
import { onboardingJourney } from './dist/sample-journey.js';
import { noticeV1 } from './dist/sample-notices.js';
import { cardOutage, plannedMaintenance } from './dist/sample-incidents.js';
import { contactChannels, faqEntries } from './dist/sample-faq.js';

document.getElementById('journey').steps = structuredClone(onboardingJourney);
document.getElementById('consent').notice = noticeV1;

// A fixed clock 25 minutes before the card outage's promised next update, so the countdown reads
// the same every day; the maintenance, 13 days ahead of that clock, shows with two weeks' notice.
const banner = document.getElementById('status');
banner.now = () => new Date('2026-11-23T10:05:00Z');
banner.maintenanceAhead = 24 * 14;
banner.incidents = [cardOutage, plannedMaintenance];

// The answers follow the banner's incidents (incident-banner="status"), on a fixed clock an hour
// later, when every sample answer has been updated ("Updated 5 minutes ago", not "in 37 minutes").
const help = document.getElementById('help');
help.now = () => new Date('2026-11-23T11:05:00Z');
help.entries = faqEntries;
help.contacts = contactChannels;

// Small, valid items of a Statuspage feed, shared by the feed tests; each case changes one thing.
export const statuspageIncident = {
  id: 'p31zjtct2jer',
  name: 'Card payments are failing',
  status: 'identified',
  impact: 'critical',
  started_at: '2026-11-23T09:12:00.000-06:00',
  shortlink: 'https://stspg.io/p31zjtct2jer',
  incident_updates: [{ id: 'upd1', status: 'identified', body: 'A fault at our card processor.', display_at: '2026-11-23T10:00:00.000-06:00' }],
};
export const statuspagePage = { name: 'Acme Bank', url: 'https://status.bank.example' };

// A test-runner command that switches Chromium's forced-colors emulation (Windows High Contrast)
// on or off through the DevTools protocol: puppeteer's emulateMediaFeatures refuses that feature.
// In a test: `await executeServerCommand('emulate-forced-colors', { active: true })`.
// The CDP session is kept per page: emulation overrides end when the session that set them detaches.
export function forcedColorsPlugin() {
  const sessions = new WeakMap();
  return {
    name: 'candor-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error('emulate-forced-colors needs the Chrome launcher');
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      const client = sessions.get(page);
      const active = Boolean(payload && payload.active);
      await client.send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}

// executeServerCommand('a11y-emulate-media', {features: [{name, value}]}): emulates CSS media features in
// Chromium through CDP (Emulation.setEmulatedMedia), including `forced-colors`, which neither
// @web/test-runner-commands' emulateMedia (Playwright-only there) nor puppeteer's emulateMediaFeatures
// (an allowlist without it) will send. An empty list clears the emulation. Chromium only: puppeteer's
// Firefox (WebDriver BiDi) and the WebKit launcher (WebDriver) cannot emulate media features.

const sessions = new WeakMap();

export function mediaPlugin() {
  return {
    name: 'a11y-emulate-media',
    async executeCommand({ command, payload, session }) {
      if (command !== 'a11y-emulate-media') return undefined;
      const page = session.browser.type === 'puppeteer' ? session.browser.getPage(session.id) : undefined;
      if (!page || page.browser().protocol !== 'cdp') {
        throw new Error(`a11y-emulate-media: needs Chromium (CDP), not ${session.browser.name}`);
      }
      let cdp = sessions.get(page);
      if (!cdp) sessions.set(page, (cdp = await page.createCDPSession()));
      await cdp.send('Emulation.setEmulatedMedia', { features: payload?.features ?? [] });
      return true;
    },
  };
}

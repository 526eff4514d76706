// Debian's Chromium, as every browser in the tests starts it: never a downloaded browser
// (`npx playwright install` is not used), and no background traffic to Google's hosts.
export const CHROMIUM_LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

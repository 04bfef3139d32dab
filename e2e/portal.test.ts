import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  openBrowser,
  screenshotsDir,
  startTestPortal,
  type TestPortal,
} from './portal';

const SCREENSHOTS = screenshotsDir();
let portal: TestPortal;
let browser: Browser;
let page: Page;

/** Opens a URL of the app, signing in as the demo's guest when asked to. */
async function open(url: string) {
  await page.goto(`${portal.appUrl}${url}`);
  const enter = page.getByRole('button', { name: /^enter$/i });
  const app = page.getByText('Windows readiness').first();
  await Promise.race([
    enter.waitFor({ timeout: 60_000 }).then(() => enter.click()),
    app.waitFor({ timeout: 60_000 }),
  ]);
}

before(async () => {
  portal = await startTestPortal();
  browser = await openBrowser();
  page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

test('the scorecard on orders-legacy shows its failing Windows check', async () => {
  // Tech Insights runs the Windows readiness retriever 30 s after start-up,
  // then every 5 minutes (techInsights.factRetrievers in app-config.yaml):
  // until then the card has no results; reload until it has. First, so that
  // the entity page's screenshot shows the scorecard too.
  const failing = page.getByText('Windows containers start: failed');
  for (let attempt = 0; ; attempt++) {
    await open('/catalog/default/component/orders-legacy');
    await page.getByText('Scorecard').first().waitFor({ timeout: 60_000 });
    try {
      await failing.first().waitFor({ timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt >= 30) throw error;
    }
  }
  assert.ok(
    await page
      .getByText('Survives the next Windows Server: failed')
      .first()
      .isVisible(),
  );
  const card = page.locator('.MuiCard-root', { hasText: 'Scorecard' }).first();
  await card.screenshot({ path: join(SCREENSHOTS, 'scorecard.png') });
});

test('a blocked service shows its failing check and the fix', async () => {
  await open('/catalog/default/component/orders-legacy');
  const card = page
    .locator('text=Blocked: its Windows containers cannot start')
    .first();
  await card.waitFor({ timeout: 60_000 });
  await page.getByText('Image fits the Windows build').first().waitFor();
  await page.screenshot({
    path: join(SCREENSHOTS, 'entity-card.png'),
    fullPage: true,
  });

  // From the card, as a service owner would.
  await page.getByText('See every check, the evidence and what-ifs').click();
  await page
    .getByText('FROM mcr.microsoft.com/windows/servercore:ltsc2019')
    .first()
    .waitFor({ timeout: 30_000 });
  assert.ok(
    await page
      .getByText(/does not match the host operating system/)
      .first()
      .isVisible(),
  );
  await page.screenshot({
    path: join(SCREENSHOTS, 'entity-tab.png'),
    fullPage: true,
  });
});

test('the notifications page shows the owner the blocked notice and a retirement notice', async () => {
  // The demo's guest is a member of team-orders, which owns orders-legacy.
  await open('/notifications');
  const blocked = page.getByText(
    'orders-legacy is blocked: its Windows containers cannot start',
  );
  await blocked.first().waitFor({ timeout: 60_000 });
  await page
    .getByText(
      /^orders-legacy: Windows2019 node images are deleted in \d+ days/,
    )
    .first()
    .waitFor({ timeout: 30_000 });
  await page.screenshot({
    path: join(SCREENSHOTS, 'notifications.png'),
    fullPage: true,
  });
  // Each leads to the entity's Windows readiness tab.
  await blocked.first().click();
  await page.waitForURL(
    /\/catalog\/default\/component\/orders-legacy\/windows-readiness$/,
    { timeout: 30_000 },
  );
});

test('the sidebar leads from the catalog to the report', async () => {
  // `/` opens the catalog, at /catalog as in every Backstage app.
  await open('/');
  await page.waitForURL(/\/catalog$/, { timeout: 60_000 });
  const link = page.getByRole('link', { name: /Windows re/ }).first();
  await link.waitFor({ timeout: 30_000 });
  await link.click();
  await page.waitForURL(/\/windows-readiness$/);
  await page.getByText('Services (20)').waitFor({ timeout: 60_000 });
  // This portal's own app, not another one left running.
  assert.match(await page.title(), new RegExp(portal.title));
});

test('the report filters by status and exports CSV', async () => {
  await open('/windows-readiness');
  await page.getByText('Services (20)').waitFor({ timeout: 60_000 });
  await page.screenshot({
    path: join(SCREENSHOTS, 'report.png'),
    fullPage: true,
  });

  await page
    .getByRole('button', { name: /blocked/i })
    .first()
    .click();
  await page.getByText('Services (5)').waitFor({ timeout: 30_000 });
  assert.match(page.url(), /status=blocked/);
  await page.screenshot({
    path: join(SCREENSHOTS, 'report-blocked.png'),
    fullPage: true,
  });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /export csv/i }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8')
    .trim()
    .split(/\r?\n/);
  assert.match(csv[0], /^entity,title,owner,system,status/);
  assert.equal(csv.length, 1 + 5);
  assert.ok(csv.slice(1).every(line => line.includes(',blocked,')));

  // The table's title counts what its own search box finds.
  // fax-gateway, print-spooler and label-printer (aks-weu-batch).
  await page.getByPlaceholder('Filter').fill('team-office');
  await page.getByText('Services (3 of 5)').waitFor({ timeout: 30_000 });
});

test('the node pools view warns about the untainted Windows pool', async () => {
  await open('/windows-readiness?view=pools');
  await page.getByText('npwan').first().waitFor({ timeout: 30_000 });
  assert.ok(
    await page
      .getByText(/untainted|no NoSchedule/i)
      .first()
      .isVisible(),
  );
  await page.screenshot({
    path: join(SCREENSHOTS, 'node-pools.png'),
    fullPage: true,
  });

  // Only the OS SKUs AKS would accept: the Annual Channel pool (25398) on
  // Kubernetes 1.33 may only move up to Windows2025.
  const npwan = page.getByTestId('pool-aks-neu-modern-npwan');
  await npwan.getByRole('button', { name: 'OS SKU what-if…' }).click();
  const select = page.getByLabel('Move npwan to');
  assert.deepEqual(await select.locator('option').allTextContents(), [
    'Windows2025',
  ]);
  assert.ok(
    await page
      .getByTestId('pool-aks-neu-modern-npw25')
      .getByText('No OS SKU to move to')
      .isVisible(),
  );
});

test('the taint what-if on the untainted Windows pool lists who loses it, and not the Linux-pinned ingress', async () => {
  // The demo's platform workloads in aks-neu-modern, mapped to no entity:
  // a monitoring DaemonSet without a Windows toleration (a pod on npwan), a
  // third-party Deployment without an OS selector, and an ingress controller
  // that selects Linux.
  await open('/windows-readiness?view=pools&cluster=aks-neu-modern');
  const npwan = page.getByTestId('pool-aks-neu-modern-npwan');
  await npwan.waitFor({ timeout: 60_000 });
  // The counts of the node pools table: the DaemonSet's pod runs there.
  assert.match(
    (await npwan.getByTestId('pool-workloads-on').textContent()) ?? '',
    /^[1-9]\d* on it$/,
  );
  await npwan.getByRole('button', { name: 'Taint what-if…' }).click();
  const panel = page.getByTestId('taint-what-if-aks-neu-modern');
  assert.equal(await panel.getByLabel('Pool').inputValue(), 'npwan');
  await panel.getByLabel('Taint to add').fill('os=windows:NoSchedule');
  await panel.getByRole('button', { name: 'Run taint what-if' }).click();
  const result = panel.getByTestId('taint-what-if-result');
  await result.waitFor({ timeout: 60_000 });
  const impact = (name: string) =>
    result.getByTestId('taint-impact').filter({
      has: page.getByText(name, { exact: true }),
    });
  await impact('datadog-agent').waitFor({ timeout: 30_000 });
  assert.equal(
    await impact('datadog-agent').getAttribute('data-placement'),
    'loses-pool',
  );
  assert.equal(await impact('external-dns').count(), 1);
  assert.equal(await impact('ingress-nginx-controller').count(), 0);
  // The DaemonSet needs the toleration: the YAML is there to copy.
  assert.match(
    (await impact('datadog-agent').textContent()) ?? '',
    /key:\s*"?os"?/,
  );
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: join(SCREENSHOTS, 'node-pools-taint-what-if.png'),
    fullPage: true,
  });

  // The same what-if from its link, as the node pool template hands it out.
  await open(
    '/windows-readiness?view=pools&cluster=aks-neu-modern&pool=npwan&addTaint=os%3Dwindows%3ANoSchedule',
  );
  await page
    .getByTestId('taint-what-if-result')
    .getByText('datadog-agent', { exact: true })
    .waitFor({ timeout: 60_000 });
});

test('the report lists the workloads without a catalog entity by cluster and namespace', async () => {
  await open('/windows-readiness?view=workloads&cluster=aks-neu-modern');
  const monitoring = page.getByTestId('workloads-aks-neu-modern/monitoring');
  await monitoring.waitFor({ timeout: 60_000 });
  assert.ok(
    await monitoring.getByText('datadog-agent', { exact: true }).isVisible(),
  );
  assert.ok(
    await page
      .getByTestId('workloads-aks-neu-modern/ingress-nginx')
      .getByText('ingress-nginx-controller', { exact: true })
      .isVisible(),
  );
  await page.screenshot({
    path: join(SCREENSHOTS, 'unowned-workloads.png'),
    fullPage: true,
  });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /export csv/i }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8')
    .trim()
    .split(/\r?\n/);
  assert.match(csv[0], /^cluster,namespace,kind,name/);
  assert.ok(csv.slice(1).every(line => line.startsWith('aks-neu-modern,')));
  assert.ok(
    csv.some(line => line.includes(',datadog-agent,')),
    csv.join('\n'),
  );
});

test('a blocked service is never "not impacted" by a what-if', async () => {
  await open('/catalog/default/component/print-spooler/windows-readiness');
  const run = page.getByRole('button', { name: /^Run what-if: npw22/ });
  await run.waitFor({ timeout: 60_000 });
  await run.click();
  const outcome = page.getByTestId('what-if-outcome').first();
  await outcome.waitFor({ timeout: 30_000 });
  const text = (await outcome.textContent()) ?? '';
  assert.doesNotMatch(text, /Not impacted/);
  assert.match(text, /stays Blocked/);
});

// An unknown service says what could not be told and what
// would settle it, on its card and in the report (the demo's billing-api: the
// registry refuses to describe its image).
const BILLING_IMAGE = 'winreadydemo.azurecr.io/billing/api:7.3';
const NOT_DESCRIBED =
  /the registry has not described winreadydemo\.azurecr\.io\/billing\/api:7\.3/;
const SETTLE = `To settle it: check the registry's credentials (${BILLING_IMAGE}).`;

test('the card of an unknown service says what could not be told and what would settle it', async () => {
  await open('/catalog/default/component/billing-api');
  await page
    .getByText(
      'Unknown: some facts (image platforms or pool builds) could not be read',
    )
    .first()
    .waitFor({ timeout: 60_000 });
  const attention = page.getByRole('list', {
    name: 'Checks that need attention',
  });
  await attention.waitFor({ timeout: 30_000 });
  assert.ok(
    await attention.getByText('Image fits the Windows build').isVisible(),
  );
  assert.ok(await attention.getByText(NOT_DESCRIBED).first().isVisible());
  assert.equal(
    (
      await attention.getByTestId('settle-image-os-build').textContent()
    )?.trim(),
    SETTLE,
  );

  // The tab: the message, the registry's own words, and what would settle it.
  await page.getByText('See every check, the evidence and what-ifs').click();
  const check = page.getByTestId('check-image-os-build').first();
  await check.waitFor({ timeout: 30_000 });
  assert.ok(await check.getByText(NOT_DESCRIBED).first().isVisible());
  assert.ok(await check.getByText('What would settle it').isVisible());
  assert.ok(await check.getByText(SETTLE).isVisible());
  assert.ok(
    await check
      .getByText(/401 Unauthorized/)
      .first()
      .isVisible(),
  );
});

test('the report lists the unknown checks with their reasons, on screen and in the CSV', async () => {
  await open('/windows-readiness?status=unknown');
  await page.getByText('Services (2)').waitFor({ timeout: 60_000 });
  assert.ok(
    await page.getByRole('columnheader', { name: 'Cannot tell' }).isVisible(),
  );
  const row = page.getByRole('row').filter({ hasText: 'billing-api' });
  await row.waitFor({ timeout: 30_000 });
  // Nothing fails or warns: the summary is what could not be told.
  assert.ok(
    await row
      .getByText(
        /^image-os-build: Cannot tell whether the images start on win: /,
      )
      .isVisible(),
  );
  const reason = await row
    .getByText('Image fits the Windows build')
    .getAttribute('title');
  assert.match(reason ?? '', NOT_DESCRIBED);
  assert.ok((reason ?? '').endsWith(SETTLE), reason ?? '');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /export csv/i }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  const header = csv.split(/\r?\n/)[0].split(',');
  assert.ok(header.includes('unknown'), header.join(','));
  assert.ok(header.includes('unknownReasons'), header.join(','));
  const billing = csv
    .split(/\r?\n/)
    .find(line => line.startsWith('component:default/billing-api,'));
  assert.ok(billing, csv);
  assert.match(billing!, NOT_DESCRIBED);
  assert.ok(billing!.includes("check the registry's credentials"), billing);
});

/** Opens the Windows node pool template and picks aks-neu-modern. */
async function openNodePoolTemplate() {
  await open('/create/templates/default/windows-nodepool');
  const cluster = page.getByLabel(/^Cluster/).first();
  await cluster.waitFor({ timeout: 60_000 });
  await cluster.click();
  await page.getByRole('option', { name: /aks-neu-modern/ }).click();
  await next();
  await page
    .getByLabel(/^Pool name/)
    .first()
    .waitFor({ timeout: 30_000 });
}

const next = () => page.getByRole('button', { name: /^next$/i }).click();

/**
 * From the pool page on: names the pool, runs `onOsSkuPicker` while the OS
 * SKU picker is open, and submits (in dry run if asked).
 */
async function submitNodePool(
  poolName: string,
  options: { dryRun: boolean; onOsSkuPicker?: () => Promise<void> },
) {
  await page
    .getByLabel(/^Pool name/)
    .first()
    .fill(poolName);
  await page
    .getByLabel(/^OS SKU/)
    .first()
    .click();
  await page
    .getByRole('option', { name: /Windows2022/ })
    .first()
    .waitFor({ timeout: 30_000 });
  await options.onOsSkuPicker?.();
  await page.keyboard.press('Escape');
  await next(); // pool
  await next(); // taints and labels
  await next(); // size
  if (options.dryRun) {
    await page
      .getByLabel(/^Dry run/)
      .first()
      .check();
  }
  await page.getByRole('button', { name: /^review$/i }).click();
  await page.getByRole('button', { name: /^create$/i }).click();
}

test('the Windows node pool template refuses a 7-character name in the form and a taken one in a dry run', async () => {
  await openNodePoolTemplate();
  await page
    .getByLabel(/^Pool name/)
    .first()
    .fill('npwin22');
  await next();
  await page
    .getByText(/pattern/)
    .first()
    .waitFor({ timeout: 30_000 });

  // npw22 exists in aks-neu-modern: the dry run says so, before any call.
  await submitNodePool('npw22', {
    dryRun: true,
    onOsSkuPicker: async () => {
      await page.waitForTimeout(500); // the menu fades in
      await page.screenshot({
        path: join(SCREENSHOTS, 'nodepool-template.png'),
        fullPage: true,
      });
    },
  });
  const refusal = page.getByText(/already has a pool named "npw22"/);
  const showLogs = page.getByRole('button', { name: /show logs/i });
  await Promise.race([
    refusal.first().waitFor({ timeout: 60_000 }),
    showLogs.waitFor({ timeout: 60_000 }).then(() => showLogs.click()),
  ]);
  await refusal.first().waitFor({ timeout: 30_000 });
  await page.screenshot({
    path: join(SCREENSHOTS, 'nodepool-dry-run-refused.png'),
    fullPage: true,
  });
});

test('a dry run of the template links to no Azure portal page', async () => {
  await openNodePoolTemplate();
  await submitNodePool('npwin3', { dryRun: true });
  await page
    .getByText('Dry run: nothing was created')
    .first()
    .waitFor({ timeout: 90_000 });
  assert.equal(
    await page.getByRole('link', { name: /Azure portal/ }).count(),
    0,
  );
  assert.equal(
    await page.getByRole('link', { name: /taint what-if/ }).count(),
    0,
  );
});

test('the Windows node pool template creates a pool in the demo and hands out the YAML', async () => {
  await openNodePoolTemplate();
  await submitNodePool('npwin2', { dryRun: false });
  // The demo's simulator answers the operation after two polls.
  await page.getByText('Node pool ready').first().waitFor({ timeout: 90_000 });
  // The task's output renders after its last log line: wait for each part.
  for (const part of [
    page.getByText(/node\.kubernetes\.io\/windows-build: 10\.0\.20348/),
    page.getByText(/runtimeClassName: windows-npwin2/),
    page.getByRole('link', { name: /Azure portal/ }),
  ]) {
    await part.first().waitFor({ timeout: 30_000 });
  }
  // Who needs the toleration of the pool's taint, before announcing it.
  const whatIf = page.getByRole('link', { name: /taint what-if/ }).first();
  assert.match(
    (await whatIf.getAttribute('href')) ?? '',
    /\/windows-readiness\?view=pools&cluster=aks-neu-modern&pool=npwin2&addTaint=sku%3Dwin%3ANoSchedule$/,
  );
  await page.screenshot({
    path: join(SCREENSHOTS, 'nodepool-created.png'),
    fullPage: true,
  });
});

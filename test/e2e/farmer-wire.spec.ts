import { expect, test } from "@playwright/test";
import { FERMIER } from "./farmer-support.ts";
import { logIn } from "./support.ts";

// Light on a rural line: the farmer's home without the questionnaire library or the charts,
// precompressed, hashed assets cached for good; its size and its time on a slow link are printed.

const LINK_BITS_PER_SECOND = 1_600_000;
const ROUND_TRIP_MS = 150;
const HOME_BUDGET_BYTES = 200 * 1024;

test("the farmer's home weighs at most 200 KB gzip; its time on a 1.6 Mbit/s link is measured", async ({
  browser,
  request,
}) => {
  const phone = { locale: "fr-BE", viewport: { width: 360, height: 760 }, isMobile: true, hasTouch: true };
  const login = await browser.newContext(phone);
  await logIn(await login.newPage(), FERMIER, { locale: "fr" });
  const storageState = await login.storageState();
  await login.close();

  // A first visit: empty cache, no service worker yet, the link throttled.
  const context = await browser.newContext({ ...phone, storageState, serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: ROUND_TRIP_MS,
    downloadThroughput: LINK_BITS_PER_SECOND / 8,
    uploadThroughput: LINK_BITS_PER_SECOND / 8,
  });
  let transferred = 0;
  cdp.on("Network.loadingFinished", (event) => {
    transferred += event.encodedDataLength;
  });
  const paths: string[] = [];
  page.on("request", (r) => paths.push(new URL(r.url()).pathname));

  const started = Date.now();
  await page.goto("/farmer");
  // Interactive: the farm's data is there and its next step can be tapped.
  const action = page.getByRole("link", {
    name: /^(Commencer le monitoring|Continuer le monitoring|Voir l'accusé de réception)$/,
  });
  await expect(action).toBeVisible();
  await expect(action).toBeEnabled();
  const interactiveMs = Date.now() - started;

  const statics = [...new Set(paths.filter((p) => p === "/farmer" || p.startsWith("/assets/")))];
  expect(statics.filter((p) => /survey|MonitorPage|ReceiptPage|ResultsPage|figures/.test(p))).toEqual([]);

  // What a browser that accepts gzip only receives for each of them.
  let gzipBytes = 0;
  for (const path of statics) {
    const response = await request.get(path, { headers: { "accept-encoding": "gzip" } });
    expect(response.ok()).toBe(true);
    gzipBytes += Number(response.headers()["content-length"] ?? (await response.body()).length);
  }
  const asset = statics.find((p) => p.endsWith(".js")) ?? "";
  const brotli = await request.get(asset, { headers: { "accept-encoding": "br, gzip" } });
  expect(brotli.headers()["content-encoding"]).toBe("br");
  expect(brotli.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");

  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  console.log(
    `farmer home: ${statics.length} static files, ${kb(gzipBytes)} KB gzip; ${kb(transferred)} KB transferred (as the browser asked for it, API answers included); interactive after ${interactiveMs} ms at ${LINK_BITS_PER_SECOND / 1e6} Mbit/s and ${ROUND_TRIP_MS} ms round trip`,
  );
  test
    .info()
    .annotations.push({ type: "farmer home", description: `${kb(gzipBytes)} KB gzip, ${interactiveMs} ms` });
  expect(gzipBytes).toBeLessThanOrEqual(HOME_BUDGET_BYTES);
  await context.close();
});

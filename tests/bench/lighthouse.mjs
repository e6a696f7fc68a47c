// Lighthouse (mobile, the default form factor) on every URL given, in one Chromium:
//   node lighthouse.mjs <chromium> <url>...
// prints one JSON line per URL: {"url", "performance" (0-100), "cls"}.
// Only the five audits the performance score is made of are run, without the full-page
// screenshot: the score is the same (every other audit weighs 0) and a run is faster.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import defaultConfig from "lighthouse/core/config/default-config.js";

const SCORED = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                "cumulative-layout-shift", "speed-index"];
const weighted = defaultConfig.categories.performance.auditRefs
  .filter((ref) => ref.weight > 0).map((ref) => ref.id);
if ([...weighted].sort().join() !== [...SCORED].sort().join()) {
  throw new Error(`the performance score is made of ${weighted}, not only of ${SCORED}`);
}
const [chromePath, ...urls] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
});
try {
  for (const url of urls) {
    const result = await lighthouse(url, {
      port: chrome.port, onlyCategories: ["performance"], output: "json", logLevel: "error",
      onlyAudits: SCORED, disableFullPageScreenshot: true,
    });
    const lhr = result.lhr;
    console.log(JSON.stringify({
      url,
      performance: Math.round(lhr.categories.performance.score * 100),
      cls: lhr.audits["cumulative-layout-shift"].numericValue,
      error: lhr.runtimeError ? lhr.runtimeError.message : null,
    }));
  }
} finally {
  await chrome.kill();
}

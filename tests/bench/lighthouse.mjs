// Lighthouse (mobile, the default form factor) on every URL given, in one Chromium:
//   node lighthouse.mjs <chromium> <url>...
// prints one JSON line per URL: {"url", "performance" (0-100), "cls"}.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

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

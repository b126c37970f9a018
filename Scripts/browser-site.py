#!/usr/bin/env python3
"""The published site (`followup publish`) in a real browser.

Builds the demo database, adds a Universal Periodic Review (a Working Group report and the
State's addendum, from the test fixtures, in English), publishes the site, serves it as a
static host would (Python's http.server) and drives headless Chromium through Selenium:
open the index, follow a document to a recommendation, search in Chinese and in English,
switch language (Arabic reads right to left), download a CSV; then the same pages from the
folder itself (file://). Every page visited is audited with axe-core (WCAG 2 A and AA rules and its best practices):
any violation fails. With --screenshots DIR, writes the screenshots docs/publishing.md shows.

Usage: Scripts/browser-site.py --bin DIR --axe axe.min.js [--screenshots DIR]
Prints "browser site: all steps passed" and exits 0, or says which step failed and exits 1.
"""
import argparse, functools, http.server, json, os, shutil, subprocess, sys, tempfile, threading, time
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

parser = argparse.ArgumentParser()
parser.add_argument("--bin", required=True, help="the folder of the followup executable")
parser.add_argument("--axe", required=True, help="axe-core's axe.min.js")
parser.add_argument("--screenshots", help="write screenshots into this folder")
args = parser.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
fixtures = os.path.join(root, "Tests", "FollowUpKitTests", "Fixtures", "upr")
axe_source = open(args.axe, encoding="utf-8").read()
followup = os.path.join(os.path.abspath(args.bin), "followup")
work = tempfile.mkdtemp(prefix="followup-site-")
step = "setting up"


def fail(message):
    print(f"browser site: FAILED at {step}: {message}")
    sys.exit(1)


def run(*arguments):
    result = subprocess.run([followup, *arguments], cwd=work, capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"followup {' '.join(arguments)} exited {result.returncode}: {result.stderr}")
    return result.stdout


database = os.path.join(work, "followup-demo", "followup.sqlite")
run("demo")
for name in ["A_HRC_28_15.txt", "A_HRC_28_15_Add.1.txt"]:
    run("import", "document", os.path.join(fixtures, name), "--database", database)
site = os.path.join(work, "site")
run("publish", "-o", site, "--database", database, "--as-of", "2026-12-01")

# The site as a static host serves it.
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *arguments):
        pass


handler = functools.partial(Quiet, directory=site)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_address[1]}/"

downloads = os.path.join(work, "downloads")
os.makedirs(downloads)
options = webdriver.ChromeOptions()
for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--lang=en"]:
    options.add_argument(flag)
options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_page_load_timeout(60)
audited = []


def audit():
    """axe-core on the page: WCAG 2 A and AA rules; any violation fails the step."""
    driver.execute_script(axe_source)
    driver.set_script_timeout(60)
    result = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'best-practice']}})"
        ".then(function (r) { done(JSON.stringify(r.violations.map(function (v) {"
        "  return {id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); })};"
        "}))); }, function (e) { done(JSON.stringify([{id: 'axe failed', impact: String(e), nodes: []}])); });")
    violations = json.loads(result)
    if violations:
        fail(f"accessibility violations on {driver.current_url}: {violations}")
    audited.append(driver.current_url)


def shot(name):
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
        driver.execute_script("window.scrollTo(0, 0)")
        height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 1300)")
        driver.set_window_size(1280, max(900, height))
        driver.save_screenshot(os.path.join(args.screenshots, name))
        driver.set_window_size(1280, 900)


def wait_for(condition, what):
    try:
        return WebDriverWait(driver, 20).until(condition)
    except Exception:
        fail(f"waited in vain for {what} on {driver.current_url}")


try:
    step = "the audit itself"
    # A page with a known violation (an image without a text alternative) must be caught, or the
    # audit below proves nothing.
    driver.get("data:text/html;charset=utf-8,<!DOCTYPE html><html lang=en><title>t</title><main><h1>t</h1><img src=x.png></main></html>")
    driver.execute_script(axe_source)
    caught = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document).then(function (r) { done(r.violations.map(function (v) { return v.id; })); });")
    if "image-alt" not in caught:
        fail(f"axe-core did not catch an image without alt (found {caught})")

    step = "the index"
    driver.get(base + "index.html")
    audit()
    driver.find_element(By.LINK_TEXT, "English").click()
    wait_for(lambda d: d.current_url.endswith("/en/index.html"), "the English index")
    if "What is tracked" not in driver.find_element(By.TAG_NAME, "h1").text:
        fail("the English index has no 'What is tracked' heading")
    audit()
    shot("site-index.png")

    step = "a document, then one of its recommendations"
    driver.find_element(By.LINK_TEXT, "E/2020/31").click()
    wait_for(lambda d: "/en/documents/" in d.current_url, "the document's page")
    if "E/2020/31" not in driver.find_element(By.TAG_NAME, "h1").text:
        fail("the document page's heading does not name E/2020/31")
    audit()
    links = driver.find_elements(By.CSS_SELECTOR, "main table a[href*='recommendations/']")
    if not links:
        fail("the document page links to no recommendation")
    key = links[0].text
    links[0].click()
    wait_for(lambda d: "/en/recommendations/" in d.current_url, "a recommendation's page")
    heading = driver.find_element(By.TAG_NAME, "h1").text
    if key not in heading:
        fail(f"followed '{key}' but the page is '{heading}'")
    audit()

    step = "a recommendation with accepted progress"
    driver.get(base + "en/actors/KEN.html")
    audit()
    shot("site-country.png")
    reported = [a for a in driver.find_elements(By.CSS_SELECTOR, "main table a[href*='recommendations/']")]
    if not reported:
        fail("Kenya's page links to no recommendation")
    driver.get(base + "en/recommendations/E-2020-31-DR-II-a-v.html")
    body = driver.find_element(By.TAG_NAME, "main").text
    for words in ["Where each actor stands", "Progress entries (accepted)", "KEN"]:
        if words not in body:
            fail(f"the recommendation page lacks '{words}'")
    audit()
    shot("site-recommendation.png")

    step = "search in Chinese"
    driver.get(base + "zh/search.html")
    box = driver.find_element(By.ID, "q")
    box.send_keys("数字鸿沟")
    box.submit()
    count = wait_for(lambda d: d.find_element(By.ID, "result-count"), "the result count")
    results = driver.find_elements(By.CSS_SELECTOR, "ol.results li a")
    if not results or not count.text.startswith(str(len(results))):
        fail(f"searching 数字鸿沟 found {len(results)} results, count '{count.text}'")
    marks = driver.find_elements(By.CSS_SELECTOR, "ol.results mark")
    if not marks or marks[0].text != "数字鸿沟":
        fail("the Chinese results do not mark the word found")
    audit()
    shot("site-search-zh.png")
    results[0].click()
    wait_for(lambda d: "/zh/recommendations/" in d.current_url, "a result's page")

    step = "search in English"
    driver.get(base + "en/search.html?q=" + "Roma%20community")
    wait_for(lambda d: d.find_element(By.ID, "result-count"), "the result count")
    results = driver.find_elements(By.CSS_SELECTOR, "ol.results li a")
    if not results:
        fail("searching 'Roma community' found nothing")
    for result in driver.find_elements(By.CSS_SELECTOR, "ol.results li")[:5]:
        # Every word, anywhere in the text (the snippet shows the text around the first).
        if "roma" not in result.find_element(By.TAG_NAME, "mark").text.lower():
            fail(f"a result does not mark the word: {result.text[:200]}")
    driver.get(base + "en/search.html?q=" + "zzzqqq")
    count = wait_for(lambda d: d.find_element(By.ID, "result-count"), "the result count")
    if "No recommendation" not in count.text:
        fail(f"a search for nothing says '{count.text}'")
    audit()

    step = "the Universal Periodic Review matrix"
    driver.get(base + "en/index.html")
    driver.find_element(By.CSS_SELECTOR, "main a[href^='upr/']").click()
    wait_for(lambda d: "/en/upr/" in d.current_url, "the review's page")
    audit()

    step = "switching language"
    driver.get(base + "en/recommendations/E-2020-31-DR-II-a-v.html")
    driver.find_element(By.CSS_SELECTOR, "nav.languages a[lang=ar]").click()
    wait_for(lambda d: "/ar/recommendations/" in d.current_url, "the Arabic page")
    html = driver.find_element(By.TAG_NAME, "html")
    if html.get_attribute("dir") != "rtl" or html.get_attribute("lang") != "ar":
        fail("the Arabic page is not right to left")
    if "كينيا" not in driver.find_element(By.TAG_NAME, "main").text:
        fail("the Arabic page does not name Kenya كينيا")
    # Nothing off the page's edge: a right-to-left page scrolls to what sits far to the left.
    width = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if width > 1:
        fail(f"the Arabic page scrolls sideways by {width} px")
    # On a phone, tables become cards and their headers leave the screen: not off the page's edge.
    driver.set_window_size(390, 900)
    driver.refresh()
    width = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    driver.set_window_size(1280, 900)
    if width > 1:
        fail(f"the Arabic page on a phone scrolls sideways by {width} px")
    audit()
    shot("site-arabic.png")
    driver.find_element(By.CSS_SELECTOR, "nav.languages a[lang=zh]").click()
    wait_for(lambda d: "/zh/recommendations/" in d.current_url, "the Chinese page")
    if "各行为方的落实状态" not in driver.find_element(By.TAG_NAME, "main").text:
        fail("the Chinese page's headings are not in Chinese")

    step = "downloading a CSV"
    driver.get(base + "en/actors.html")
    audit()
    driver.find_element(By.CSS_SELECTOR, "section.downloads a[href$='.csv']").click()
    path = os.path.join(downloads, "actors.csv")
    deadline = time.time() + 20
    while not os.path.exists(path) and time.time() < deadline:
        time.sleep(0.2)
    if not os.path.exists(path):
        fail(f"no actors.csv downloaded (found {os.listdir(downloads)})")
    header = open(path, encoding="utf-8-sig").readline().strip()
    if not header.startswith("Actor,Name,Kind"):
        fail(f"the CSV's header is '{header}'")

    step = "the site from its folder (file://)"
    driver.get("file://" + os.path.join(site, "zh", "search.html") + "?q=%E6%95%B0%E5%AD%97%E9%B8%BF%E6%B2%9F")
    wait_for(lambda d: d.find_element(By.ID, "result-count"), "the result count from a folder")
    if not driver.find_elements(By.CSS_SELECTOR, "ol.results li a"):
        fail("search from the folder found nothing")
    driver.find_elements(By.CSS_SELECTOR, "ol.results li a")[0].click()
    wait_for(lambda d: "/zh/recommendations/" in d.current_url, "a result's page from the folder")

    step = "the audit and the site map"
    for page in ["en/audit.html", "en/groups.html", "en/sitemap.html", "fr/groups/LDC.html"]:
        driver.get(base + page)
        audit()
finally:
    driver.quit()
    server.shutdown()
    shutil.rmtree(work, ignore_errors=True)

print(f"browser site: {len(audited)} pages audited with axe-core (WCAG 2 A and AA, best practices), none with a violation")
print("browser site: all steps passed")

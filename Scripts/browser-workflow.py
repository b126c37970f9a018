#!/usr/bin/env python3
"""Drives the web application in headless Chromium, as its users would (Selenium + chromedriver).

    /usr/bin/python3 Scripts/browser-workflow.py --bin .build/debug [--screenshots docs/images]

Makes a scratch database (followup init) with a focal point and a validator for Kenya, starts
`followup serve` on a free loopback port, then: the focal point logs in, opens a recommendation
from "My recommendations", records progress in the form and submits it; the validator logs in,
finds it in the review queue and accepts it; the follow-up report then shows the entry. Checks
each step, prints one line per step, exits non-zero on the first failure. With --screenshots,
saves the pages at 1280 px.
"""
import argparse, os, re, shutil, socket, subprocess, sys, tempfile, time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

PASSWORDS = {"amina": "a long passphrase", "otieno": "another passphrase"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True, help="the folder holding followup and followup-server")
    parser.add_argument("--screenshots", help="a folder to save screenshots in")
    args = parser.parse_args()
    followup = os.path.join(os.path.abspath(args.bin), "followup")
    scratch = tempfile.mkdtemp(prefix="followup-browser-")
    database = os.path.join(scratch, "followup.sqlite")
    env = dict(os.environ, FOLLOWUP_DATABASE=database)
    subprocess.run([followup, "init"], env=env, check=True, capture_output=True)
    subprocess.run([followup, "users", "add", "amina", "--role", "focal-point", "--actor", "KEN",
                    "--password-file", "-"], env=env, input=PASSWORDS["amina"] + "\n", text=True, check=True,
                   capture_output=True)
    subprocess.run([followup, "users", "add", "otieno", "--role", "validator", "--actor", "KEN",
                    "--password-file", "-"], env=env, input=PASSWORDS["otieno"] + "\n", text=True, check=True,
                   capture_output=True)
    port = free_port()
    server = subprocess.Popen([followup, "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                 f"--user-data-dir={scratch}/profile"]:
        options.add_argument(flag)
    if shutil.which("chromium"):
        options.binary_location = shutil.which("chromium")
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    browser = None
    try:
        deadline = time.time() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    raise SystemExit(f"the server did not start: {server.stdout.read() if server.poll() is not None else 'timeout'}")
                time.sleep(0.2)
        browser = webdriver.Chrome(options=options, service=service)
        browser.implicitly_wait(15)

        def shot(name):
            if args.screenshots:
                os.makedirs(args.screenshots, exist_ok=True)
                browser.save_screenshot(os.path.join(args.screenshots, name))

        def check(condition, step):
            # A click starts a navigation; give the new page up to 30 s (the test suite loads the machine).
            deadline = time.time() + 30
            while callable(condition) and not condition() and time.time() < deadline:
                time.sleep(0.1)
            if not (condition() if callable(condition) else condition):
                raise SystemExit(f"FAILED: {step} (at {browser.current_url})")
            print(f"ok: {step}")

        def log_in(name):
            browser.get(base + "/login")
            browser.find_element(By.NAME, "name").send_keys(name)
            browser.find_element(By.NAME, "password").send_keys(PASSWORDS[name])
            browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            check(lambda: browser.current_url.endswith("/my"), f"{name} logs in and lands on My recommendations")

        log_in("amina")
        shot("server-my-recommendations.png")
        rows = browser.find_elements(By.CSS_SELECTOR, "main table tbody tr")
        check(len(rows) > 10, f"My recommendations lists what binds Kenya ({len(rows)} rows)")
        link = browser.find_element(By.PARTIAL_LINK_TEXT, "DR-II (a)(i)")
        key = link.text
        link.click()
        Select(browser.find_element(By.NAME, "status")).select_by_value("in-progress")
        browser.find_element(By.NAME, "note").send_keys("National broadband plan adopted <b>2026</b>")
        browser.find_element(By.NAME, "evidence").send_keys("https://example.org/ken-broadband")
        shot("server-record-progress.png")
        browser.find_element(By.XPATH, "//button[contains(., 'Submit for validation')]").click()
        check(lambda: "Submitted as #1" in browser.page_source, f"the focal point submits progress on {key}")
        check("awaiting review" in browser.page_source, "the submission shows as awaiting review")
        browser.find_element(By.XPATH, "//button[contains(., 'Log out')]").click()
        check(lambda: browser.current_url.endswith("/login"), "the focal point logs out")

        log_in("otieno")
        browser.find_element(By.LINK_TEXT, "Review queue").click()
        check(lambda: "National broadband plan adopted &lt;b&gt;2026&lt;/b&gt;" in browser.page_source,
              "the validator sees the submission in the queue, its markup escaped")
        shot("server-review-queue.png")
        browser.find_element(By.XPATH, "//button[contains(., 'Accept #1')]").click()
        check(lambda: "#1 accepted" in browser.page_source, "the validator accepts it")
        browser.get(base + "/report/document?symbol=E%2F2020%2F31")
        page = browser.page_source
        check("National broadband plan adopted" in page, "the follow-up report shows the accepted entry")
        shot("server-report.png")
        browser.get(base + "/queue")
        browser.find_element(By.LINK_TEXT, "中文").click()
        check(lambda: "审核队列" in browser.page_source and "我的建议" in browser.page_source,
              "the pages switch to Chinese from the header")
        browser.find_element(By.LINK_TEXT, "我的建议").click()
        check(lambda: "截止日期" in browser.page_source and "进行中" in browser.page_source,
              "the choice is remembered: My recommendations in Chinese, statuses too")
        shot("server-my-recommendations-zh.png")
        history = subprocess.run([followup, "history", key, "--actor", "KEN"], env=env, capture_output=True,
                                 text=True, check=True).stdout
        check("in progress" in history and "ken-broadband" in history, "the CLI's history shows the same entry")
        print("browser workflow: all steps passed")
    finally:
        if browser:
            browser.quit()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Load test of the web application with wrk: focal points submitting while readers read.

    python3 Scripts/load-test.py [--bin .build/release] [--focal-points 200] [--readers 20] [--seconds 60]

Builds nothing: run `swift build -c release` first (it builds followup, followup-server and
followup-floor-server). Makes a scratch database (followup init)
with N focal-point accounts (each for one Member State, round-robin) and a reader, starts
`followup serve` on a free loopback port, logs every account in (a session cookie and its CSRF
token each), then runs two wrk processes at once for the given time:

- N connections POSTing /submit, each request from the next focal point's session, for that
  focal point's State, on a recommendation that binds every Member State;
- R connections GETting /report/country?actor=KEN as the reader.

Prints requests/s, p50/p90/p99 latency and errors of each, and the check that matters: the
number of submissions the server acknowledged (303) equals the rows in the database
(entries lost: must be 0), and `followup check` passes afterwards.

Then, for the ratio of issue #27, the focal points submit alone for the same time, and the same
requests go to `followup-floor-server` (one Hummingbird route that inserts one row into SQLite
per request): the submit route's throughput beside the floor's. Each target is printed with its
verdict: >= 2,000 submissions/s with p99 <= 150 ms and >= 200 country reports/s at the same time,
and the submit route within 2x its floor.
"""
import argparse, concurrent.futures, json, os, re, shutil, socket, sqlite3, subprocess, sys, tempfile, time
import urllib.parse, urllib.request, http.cookiejar

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSWORD = "load test passphrase"
KEY = "E/2020/31 DR-I ¶49"  # binds every Member State (MEMBER-STATES)

SUBMIT_LUA = r"""
local sessions = dofile("%(sessions)s")
local index = 0
acknowledged = 0
others = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function request()
  index = index %% #sessions + 1
  local s = sessions[index]
  local body = "key=" .. s.key .. "&actor=" .. s.actor .. "&status=in-progress&asOf=2026-11-01&note=load+test&csrf=" .. s.csrf
  return wrk.format("POST", "/submit", {["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = s.cookie}, body)
end
function response(status, headers, body)
  if status == 303 then acknowledged = acknowledged + 1 else others = others + 1 end
end
function done(summary, latency, requests)
  local total, bad = 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("acknowledged")
    bad = bad + thread:get("others")
  end
  io.write(string.format("JSON {\"requests\": %%d, \"acknowledged\": %%d, \"other_status\": %%d, \"socket_errors\": %%d, \"seconds\": %%f, \"p50_ms\": %%f, \"p90_ms\": %%f, \"p99_ms\": %%f}\n",
    summary.requests, total, bad, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
"""

READ_LUA = r"""
local threads = {}
others = 0
function setup(thread) table.insert(threads, thread) end
function response(status, headers, body) if status ~= 200 then others = others + 1 end end
function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("others") end
  io.write(string.format("JSON {\"requests\": %%d, \"other_status\": %%d, \"socket_errors\": %%d, \"seconds\": %%f, \"p50_ms\": %%f, \"p90_ms\": %%f, \"p99_ms\": %%f}\n",
    summary.requests, bad, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port):
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)


def log_in(base, name):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    # The login form's token, in the page and in its cookie (the jar keeps the cookie).
    form = opener.open(base + "/login").read().decode()
    token = re.search(r'name="token" value="([0-9a-f]+)"', form).group(1)
    data = urllib.parse.urlencode({"name": name, "password": PASSWORD, "token": token}).encode()
    page = opener.open(base + "/login", data=data).read().decode()
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    cookie = next(c for c in jar if c.name == "followup_session")
    return f"followup_session={cookie.value}", csrf


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build/release"))
    parser.add_argument("--focal-points", type=int, default=200)
    parser.add_argument("--readers", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60)
    args = parser.parse_args()
    followup = os.path.join(args.bin, "followup")
    for tool in [followup, os.path.join(args.bin, "followup-server"), os.path.join(args.bin, "followup-floor-server")]:
        if not os.access(tool, os.X_OK):
            sys.exit(f"no {tool}: run 'swift build -c release' first, or pass --bin")
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    scratch = tempfile.mkdtemp(prefix="followup-load-")
    database = os.path.join(scratch, "followup.sqlite")
    env = dict(os.environ, FOLLOWUP_DATABASE=database)
    subprocess.run([followup, "init"], env=env, check=True, capture_output=True)
    states = [row["code"] for row in json.loads(subprocess.run(
        [followup, "actors", "--group", "MEMBER-STATES", "--format", "json"], env=env, check=True,
        capture_output=True, text=True).stdout)]
    accounts = [(f"fp{i:03d}", states[i % len(states)]) for i in range(args.focal_points)]
    started = time.time()

    def add(account):
        name, actor = account
        subprocess.run([followup, "users", "add", name, "--role", "focal-point", "--actor", actor,
                        "--password-file", "-"], env=env, input=PASSWORD + "\n", text=True, check=True,
                       capture_output=True)

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        list(pool.map(add, accounts))
    subprocess.run([followup, "users", "add", "reader", "--role", "reader", "--password-file", "-"], env=env,
                   input=PASSWORD + "\n", text=True, check=True, capture_output=True)
    print(f"setup: {len(accounts)} focal points and a reader in {time.time() - started:.0f} s")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([followup, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        wait_for(port)
        started = time.time()
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            sessions = list(pool.map(lambda account: log_in(base, account[0]), accounts))
        reader_cookie, _ = log_in(base, "reader")
        print(f"logins: {len(sessions)} in {time.time() - started:.0f} s (bcrypt, cost 12)")
        key = urllib.parse.quote(KEY, safe="")
        lua_sessions = os.path.join(scratch, "sessions.lua")
        with open(lua_sessions, "w") as f:
            f.write("return {\n")
            for (cookie, csrf), (_, actor) in zip(sessions, accounts):
                f.write(f'  {{cookie = "{cookie}", csrf = "{csrf}", actor = "{actor}", key = "{key}"}},\n')
            f.write("}\n")
        submit_script = os.path.join(scratch, "submit.lua")
        with open(submit_script, "w") as f:
            f.write(SUBMIT_LUA % {"sessions": lua_sessions})
        read_script = os.path.join(scratch, "read.lua")
        with open(read_script, "w") as f:
            f.write(READ_LUA % {})
        duration = f"{args.seconds}s"

        def submitting(url):
            return subprocess.Popen(["wrk", "-t1", f"-c{args.focal_points}", f"-d{duration}", "--timeout", "30s",
                                     "-s", submit_script, url + "/submit"], stdout=subprocess.PIPE, text=True)

        def result(process):
            return json.loads(re.search(r"^JSON (.*)$", process.communicate()[0], re.M).group(1))

        writers = submitting(base)
        readers = subprocess.Popen(["wrk", "-t1", f"-c{args.readers}", f"-d{duration}", "--timeout", "30s",
                                    "-s", read_script, "-H", f"Cookie: {reader_cookie}",
                                    base + "/report/country?actor=KEN"], stdout=subprocess.PIPE, text=True)
        write, read = result(writers), result(readers)
        alone = result(submitting(base))
    finally:
        server.terminate()
        server.wait(timeout=30)
    floor_port = free_port()
    floor_database = os.path.join(scratch, "floor.sqlite")
    floor_server = subprocess.Popen([os.path.join(args.bin, "followup-floor-server"), str(floor_port), floor_database],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(floor_port)
        floor = result(subprocess.Popen(
            ["wrk", "-t1", f"-c{args.focal_points}", f"-d{duration}", "--timeout", "30s", "-s", submit_script,
             f"http://127.0.0.1:{floor_port}/submit"], stdout=subprocess.PIPE, text=True))
    finally:
        floor_server.terminate()
        floor_server.wait(timeout=30)
    rows = sqlite3.connect(database).execute("SELECT count(*) FROM submission").fetchone()[0]
    check = subprocess.run([followup, "check"], env=env, capture_output=True, text=True)
    acknowledged = write["acknowledged"] + alone["acknowledged"]
    # Requests in flight when wrk stops are written but not counted as acknowledged: the database
    # may hold a few more than wrk saw, never fewer.
    lost = max(0, acknowledged - rows)
    def rate(outcome):
        return outcome["requests"] / outcome["seconds"]

    for label, outcome in [("submit (focal points), with the readers", write), ("report country (readers)", read),
                           ("submit (focal points), alone", alone), ("floor: one INSERT per request", floor)]:
        print(f"{label}: {rate(outcome):.0f} requests/s, "
              f"p50 {outcome['p50_ms']:.1f} ms, p90 {outcome['p90_ms']:.1f} ms, p99 {outcome['p99_ms']:.1f} ms, "
              f"errors {outcome['other_status'] + outcome['socket_errors']}")
    print(f"submissions acknowledged {acknowledged}, in the database {rows} "
          f"({rows - acknowledged} still in flight when wrk stopped): entries lost {lost}")
    print(f"followup check afterwards: {'passed' if check.returncode == 0 else 'FAILED'}")

    def verdict(met):
        return "met" if met else "MISSED"

    ratio = rate(floor) / rate(alone)
    print("targets (#27):")
    print(f"  >= 2,000 submissions/s for {args.focal_points} focal points with {args.readers} readers: "
          f"{rate(write):.0f}/s, {verdict(rate(write) >= 2000)}")
    print(f"  submit p99 <= 150 ms: {write['p99_ms']:.1f} ms, {verdict(write['p99_ms'] <= 150)}")
    print(f"  >= 200 country reports/s at the same time: {rate(read):.0f}/s, {verdict(rate(read) >= 200)}")
    print(f"  submit route <= 2x its floor: floor {rate(floor):.0f}/s, route alone {rate(alone):.0f}/s, "
          f"{ratio:.2f}x, {verdict(ratio <= 2)}")
    shutil.rmtree(scratch, ignore_errors=True)
    errors = sum(outcome["other_status"] + outcome["socket_errors"] for outcome in [write, read, alone, floor])
    sys.exit(0 if lost == 0 and errors == 0 and check.returncode == 0 else 1)

if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Tries FollowUp as an adversary would, from outside, and prints a tally.
#
#   Scripts/adversary.sh [path/to/followup]     (default: .build/debug/followup)
#
# Every case is an input FollowUp must refuse: a bad argument, a malformed or hostile file, a
# read-only or locked database, a full disk, tampering by SQL. For each it checks that the command
# exits non-zero with a plain message (no SQL, no stack trace, no escape sequence), that the
# database's content and the folder's files are exactly as before, that nothing crashed and
# nothing hung. Exits 1 unless every case passed. Needs sqlite3 and python3.
set -u
followup=$(realpath "${1:-.build/debug/followup}")
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; umount "$work/full" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
export FOLLOWUP_DATABASE="$work/db.sqlite" FOLLOWUP_BUSY_TIMEOUT=2
"$followup" init >/dev/null || { echo "adversary: 'followup init' failed"; exit 1; }
key="E/2020/31 DR-II (a)(v)"
esc=$'\e'
# A focal point's submissions, one reviewed: what the record journal must guard too.
for account in "amina focal-point" "otieno validator"; do
    set -- $account
    printf '%s\n' 'correct horse battery' | "$followup" users add "$1" --role "$2" --actor KEN --password-file - >/dev/null
done
"$followup" submit "$key" --account amina --actor KEN --status planned >/dev/null
"$followup" submit "$key" --account amina --actor KEN --status in-progress >/dev/null
"$followup" review accept 1 --account otieno >/dev/null

tried=0 clear=0 unchanged=0 crashes=0 hangs=0
failed=()
runner=() # a prefix for the command (runuser, for a read-only database)

state() { # the database's content and the folder's listing
    # (The database's own files change size when sqlite3 checkpoints the log: its dump is compared.)
    { sqlite3 "$FOLLOWUP_DATABASE" .dump 2>/dev/null; ls -l --time-style=+ "$work" victim | grep -v -e ' db\.sqlite' -e '^total'; } | sha256sum
}

# refuse NAME ARGS…: FollowUp must refuse, plainly, and change nothing.
refuse() {
    local name=$1; shift
    local before after code message ok=1
    tried=$((tried + 1))
    before=$(state)
    timeout 60 "${runner[@]}" "${runner_binary:-$followup}" "$@" >"$work/.out" 2>"$work/.err" </dev/null
    code=$?
    message=$(cat "$work/.err")
    after=$(state)
    if [ $code -eq 124 ]; then
        hangs=$((hangs + 1)); ok=0
    elif [ $code -ge 128 ] || grep -qE 'Fatal error|Illegal instruction|Segmentation' "$work/.err"; then
        crashes=$((crashes + 1)); ok=0
    fi
    if [ $code -ne 0 ] && [ $code -lt 124 ] && [ -n "$message" ] \
        && ! grep -qiE 'SQLite error|constraint failed|Fatal error|\(null\)' "$work/.err" \
        && ! grep -q "$esc" "$work/.err" "$work/.out"; then
        clear=$((clear + 1))
    else
        ok=0
    fi
    if [ "$before" = "$after" ]; then unchanged=$((unchanged + 1)); else ok=0; fi
    [ $ok -eq 1 ] || failed+=("$name (exit $code): $(head -c 300 "$work/.err")")
}

# Files for the matrix.
header="uid,key,actor,as_of,status,response,note,evidence_document,evidence_paragraph,evidence_url,reported_by,recorded_at,supersedes"
row() { printf '%s\n%s\n' "$header" "$1" >"$work/$2"; }
row "a1,$key,KEN,2021-02-30,planned,,,,,,,," bad-date.csv
row "a1,$key,KEN,0001-01-01,planned,,,,,,,," before-document.csv
row "a1,$key,KEN,2099-01-01,planned,,,,,,,," future.csv
row "a1,$key,Atlantis,2021-01-01,planned,,,,,,,," unknown-actor.csv
row "a1,$key,KEN,2021-01-01,finished,,,,,,,," unknown-status.csv
row "a1,$key,KEN,2021-01-01,planned,,,,,,,9999-99-99T99:99:99Z," bad-time.csv
row "$(printf 'u%.0s' {1..65}),$key,KEN,2021-01-01,planned,,,,,,,," long-uid.csv
row "a1,$key,KEN,2021-01-01,planned,,${esc}[31mred${esc}]0;T$(printf '\a'),,,,,," escape-note.csv
printf '%s\na1,%s,KEN,2021-01-01,planned,,"a\0b",,,,,,\n' "$header" "$key" >nul-note.csv
printf '%s\na1,%s,KEN,2021-01-01,"planned\n' "$header" "$key" >open-quote.csv
printf '%s\na1,%s,KEN\n' "$header" "$key" >short-row.csv
printf 'uid,colour\n' >unknown-column.csv
: >empty.csv
printf '{"uid":"j1","key":"%s","actor":"KEN","as_of":"2021-01-01","status":"planned","status":"implemented"}\n' "$key" >twice.jsonl
printf '{"uid":"j1",\n' >broken.jsonl
head -c 20000000 /dev/zero | tr '\0' 'a' >endless.csv
mkdir folder-input
mkfifo fifo-input
printf 'key,document,path,text,addressees,document_title,document_date,document_language\nZ/1 ¶1,Z/1,¶1,T,SG,Title,2020-01-01,xx\n' >bad-language.csv
printf 'key,document,path,text,addressees\nK1,E/2020/31,¶2000,One,SG\nK2,E/2020/31,¶2000,Two,SG\n' >one-paragraph-two-keys.csv
printf 'key,document,path,text,addressees,document_title,document_date\nZ/2 ¶1,Z/2,¶1,T,SG,Title,9999-12-31\n' >future-document.csv
printf 'hello\0world' >binary.txt
printf '\xff\xfe not utf-8\n' >latin1.txt
printf 'The General Assembly,\nRecalling its resolutions,\n' >preamble-only.txt
printf 'PK\3\4 fake docx' >fake.docx
printf '%%PDF-1.4 not really a pdf\n' >fake.pdf
echo "mine" >existing.txt
{ echo "$header"; for i in $(seq 1 20000); do echo "big-$i,$key,KEN,2021-01-01,planned,,a note long enough to fill pages of the log quickly,,,,,,"; done; } >large.csv
mkdir victim && echo keep >victim/keep.txt

# Arguments.
refuse "unknown key" update "E/2020/31 DR-I ¶9999" --actor KEN --status planned
refuse "actor not bound" update "E/2020/31 DR-I ¶90" --actor KEN --status planned
refuse "unknown actor" update "$key" --actor Atlantis --status planned
refuse "unknown status" update "$key" --actor KEN --status done
refuse "impossible date" update "$key" --actor KEN --status planned --as-of 2021-02-30
refuse "future date" update "$key" --actor KEN --status planned --as-of 2099-01-01
refuse "before the document" update "$key" --actor KEN --status planned --as-of 0001-01-01
refuse "escape in a note" update "$key" --actor KEN --status planned --note "${esc}[2Jcleared"
refuse "escape in a key" history "${esc}]0;TITLE$(printf '\a')"
refuse "no status or response" update "$key" --actor KEN
refuse "supersede an unknown entry" update "$key" --actor KEN --status planned --supersedes 999999
refuse "supersede another's entry" update "$key" --actor KEN --status planned --supersedes 1
refuse "update as html" update "$key" --actor KEN --status planned --format html
refuse "update as csv" update "$key" --actor KEN --status planned --format csv
refuse "update over an existing file" update "$key" --actor KEN --status planned -o existing.txt
refuse "update into a missing folder" update "$key" --actor KEN --status planned -o /nonexistent/x
refuse "report over a folder, forced" report country KEN -o victim --force
refuse "report over its own folder, forced" report country KEN -o "$work" --force
refuse "export to a device" export progress -o /dev/full --force
refuse "unknown country" report country Atlantis
refuse "unknown document" report document X/999
refuse "unknown format" report country KEN --format pdf
refuse "documents add in the future" documents add --symbol X/1 --title T --date 9999-12-31 --language en
refuse "documents add, empty symbol" documents add --symbol "" --title T --date 2020-01-01 --language en
refuse "documents add, existing symbol" documents add --symbol E/2020/31 --title T --date 2020-01-01 --language en
refuse "recs add, existing paragraph" recs add --document E/2020/31 --paragraph "DR-I ¶90" --text T --addressee SG
refuse "recs add as html" recs add --document E/2020/31 --paragraph "¶999" --text T --addressee SG --format html
refuse "max-size overflow" import document binary.txt --max-size 9223372036854775807
refuse "init as html" init --format html
refuse "database is a folder" report country KEN --database victim
refuse "missing database" report country KEN --database "$work/absent.sqlite"
# Files.
for file in bad-date before-document future unknown-actor unknown-status bad-time long-uid escape-note nul-note \
    open-quote short-row unknown-column empty endless; do
    refuse "import progress $file.csv" import progress "$file.csv"
done
refuse "import progress twice.jsonl" import progress twice.jsonl
refuse "import progress broken.jsonl" import progress broken.jsonl
refuse "import progress a folder" import progress folder-input
refuse "import progress a pipe" import progress fifo-input
refuse "import progress a device" import progress /dev/zero
refuse "import progress a missing file" import progress absent.csv
refuse "import recommendations, language xx" import recommendations bad-language.csv
refuse "import recommendations, two keys" import recommendations one-paragraph-two-keys.csv
refuse "import recommendations, future document" import recommendations future-document.csv
for file in binary.txt latin1.txt preamble-only.txt fake.docx fake.pdf empty.csv fifo-input folder-input; do
    refuse "import document $file" import document "$file"
done
refuse "import document, empty symbol" import document preamble-only.txt --symbol ""

# Issue #23: outputs that are the database, numbers out of range, limits, control characters.
ln -s db.sqlite link.sqlite && mkdir sub && ln db.sqlite hard.sqlite
refuse "export over the database, forced" export progress -o db.sqlite --force
refuse "html report over the database, forced" report country KEN --format html -o db.sqlite --force
refuse "update writing over the database" update "$key" --actor KEN --status planned -o db.sqlite --force
refuse "report over the -wal file" report country KEN -o db.sqlite-wal --force
refuse "report over a link to the database" report country KEN -o link.sqlite --force
refuse "report over a hard link to the database" report country KEN -o hard.sqlite --force
refuse "report over sub/../db.sqlite" report country KEN -o sub/../db.sqlite --force
refuse "backup over the database" backup db.sqlite --force
refuse "update with an empty -o" update "$key" --actor KEN --status planned -o ""
refuse "search --limit=-1" search a --limit=-1
refuse "search --limit huge" search a --limit 9223372036854775807
refuse "search --limit=min" search a --limit=-9223372036854775808
refuse "remind --within huge" remind --within 9223372036854775807d --dry-run
refuse "serve --port 99999" serve --port 99999
refuse "search of 10,000 words" search $(seq -f 'w%g' 1 10000)
for timeout in abc -1 1e99; do
    FOLLOWUP_BUSY_TIMEOUT=$timeout refuse "FOLLOWUP_BUSY_TIMEOUT=$timeout" report country KEN
done
refuse "recs add, escape in the text" recs add --document E/2020/31 --paragraph "¶950" --text "a${esc}[31mred" --addressee SG
refuse "recs edit, escape in --by" recs edit "$key" --add KEN --reason r --by "me${esc}]0;x"
refuse "update, C1 control in a note" update "$key" --actor KEN --status planned --note $'next\u0085line'
printf '%s\n' 'a long passphrase' >password.txt
refuse "users add, bidi override in the name" users add $'ad\u202Enimda' --role reader --password-file password.txt
refuse "an argument that is not UTF-8" search $'\xff\xfe'
printf 'uid,key,actor,as_of,status,note,note\nz1,%s,KEN,2021-01-01,planned,a,b\n' "$key" >twice-column.csv
refuse "import progress, a column twice" import progress twice-column.csv
{ printf 'key,document,path,text,addressees,addressed_as\n'; printf 'k%.0s' {1..100000}; printf ',E/2020/31,¶951,T,SG|KEN,the SG\n'; } >long-key.csv
refuse "import recommendations, a 100,000-character key" import recommendations long-key.csv
ln -s absent.csv dangling.csv && ln -s loop.csv loop.csv
refuse "import progress, a dangling link" import progress dangling.csv
refuse "import progress, a looping link" import progress loop.csv
sqlite3 foreign.sqlite "CREATE TABLE photos (id INTEGER PRIMARY KEY)"
refuse "init on another program's SQLite file" init --database foreign.sqlite
refuse "report on another program's SQLite file" report country KEN --database foreign.sqlite
# A Word file whose XML inflates to 200 MB from a few hundred KB.
python3 - <<'PY'
import zipfile
with zipfile.ZipFile("bomb.docx", "w", zipfile.ZIP_DEFLATED) as archive:
    with archive.open("word/document.xml", "w", force_zip64=True) as xml:
        xml.write(b"<w:document><w:body><w:p><w:r><w:t>")
        block = b"a" * (1 << 20)
        for _ in range(200):
            xml.write(block)
PY
refuse "import document, a decompression bomb" import document bomb.docx
# Memory: a flood on standard input, and the bomb, are refused within a bounded amount of memory.
peak() { # peak KB of a command fed from $1
    python3 - "$@" <<'PY'
import resource, subprocess, sys
feed, command = sys.argv[1], sys.argv[2:]
source = open(feed, "rb") if feed != "-" else subprocess.DEVNULL
subprocess.run(command, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
PY
}
memory=""
for case in "import document -" "users add flood --role reader --password-file -" "import questionnaire -"; do
    kb=$(peak /dev/zero "$followup" $case)
    [ "$kb" -lt 200000 ] || failed+=("2 GB on standard input, $case: peak $kb KB")
    memory+="${case%% -*}: $((kb / 1024)) MB; "
done
kb=$(peak - "$followup" import document bomb.docx)
[ "$kb" -lt 200000 ] || failed+=("decompression bomb: peak $kb KB")
memory+="bomb.docx: $((kb / 1024)) MB"
# A reader gone after the change was saved: exit 74 and the word that it was saved, not SIGPIPE.
"$followup" update "$key" --actor KEN --status planned --as-of 2021-02-01 2>"$work/.pipe" | (exec 0<&-; sleep 0.5)
pipe_code=${PIPESTATUS[0]}
pipe_ok=0
[ "$pipe_code" -eq 74 ] && grep -q "the change itself was saved" "$work/.pipe" && pipe_ok=1
[ $pipe_ok = 1 ] || failed+=("closed pipe after update: exit $pipe_code, $(head -c 200 "$work/.pipe")")

# A database the user may not write, as another user when run as root.
mkdir locked && "$followup" backup locked/db.sqlite >/dev/null && chmod 444 locked/db.sqlite && chmod 555 locked
as_other=()
other_followup="$followup"
if [ "$(id -u)" = 0 ] && command -v runuser >/dev/null; then
    as_other=(runuser -u nobody --); chmod 755 "$work"
    # The other user may not reach the binary where it was built (a clone in a private folder).
    cp "$followup" "$work/followup-copy" && chmod 755 "$work/followup-copy" && other_followup="$work/followup-copy"
fi
reads_ok=1
"${as_other[@]}" "$other_followup" report country KEN --database "$work/locked/db.sqlite" >/dev/null 2>&1 || reads_ok=0
runner=("${as_other[@]}") runner_binary="$other_followup"
refuse "write a read-only database" update "$key" --actor KEN --status planned --database "$work/locked/db.sqlite"
runner=() runner_binary=""
# A database another process is writing: readers read, writers wait and say so.
python3 - "$FOLLOWUP_DATABASE" "$followup" "$key" <<'EOF' >"$work/.locked" 2>&1
import sqlite3, subprocess, sys, time
db, followup, key = sys.argv[1:]
connection = sqlite3.connect(db, isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
connection.execute("UPDATE addressee SET nameEn = nameEn WHERE code = 'KEN'")
start = time.time()
read = subprocess.run([followup, "report", "country", "KEN"], capture_output=True)
print("read", read.returncode, round(time.time() - start, 2))
write = subprocess.run([followup, "update", key, "--actor", "KEN", "--status", "planned"], capture_output=True)
print("write", write.returncode, write.stderr.decode().strip())
connection.execute("ROLLBACK")
EOF
locked_ok=0
grep -q '^read 0' "$work/.locked" && grep -q '^write 75 error: another process is writing' "$work/.locked" && locked_ok=1
# A full disk, on a small tmpfs where this machine lets us mount one.
full_disk=""
mkdir full
if mount -t tmpfs -o size=4m tmpfs full 2>/dev/null; then
    cp "$FOLLOWUP_DATABASE" full/db.sqlite
    cp "$work/large.csv" full/large.csv
    cat /dev/zero >full/filler 2>/dev/null
    truncate -s -96K full/filler # room for the database's shared-memory file, not for the output
    for attempt in "export recommendations -o full/export.csv" "import progress full/large.csv"; do
        before=$(sqlite3 full/db.sqlite .dump | sha256sum)
        timeout 60 "$followup" $attempt --database full/db.sqlite >/dev/null 2>"$work/.full"
        code=$?
        after=$(sqlite3 full/db.sqlite .dump | sha256sum)
        if [ $code -ne 0 ] && [ $code -lt 124 ] && [ "$before" = "$after" ] && ! ls -a full | grep -q partial \
            && grep -q "disk is full" "$work/.full"; then
            full_disk+="${attempt%% *} refused (exit $code), unchanged, no partial file; "
        else
            full_disk+="${attempt%% *} FAILED (exit $code); "
            failed+=("full disk, $attempt: $(head -c 300 "$work/.full")")
        fi
    done
    umount full
fi
# Tampering by SQL: check must find each.
tampered=0 tamper_tried=0
tamper() {
    local name=$1 sql=$2 expected=$3
    tamper_tried=$((tamper_tried + 1))
    cp "$FOLLOWUP_DATABASE" tamper.sqlite && rm -f tamper.sqlite-wal tamper.sqlite-shm
    sqlite3 tamper.sqlite "$sql" 2>/dev/null
    if "$followup" check --database tamper.sqlite >"$work/.check" 2>&1; then
        failed+=("tamper: $name not found")
    elif grep -q "$expected" "$work/.check"; then tampered=$((tampered + 1)); else failed+=("tamper: $name: $(head -c 300 "$work/.check")"); fi
}
sqlite3 "$FOLLOWUP_DATABASE" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
tamper "REPLACE of an entry" "REPLACE INTO progressEntry(uid,assignmentId,asOf,status,recordedAt,hash) SELECT uid,assignmentId,asOf,'not-implemented','2021-08-01T00:00:00Z',hash FROM progressEntry WHERE id=5" log-tampered
tamper "edited status cache" "UPDATE assignmentState SET status='implemented' WHERE status IS NOT 'implemented'" state-stale
tamper "dropped trigger and edit" "DROP TRIGGER progressEntry_no_update; UPDATE progressEntry SET note='done' WHERE id=3" log-tampered
tamper "deleted entry" "DROP TRIGGER progressEntry_no_delete; DELETE FROM progressEntry WHERE id=7" log-tampered
tamper "reordered entries" "DROP TRIGGER progressEntry_no_update; UPDATE progressEntry SET id=-id WHERE id IN (8,9); UPDATE progressEntry SET id=17-(-id) WHERE id<0" log-tampered
no_delete=$(sqlite3 "$FOLLOWUP_DATABASE" "SELECT sql FROM sqlite_schema WHERE name = 'progressEntry_no_delete'")
tamper "newest entry deleted, trigger put back" "DROP TRIGGER progressEntry_no_delete; DELETE FROM progressEntry WHERE id=(SELECT max(id) FROM progressEntry); $no_delete;" log-truncated
tamper "recommendation text edited" "UPDATE recommendation SET text='Urges nothing' WHERE key='$key'" document-tampered
tamper "review flipped" "DROP TRIGGER review_no_update; UPDATE review SET decision='returned', comment='no', progressEntryId=NULL WHERE submissionId=1" review-tampered
tamper "review comment edited" "DROP TRIGGER review_no_update; UPDATE review SET comment='fine' WHERE submissionId=1" review-tampered
tamper "pending submission deleted" "DROP TRIGGER submission_no_delete; DELETE FROM submission WHERE id=2" submission-missing
tamper "correction added by hand" "INSERT INTO curation (recommendationKey, change, value, textHash, reason, curator, recordedAt) VALUES ('$key','class','declaratory','$(printf '0%.0s' {1..64})','r','me','2021-01-01T00:00:00Z')" curation-unjournaled
# The journal rewritten to match: only a head published before shows it.
head=$("$followup" check --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["journalHead"])')
tamper_tried=$((tamper_tried + 1))
cp "$FOLLOWUP_DATABASE" tamper.sqlite && rm -f tamper.sqlite-wal tamper.sqlite-shm
sqlite3 tamper.sqlite "DROP TRIGGER journal_no_delete; DELETE FROM journal WHERE id=(SELECT max(id) FROM journal);"
if "$followup" check --database tamper.sqlite --head "$head" 2>&1 | grep -q head-not-found; then tampered=$((tampered + 1)); else failed+=("tamper: journal rewritten, published head not checked"); fi

echo "adversary: tried $tried, clear errors $clear, database unchanged $unchanged, crashes $crashes, hangs $hangs"
echo "adversary: read-only database readable: $([ $reads_ok = 1 ] && echo yes || echo NO); locked database: reader not blocked, writer told: $([ $locked_ok = 1 ] && echo yes || echo NO)"
echo "adversary: full disk: ${full_disk:-skipped (this machine does not let us mount a tmpfs)}"
echo "adversary: tampering found by check: $tampered of $tamper_tried"
echo "adversary: peak memory under floods: $memory; closed pipe after a saved change: $([ $pipe_ok = 1 ] && echo "exit 74, said so" || echo "exit $pipe_code")"
for failure in "${failed[@]}"; do echo "  FAILED: $failure"; done
[ $tried -eq $clear ] && [ $tried -eq $unchanged ] && [ $crashes -eq 0 ] && [ $hangs -eq 0 ] \
    && [ $reads_ok = 1 ] && [ $locked_ok = 1 ] && [ $tampered -eq $tamper_tried ] && [ $pipe_ok = 1 ] \
    && [ ${#failed[@]} -eq 0 ]

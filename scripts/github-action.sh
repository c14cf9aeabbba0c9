#!/usr/bin/env bash
# The steps of the GitHub Action (action.yml at the repository root). Every input arrives in an
# environment variable, never spliced into the script, so a branch name or pull-request title
# cannot inject shell.
#
#   install   build diligence from the action's source (or use $DILIGENCE_BIN); output `bin`
#   run       `diligence audit` or `diligence diff` as SARIF and Markdown; outputs `exit-code`,
#             `sarif`, `markdown`
#   comment   post the Markdown report on the pull request, or update the comment posted before
#             (found by a hidden marker); needs `gh` and GH_TOKEN
#   verdict   exit with diligence's exit code, after the uploads
set -euo pipefail

out() { echo "$1=$2" >> "${GITHUB_OUTPUT:-/dev/null}"; }
marker='<!-- diligence-report -->'

case "${1:-}" in
install)
    if [ -n "${DILIGENCE_BIN:-}" ]; then
        out bin "$DILIGENCE_BIN"
        exit 0
    fi
    root="${RUNNER_TEMP:-/tmp}/diligence"
    cargo install --locked --quiet --path "$GITHUB_ACTION_PATH/crates/diligence" --root "$root"
    out bin "$root/bin/diligence"
    ;;
run)
    command="${DILIGENCE_COMMAND:-auto}"
    if [ "$command" = auto ]; then
        if [ "${EVENT_NAME:-}" = pull_request ]; then command=diff; else command=audit; fi
    fi
    dir="${DILIGENCE_DIR:-.}"
    # Extra arguments are split on spaces on purpose (an argument list, not a shell string).
    read -r -a extra <<< "${DILIGENCE_ARGS:-}"
    common=(--fail-on "${DILIGENCE_FAIL_ON:-high}" "${extra[@]}")
    case "$command" in
    audit) cmd=("$DILIGENCE" audit "$dir" "${common[@]}") ;;
    diff)
        if [ -z "${BASE_REF:-}" ]; then
            echo "diligence: diff needs a pull request (no base branch)" >&2
            exit 2
        fi
        git fetch --no-tags --quiet origin "$BASE_REF"
        cmd=("$DILIGENCE" diff FETCH_HEAD HEAD --dir "$dir" "${common[@]}")
        ;;
    *)
        echo "diligence: command must be audit, diff or auto" >&2
        exit 2
        ;;
    esac
    tmp="${RUNNER_TEMP:-/tmp}"
    sarif="$tmp/diligence.sarif"
    markdown="$tmp/diligence.md"
    set +e
    "${cmd[@]}" --format sarif --output "$sarif"
    code=$?
    # The second run reads the packuments, tarballs and verdicts the first one cached.
    "${cmd[@]}" --format markdown --output "$markdown"
    set -e
    out exit-code "$code"
    [ -s "$sarif" ] && out sarif "$sarif"
    [ -s "$markdown" ] && out markdown "$markdown"
    exit 0
    ;;
comment)
    body="${RUNNER_TEMP:-/tmp}/diligence-comment.md"
    { echo "$marker"; cat "$REPORT"; } > "$body"
    repo="repos/${GITHUB_REPOSITORY}"
    id="$(gh api --paginate "$repo/issues/$PR_NUMBER/comments" \
        --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -n 1)"
    if [ -n "$id" ]; then
        gh api --method PATCH "$repo/issues/comments/$id" -F "body=@$body" > /dev/null
    else
        gh api --method POST "$repo/issues/$PR_NUMBER/comments" -F "body=@$body" > /dev/null
    fi
    ;;
verdict)
    exit "${EXIT_CODE:-2}"
    ;;
*)
    echo "usage: $0 install|run|comment|verdict" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# Mutation testing with PIT over the modules that compute answers and keep records, and the
# score of each: killed (detected) mutants over all mutants, PIT's default mutators. Reports in
# MODULE/target/pit-reports/ (index.html, mutations.xml). Equivalent mutants, with reasons, are
# listed in docs/equivalent-mutants.md.
#
#   bench/mutation.sh                        # language, model, evaluator, store, app
#   bench/mutation.sh evaluator              # one module
#   bench/mutation.sh --scores-only          # print the scores of the last run again
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/jdk.sh"
cd "$root"
modules=language,model,evaluator,store,app
only=false
case "${1:-}" in
  --scores-only) only=true ;;
  "") ;;
  *) modules=$1 ;;
esac
if ! $only; then
  start=$(date +%s)
  ./mvnw -B -ntp -q install -DskipTests            # every module built and installed, nothing run
  ./mvnw -B -ntp -Pmutation -pl "$modules" test -DskipPitest=false \
    | grep -E "PIT >> (INFO : Found|ERROR)|Generated [0-9]+ mutations|Tests run: [0-9]+, F.*[^)]$|BUILD|ERROR\]" || true
  echo "took $(( $(date +%s) - start )) s"
fi
score() {   # FILE [CLASS-PREFIX]: "killed/total = NN.N%"
  awk -v prefix="${2:-}" '
    /<mutation / { m = $0; next_is = 1 }
    /<mutatedClass>/ { cls = $0; sub(/.*<mutatedClass>/, "", cls); sub(/<\/mutatedClass>.*/, "", cls)
                       if (prefix == "" || index(cls, prefix) == 1) { total++; if (m ~ /detected=.true./) killed++ } }
    END { if (total == 0) print "no mutants"; else printf "%d/%d = %.1f%%\n", killed, total, 100 * killed / total }' "$1"
}
for module in ${modules//,/ }; do
  report="$module/target/pit-reports/mutations.xml"
  [ -f "$report" ] || continue
  printf '%-10s %s\n' "$module" "$(score "$report")"
  case $module in
    model) printf '  %-22s %s\n' "time" "$(score "$report" dev.treaty.model.time.)" ;;
    evaluator)
      printf '  %-22s %s\n' "settle" "$(score "$report" dev.treaty.evaluator.settle.)"
      printf '  %-22s %s\n' "decide" "$(score "$report" dev.treaty.evaluator.decide.)" ;;
    store)
      printf '  %-22s %s\n' "audit chain" "$(score "$report" dev.treaty.store.AuditChain)"
      printf '  %-22s %s\n' "verify" "$(score "$report" dev.treaty.store.Verify)" ;;
  esac
done

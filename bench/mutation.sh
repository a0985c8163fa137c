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
  # PIT runs each module's tests itself, so surefire is not run first (test-compile, then the goal)
  ./mvnw -B -ntp -Pmutation -pl "$modules" test-compile org.pitest:pitest-maven:mutationCoverage \
    | grep -E "PIT >> (INFO : Found|ERROR)|Generated [0-9]+ mutations|Tests run: [0-9]+, F.*[^)]$|BUILD|ERROR\]" || true
  echo "took $(( $(date +%s) - start )) s"
fi
# MODULE [CLASS-PREFIX]: "killed/total = NN.N%". A mutant is identified by class, method, line,
# mutator and index; language mutants are also run against the model's tests (crossModule), and
# one killed in either run counts as killed.
score() {
  local module=$1 prefix=${2:-}
  local reports=("$module/target/pit-reports/mutations.xml")
  [ "$module" = language ] && [ -f model/target/pit-reports/mutations.xml ] && reports+=(model/target/pit-reports/mutations.xml)
  local own="dev.treaty.$module."
  awk -v prefix="${prefix:-$own}" '
    /<mutation / { m = $0 }
    /<mutatedClass>/ {
      line = $0; cls = line; sub(/.*<mutatedClass>/, "", cls); sub(/<\/mutatedClass>.*/, "", cls)
      if (index(cls, prefix) != 1) next
      key = line; gsub(/<mutation [^>]*>|<killingTest.*|<description>.*|<blocks>.*/, "", key)
      seen[key] = 1; if (m ~ /detected=.true./) killed[key] = 1
    }
    END { total = 0; k = 0; for (x in seen) { total++; if (x in killed) k++ }
          if (total == 0) print "no mutants"; else printf "%d/%d = %.1f%%\n", k, total, 100 * k / total }' "${reports[@]}"
}
for module in ${modules//,/ }; do
  report="$module/target/pit-reports/mutations.xml"
  [ -f "$report" ] || continue
  printf '%-10s %s\n' "$module" "$(score "$module")"
  case $module in
    model) printf '  %-22s %s\n' "time" "$(score model dev.treaty.model.time.)" ;;
    evaluator)
      printf '  %-22s %s\n' "settle" "$(score evaluator dev.treaty.evaluator.settle.)"
      printf '  %-22s %s\n' "decide" "$(score evaluator dev.treaty.evaluator.decide.)" ;;
    store)
      printf '  %-22s %s\n' "audit chain" "$(score store dev.treaty.store.AuditChain)"
      printf '  %-22s %s\n' "verify" "$(score store dev.treaty.store.Verify)" ;;
  esac
done

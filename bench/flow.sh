#!/usr/bin/env bash
# Detection on pyward's own data-flow corpus (rules/testdata/flow, written
# by gen.py from the APIs' behaviour): per sink family, the vulnerable
# cases flagged on their sink line (TPR), the safe near-misses flagged
# anywhere (FPR), and TPR - FPR. Cases the corpus marks `# known:` are
# counted here (TestFlowCorpus skips them).
#   bash bench/flow.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"
go test ./rules/ -run 'TestFlowCorpusRates$' -count=1 -v | sed -n 's/^ *flow_corpus_test.go:[0-9]*: //p'

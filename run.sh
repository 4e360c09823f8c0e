#!/usr/bin/env bash
# Start the dashboard on the bundled seed articles: http://localhost:${PORT:-8501}
set -euo pipefail
cd "$(dirname "$0")"
exec .venv/bin/python -m streamlit run dashboard.py --server.headless true \
  --browser.gatherUsageStats false --server.port "${PORT:-8501}" "$@"

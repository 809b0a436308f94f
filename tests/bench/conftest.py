import sys
from pathlib import Path

# The bench programs import each other as top-level modules (bench/ is their sys.path[0]).
BENCH = Path(__file__).resolve().parents[2] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

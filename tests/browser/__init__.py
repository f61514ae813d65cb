from pathlib import Path

# Where the browser tests leave screenshots and PDFs for people to look at (tests/artifacts/).
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"

"""The tables bench/run.py prints: every figure, its ratio to the baseline, the target, met or not."""

from dataclasses import dataclass, field


@dataclass
class Table:
    title: str
    headers: list
    rows: list = field(default_factory=list)

    def add(self, *cells):
        self.rows.append([_cell(cell) for cell in cells])

    def text(self):
        widths = [
            max(len(str(row[i])) for row in [self.headers, *self.rows]) for i in range(len(self.headers))
        ]
        lines = [self.title, "  ".join(h.ljust(w) for h, w in zip(self.headers, widths, strict=True))]
        lines.append("  ".join("-" * w for w in widths))
        lines += ["  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) for row in self.rows]
        return "\n".join(lines)

    def markdown(self):
        lines = [f"### {self.title}", "", "| " + " | ".join(self.headers) + " |"]
        lines.append("|" + "|".join("---" for _ in self.headers) + "|")
        lines += ["| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |" for row in self.rows]
        return "\n".join(lines)

    def verdicts(self):
        """(met, missed) among the rows that have a target."""
        marks = [row[-1] for row in self.rows]
        return marks.count("yes"), marks.count("NO")


def _cell(value):
    if value is True:
        return "yes"
    if value is False:
        return "NO"
    if value is None:
        return ""
    return value


def ratio(value, reference):
    return f"{value / reference:.2f}x" if reference else "n/a"


def number(value, decimals=0):
    return f"{value:,.{decimals}f}"


def megabytes(value):
    return f"{value / 1_000_000:.0f} MB"


def kilobytes(value):
    return f"{value / 1000:.1f} KB"

"""What an import did, told to the person who ran it: per type, how many were imported, updated,
left unchanged or skipped and why; what to check; missing files; the redirects made."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

OUTCOMES = ("imported", "updated", "unchanged", "skipped")
TYPES = ("post", "page", "video post", "image", "category", "tag", "author")
SHOWN_NOTES = 200


@dataclass
class Report:
    site: str = ""
    version: str = ""
    dry_run: bool = False
    counts: dict = field(default_factory=lambda: defaultdict(Counter))  # type → outcome → n
    reasons: dict = field(default_factory=lambda: defaultdict(Counter))  # type → reason → n
    notes: list = field(default_factory=list)  # sentences an editor should check
    content_notes: Counter = field(default_factory=Counter)  # what bodies lost, by kind
    missing_files: list = field(default_factory=list)
    redirects: Counter = field(default_factory=Counter)  # created / updated / unchanged / kept
    comments: int = 0

    def count(self, kind, outcome, reason=""):
        self.counts[kind][outcome] += 1
        if reason:
            self.reasons[kind][reason] += 1

    def note(self, item, message):
        self.notes.append(f"{item}: {message}")

    def missing(self, path):
        if path not in self.missing_files:
            self.missing_files.append(path)

    def total(self, outcome):
        return sum(counter[outcome] for counter in self.counts.values())

    def lines(self):
        head = f"WordPress import of {self.site or 'an unnamed site'} (WXR {self.version})"
        if self.dry_run:
            head += " — DRY RUN: nothing was saved"
        lines = [head, "", f"{'':14}" + "".join(f"{outcome:>11}" for outcome in OUTCOMES)]
        kinds = [kind for kind in TYPES if kind in self.counts] + sorted(set(self.counts) - set(TYPES))
        for kind in kinds:
            lines.append(f"{kind:14}" + "".join(f"{self.counts[kind][outcome]:>11}" for outcome in OUTCOMES))
        if any(self.reasons.values()):
            lines += ["", "Skipped, and why:"]
            for kind in kinds:
                for reason, number in sorted(self.reasons[kind].items()):
                    lines.append(f"  {kind}: {number} × {reason}")
        if self.content_notes:
            lines += ["", "In the bodies:"]
            lines += [f"  {number} × {what}" for what, number in sorted(self.content_notes.items())]
        if self.notes:
            lines += ["", f"To check ({len(self.notes)}):"]
            lines += [f"  - {note}" for note in self.notes[:SHOWN_NOTES]]
            if len(self.notes) > SHOWN_NOTES:
                lines.append(f"  … and {len(self.notes) - SHOWN_NOTES} more")
        if self.missing_files:
            lines += ["", f"Missing files ({len(self.missing_files)}), not found in the uploads folder:"]
            lines += [f"  - {path}" for path in self.missing_files[:SHOWN_NOTES]]
            if len(self.missing_files) > SHOWN_NOTES:
                lines.append(f"  … and {len(self.missing_files) - SHOWN_NOTES} more")
        redirects = self.redirects
        lines += [
            "",
            f"Redirects from old addresses: {redirects['created']} created, {redirects['updated']} updated, "
            f"{redirects['unchanged']} unchanged, {redirects['kept']} kept as an editor set them.",
            f"Comments: {self.comments} not imported (this site has no comments).",
        ]
        return lines

    def text(self):
        return "\n".join(self.lines())

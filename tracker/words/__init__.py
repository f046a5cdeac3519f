"""The sentences that describe a summary: one wording for `tracker stats`, the Trends screen
and the PDF report.

Headless (standard library and tracker.analysis only): the CLI and the Textual app both read
their words from here, so neither has to import the other. One job per module:
- `units`: counts with their nouns ("1 day", "3 days");
- `change`: the change from baseline (judged once in `analysis.change`), said in one wording
  on screen and on paper (`change_line`, `baseline_line`);
- `exercise`: exercise and pain: the day comparisons named as associations, the adjusted
  next-day comparison, moderate-equivalent minutes against the target over full weeks;
- `peg`: the PEG (its change in `change`'s sentence, no verdict) and the interference items;
- `summary`: `describe`, every sentence of `tracker stats`;
- `trends`: the same sentences grouped under the Trends screen's three charts;
- `medicines`: the medicines (regimen, each change before and after, adherence, as-needed use,
  side effects) for `tracker med`, the app and the report; names verbatim.
"""

from tracker.words.change import baseline_line, change_line
from tracker.words.summary import describe
from tracker.words.trends import (
    exercise_words,
    pain_words,
    peg_words,
    response_words,
    trends_words,
)

__all__ = [
    "baseline_line",
    "change_line",
    "describe",
    "exercise_words",
    "pain_words",
    "peg_words",
    "response_words",
    "trends_words",
]

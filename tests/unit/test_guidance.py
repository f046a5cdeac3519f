"""The guidance content: topics load and render, citations resolve, unconfirmed sources stay out,
the facts the fact sheet insists on are said, and `tracker guide` works on a real database."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.cli.guide import render_topic
from tracker.guidance import (
    evidence_types,
    get_topic,
    load_references,
    load_topics,
    messages,
    sources_text,
    topic_ids,
    topic_markdown,
)
from tracker.guidance.content import PLACEHOLDER, doors, parse_topic, surname, tip_texts
from tracker.guidance.render import for_app, for_app_markdown, for_cli

TOPICS = load_topics()
REFERENCES = load_references()
UNCONFIRMED = [ref for ref in REFERENCES.values() if not ref.confirmed]
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
#: The topics the issue asks for, by id.
REQUIRED_TOPICS = {"about", "why", "kinds", "starting", "safety", "numbers", "evidence"}


def rendered(topic) -> str:
    """The topic as a terminal shows it, at 80 columns, without colour."""
    out = io.StringIO()
    from rich.console import Console

    render_topic(topic, Console(file=out, width=80, color_system=None))
    return out.getvalue()


def flat(text: str) -> str:
    """Lower case, one space between words: for searching text that rich has wrapped."""
    return " ".join(text.lower().split())


def all_user_text() -> str:
    """Every sentence the guidance can show: topics (raw and rendered), sources and tips."""
    parts = [topic_markdown(topic) for topic in TOPICS]
    parts.append(sources_text(width=200))
    parts += [f"{tip['title']} {tip['text']}" for tip in tip_texts().values()]
    return "\n".join(parts)


# ---- topics -----------------------------------------------------------------------------------


def test_the_required_topics_exist_with_unique_ids():
    ids = topic_ids()
    assert set(ids) >= REQUIRED_TOPICS
    assert len(ids) == len(set(ids))
    assert "sources" not in ids  # `tracker guide sources` is the reference list


@pytest.mark.parametrize("topic", TOPICS, ids=lambda topic: topic.id)
def test_every_topic_renders_with_its_citations_at_the_end(topic):
    assert topic.title and topic.summary and topic.body.strip()
    text = flat(rendered(topic))
    assert flat(topic.title) in text
    assert "sources" in text and "not medical advice" in text
    for key in topic.cited_keys:
        reference = REFERENCES[key]
        assert flat(reference.short) in text
        if reference.link:
            assert reference.link.lower() in text.replace(" ", "")
    assert "[@" not in text  # every inline citation was expanded


def citation_problems(topic) -> list[str]:
    """What is wrong with a topic's citations: unknown or unconfirmed keys, or a mismatch
    between the keys cited in the text and those listed in the front matter."""
    problems = []
    for key in sorted(set(topic.sources) | set(topic.cited_keys)):
        if key not in REFERENCES:
            problems.append(f"unknown {key}")
        elif not REFERENCES[key].confirmed:
            problems.append(f"unconfirmed {key}")
    if set(topic.cited_keys) != set(topic.sources):
        problems.append("front matter and text cite different keys")
    return problems


def names_an_unconfirmed_reference(text: str) -> list[str]:
    """The unconfirmed references whose authors, DOI or title appear in `text`."""
    text = text.lower()
    found = []
    for ref in UNCONFIRMED:
        names = [surname(author).lower() for author in ref.authors]
        if (
            any(re.search(rf"\b{re.escape(name)}\b", text) for name in names)
            or ref.doi.lower() in text
            or ref.title.lower() in text
        ):
            found.append(ref.key)
    return found


@pytest.mark.parametrize("topic", TOPICS, ids=lambda topic: topic.id)
def test_every_citation_exists_is_confirmed_and_listed(topic):
    assert citation_problems(topic) == []


def test_the_four_unfound_references_are_marked_unconfirmed():
    assert {ref.key for ref in UNCONFIRMED} == {
        "vojta2017",
        "biondi2019",
        "fitzgerald2019",
        "meyer2021",
    }


def test_no_user_visible_text_names_an_unconfirmed_reference():
    assert names_an_unconfirmed_reference(all_user_text()) == []


def test_the_checks_catch_a_topic_that_cites_an_unconfirmed_reference():
    bad = parse_topic(
        '+++\nid = "x"\ntitle = "X"\nsummary = "x"\nsources = ["vojta2017"]\n+++\n'
        "Exercise builds new pathways, say Vojta et al. [@vojta2017; @nobody2020].\n"
    )
    assert citation_problems(bad) == [
        "unknown nobody2020",
        "unconfirmed vojta2017",
        "front matter and text cite different keys",
    ]
    assert names_an_unconfirmed_reference(bad.body) == ["vojta2017"]
    assert names_an_unconfirmed_reference("doi:10.1093/pm/pnaa278") == ["meyer2021"]


# ---- references -------------------------------------------------------------------------------


@pytest.mark.parametrize("ref", list(REFERENCES.values()), ids=lambda ref: ref.key)
def test_every_reference_is_complete(ref):
    assert ref.title and ref.journal
    assert ref.evidence in evidence_types()
    if ref.evidence != "popular":
        assert ref.year and ref.authors
        # A reference shows a DOI, PMC id or address, or its note says why it shows none.
        assert ref.link or "no DOI" in ref.note, f"{ref.key} has no DOI, PMC id or address"
        assert ref.volume and ref.pages


def test_kluding_is_cited_by_its_pmc_id_because_its_doi_is_not_confirmed():
    kluding = REFERENCES["kluding2012"]
    assert kluding.doi == "" and kluding.pmc == "PMC3436981"
    assert "PMC3436981" in kluding.link


def test_short_names_follow_the_author_count():
    assert REFERENCES["ghanbari2025"].short == "Ghanbari 2025"
    assert REFERENCES["leitzelar2021"].short == "Leitzelar & Koltyn 2021"
    assert REFERENCES["chen2012"].short == "Chen et al. 2012"
    assert REFERENCES["stubbs2019"].short == "Stubbs et al. 2019"
    assert surname("Hoeger Bement M") == "Hoeger Bement"


# ---- what the fact sheet insists on -----------------------------------------------------------


def test_the_hsp72_correction_is_made_wherever_hsp27_is_mentioned():
    corrected = 0
    for topic in TOPICS:
        body = topic.body.lower()
        if "27" in body and "heat shock" in body:
            assert "hsp72" in body, topic.id
            corrected += 1
    assert corrected >= 2
    assert "hsp72" in flat(get_topic("evidence").body) and "correction" in flat(
        get_topic("evidence").body
    )


def test_the_30_to_50_percent_figure_is_called_a_rat_figure_not_a_target():
    for topic in TOPICS:
        for paragraph in topic.body.split("\n\n"):
            if "30-50%" in paragraph:
                text = flat(paragraph)
                assert "rat" in text, topic.id
    assert "not a target for people" in flat(get_topic("numbers").body)


def test_no_grade_from_zhang_2021_is_shown():
    for topic in TOPICS:
        for paragraph in topic.body.split("\n\n"):
            if "@zhang2021" in paragraph:
                assert not re.search(r"\bgrade [a-e]\b", paragraph.lower()), topic.id
    assert "no grades" in flat(get_topic("evidence").body)


def test_evidence_strength_is_named_animal_pilot_review_and_popular():
    text = flat(get_topic("evidence").body) + flat(get_topic("why").body)
    for words in ("animal", "pilot", "review", "popular", "consensus", "randomised"):
        assert words in text


def test_the_stop_rules_say_they_need_a_clinicians_review():
    safety = flat(get_topic("safety").body)
    assert "not yet been reviewed by a clinician" in safety
    assert "chest pain" in safety and "bladder" in safety
    assert "review by a clinician" in flat(get_topic("about").body)


def test_the_safety_topic_covers_feet_footwear_wounds_and_balance():
    safety = flat(get_topic("safety").body)
    for words in ("before and after", "shoes", "ulcer", "weight off your feet", "hold"):
        assert words in safety


def paragraphs_citing(topic_id: str, key: str) -> list[str]:
    """The paragraphs and list items of a topic that cite `key`, flattened."""
    blocks = re.split(r"\n\s*\n|\n(?=- )", get_topic(topic_id).body)
    return [flat(block) for block in blocks if f"@{key}" in block]


def test_the_safety_topic_gives_the_ada_points_on_autonomic_neuropathy_and_retinopathy():
    """ADA 2016 (confirmed): effort rather than heart rate with autonomic neuropathy; no vigorous
    effort or heavy lifting with proliferative retinopathy. Each point carries the citation."""
    cited = " ".join(paragraphs_citing("safety", "colberg2016"))
    for words in ("heart rate", "effort you log", "heart should be checked"):
        assert words in cited
    for words in ("vigorous exercise", "heavy lifting", "retina"):
        assert words in cited
    assert "proliferative diabetic retinopathy" in flat(get_topic("safety").body)
    assert REFERENCES["colberg2016"].confirmed
    assert REFERENCES["colberg2016"].doi == "10.2337/dc16-1728"


def test_no_charcot_or_same_day_claim_without_a_confirmed_source():
    """The fact sheet confirms no source for 'a hot, red, swollen foot needs same-day care'
    (Charcot foot), so the guidance makes no such claim."""
    text = flat(all_user_text())
    for words in ("charcot", "same-day", "same day", "hot, red"):
        assert words not in text


def test_a_flare_is_not_promised_to_be_harmless():
    starting = flat(get_topic("starting").body)
    assert "does not mean the exercise is harming you" not in starting
    assert "does not necessarily mean" in starting and "rule that out" in starting


def test_the_numbers_topic_gives_the_immpact_and_farrar_thresholds():
    numbers = flat(get_topic("numbers").body)
    for words in ("30% or more", "50% or more", "about 2 points", "1 point", "interference"):
        assert words in numbers


def test_pacing_flares_and_the_time_it_takes_are_explained():
    starting = flat(get_topic("starting").body)
    for words in ("start small", "pacing", "flare", "8 to 12 weeks"):
        assert words in starting


def test_there_is_a_plain_not_medical_advice_statement():
    assert "not medical advice" in flat(get_topic("about").body)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside the repository")
def test_no_sentence_is_copied_from_the_seed_documents():
    """Own words: no run of 8 words from a seed document appears in the guidance.

    Reference titles and addresses are left out: quoting them is citing, not copying.
    """

    def shingles(text: str, size: int = 8) -> set[tuple[str, ...]]:
        words = re.findall(r"[a-z0-9%-]+", text.lower())
        return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}

    ours = all_user_text().lower()
    for ref in REFERENCES.values():
        for cited in (ref.title, ref.link, ref.doi):
            ours = ours.replace(cited.lower(), " ") if cited else ours
    ours = shingles(ours)
    for seed in sorted(SEEDS.glob("*.txt")):
        copied = ours & shingles(seed.read_text(encoding="utf-8"))
        assert not copied, f"copied from {seed.name}: {sorted(copied)[:3]}"


def test_the_guidance_imports_without_textual_or_rich():
    code = (
        "import sys, tracker.guidance as g; g.tips_for({}); g.topic_markdown(g.load_topics()[0]);"
        "bad = [m for m in ('textual', 'rich', 'plotext') if m in sys.modules]; print(bad)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# ---- the CLI ----------------------------------------------------------------------------------


def run(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), *args])


def test_guide_lists_the_topics_one_per_line_id_first(tmp_path):
    result = run(tmp_path / "t.db", "guide")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    for topic in TOPICS:
        assert any(line.startswith(f"{topic.id} ") and topic.title in line for line in lines)
    assert "tracker guide sources" in result.stdout


@pytest.mark.parametrize("topic_id", topic_ids())
def test_guide_topic_prints_it(tmp_path, topic_id):
    result = run(tmp_path / "t.db", "guide", topic_id.upper())
    assert result.exit_code == 0, result.output
    assert flat(get_topic(topic_id).title) in flat(result.stdout)
    assert "sources" in result.stdout.lower()


def test_guide_unknown_topic_is_a_usage_error_naming_the_known_ids(tmp_path):
    result = run(tmp_path / "t.db", "guide", "stretches")
    assert result.exit_code == 2
    assert "stretches" in result.stderr
    for topic_id in topic_ids():
        assert topic_id in result.stderr


def test_guide_sources_lists_confirmed_references_with_their_dois(tmp_path):
    result = run(tmp_path / "t.db", "guide", "sources")
    assert result.exit_code == 0, result.output
    for ref in REFERENCES.values():
        if ref.confirmed and ref.doi:
            assert ref.doi in result.stdout
    for ref in UNCONFIRMED:
        assert ref.doi not in result.stdout
    assert "PMC3436981" in result.stdout


@pytest.mark.parametrize("command", ["guide", "tips"])
def test_commands_and_options_have_help(tmp_path, command):
    result = run(tmp_path / "t.db", command, "--help")
    assert result.exit_code == 0
    ctx_command = cli.get_command(None, command)
    assert ctx_command.help
    for param in ctx_command.params:
        if param.param_type_name == "option":
            assert param.help, f"{command} {param.name} lacks help"


# ---- one text, worded per front door ----------------------------------------------------------


def all_guidance_texts() -> list[str]:
    """Every text that may hold a placeholder: topics, messages and each tip's strings."""
    texts = [topic.body for topic in TOPICS] + list(messages().values())
    for tip in tip_texts().values():
        texts += [value for value in tip.values() if isinstance(value, str)]
    return texts


def test_every_placeholder_names_a_real_topic_or_door():
    found = [m.groups() for text in all_guidance_texts() for m in PLACEHOLDER.finditer(text)]
    assert ("guide", "safety") in found and ("do", "pain") in found
    for kind, name in found:
        assert name in ([*topic_ids(), "sources"] if kind == "guide" else doors()), (kind, name)


def test_no_shell_command_is_written_outside_a_placeholder_where_the_app_shows_it():
    """Topics and tips are read in the app too: a shell command there must be a placeholder."""
    texts = [topic.body for topic in TOPICS]
    texts += [m for m in (messages()["topic_footer"], messages()["sources_intro"])]
    texts += [tip["text"] for tip in tip_texts().values()]
    for text in texts:
        assert "`tracker" not in text and "tracker guide" not in text, text[:60]


def test_each_door_words_a_guide_pointer_its_own_way():
    text = "See {guide:safety}, {guide:sources} and ({do:pain})."
    safety = get_topic("safety").title
    assert for_cli(text) == (
        "See `tracker guide safety`, `tracker guide sources` and (for example `tracker pain 5`)."
    )
    assert for_app(text) == f"See the Guide (g) > {safety}, the Guide (g) > Sources and (press p)."
    assert for_app_markdown(text) == (
        f"See [{safety}](guide:safety), [Sources](guide:sources) and (press p)."
    )


def test_the_cli_topic_keeps_its_shell_wording(tmp_path):
    result = run(tmp_path / "t.db", "guide", "about")
    assert result.exit_code == 0, result.output
    assert "tracker guide safety" in flat(result.stdout) and "tracker tips" in result.stdout
    assert "{guide" not in result.stdout and "{do" not in result.stdout
    assert "tracker guide evidence" in run(tmp_path / "t.db", "guide", "sources").stdout


def test_tracker_tips_keeps_its_shell_wording_in_text_and_json(tmp_path):
    text = run(tmp_path / "t.db", "tips").stdout  # no diary yet: the "nothing logged" tip
    assert "`tracker pain 5`" in text and "{do" not in text
    [tip] = json.loads(run(tmp_path / "t.db", "tips", "--json").stdout)
    assert "for example `tracker pain 5`" in tip["text"] and "{do" not in tip["text"]

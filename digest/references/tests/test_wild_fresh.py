"""The fresh wild sets are well-formed (issue 13 §3).

Each fresh set was collected while the parser was being tuned on the sets before it, from pages
none of them used, and held out until its honest figure was taken; from then on it is tuning
material (the bench lists its misses). wild_references_fresh.txt was collected after the parser
had been tuned on wild_references.txt; fresh2 and fresh3 the same way while all earlier sets
were tuned on; fresh4 weighted towards hand-typed APA (the old blog's kind of reference); fresh5
mostly hand-typed APA journal articles (what a clinician-editor types under a summary); fresh6
blind, about two thirds hand-typed APA (the stand-in for the old blog's acceptance set). All six
have had their held-out figures taken and are tuning material now; the checks below still keep
each of them apart from the sets collected before it. wild_references_fresh7.txt was collected
blind the same way while fresh6 was tuned on, from pages none of the eight earlier sets used,
about two thirds hand-typed APA, and is the held-out stand-in for this stop: nobody tunes on it.
wild_references_fresh8.txt was collected blind the same way while fresh7 was held out, from pages
none of the earlier sets used (fresh1-7 and the four training sets), refusing any string they
hold, about two thirds hand-typed APA; it is held out for the next change to the parser.
wild_references_fresh9.txt was collected blind the same way, at the same time as the tenth fresh
set (hosts n-z) and a fifth training set, from pages none of the earlier sets used (fresh1-8 and
the four training sets) and only from pages whose host name starts with a letter a-m, refusing
any string they hold; about two thirds hand-typed APA (145 strings from 30 pages), labelled by
hand without running the parser, and held out like fresh8.
wild_references_fresh10.txt was collected blind the same way, at the same time as the ninth
fresh set (hosts a-m) and a fifth training set, from pages none of the earlier sets used and
only from hosts whose name starts with n-z or a digit, refusing any string they hold, labelled
by hand without running the parser, the bench or the labeller on it; it was held out for the
labeller-first change. Both the ninth and the tenth had their held-out figures taken then and
are training material since the eleventh to thirteenth sets were collected to judge the next
change (labeller_training.TRAINING_SETS, the benches' folds).

wild_references_train1.txt is different: it was collected as training material for the learned
labeller (it is in labeller_training.TRAINING_SETS and the bench lists its misses), from pages
none of the eight earlier sets used and none of the seventh fresh set's addresses, refusing any
string they hold. make_wild.py still marks its items "fresh" (the mark only says they are not
part of the first set's seeded split); the structural checks below are the same as for the
held-out sets. wild_references_train2.txt is the second training set, collected the same way and
for the same use in a later session, from pages none of the ten earlier sets used (the first
training set included) and none of the seventh fresh set's addresses, refusing any string they
hold, weighted towards hand-typed APA journal articles (the old blog's kind) with about two fifths
in other styles; make_wild.py marks its items "fresh" too, and it is not held out.
wild_references_train3.txt is the third training set, collected the same way and for the same use
in a later session, from pages none of the earlier wild sets used (both training sets included)
and none of the seventh fresh set's addresses, refusing any string they hold, and only from hosts
whose name starts with a-m (a fourth training set takes n-z at the same time); make_wild.py marks
its items "fresh" too, and it is not held out.
wild_references_train4.txt is the fourth training set, collected the same way and for the same
use in a later session, from pages none of the earlier sets used (the first and second training
sets included) and none of the seventh fresh set's addresses, refusing any string they hold, and
only from pages whose host name starts with a letter n-z or a digit (a third training set,
collected at the same time by another engineer, takes the other pages; the lead checks the two
against each other at the merge). It is smaller than the earlier training sets (112 strings from
19 pages, about two thirds APA-like); make_wild.py marks its items "fresh" too, and it is not
held out.
wild_references_train5.txt is the fifth training set, collected the same way and for the same use
while the ninth and tenth fresh sets were being collected, from pages none of the earlier sets used
and none those two collectors claimed in the shared claims file (they had priority), refusing any
string an earlier set holds, from any host; it comes after them in the collection order. It is
smaller than aimed at (141 strings from 30 pages, 95 of them APA-like as practitioners, institutes
and reading lists type them, the rest in other styles as they came); make_wild.py marks its items
"fresh" too, and it is not held out.
wild_references_train6.txt is the sixth training set, collected the same way and for the same
use, from pages none of the earlier sets used (the fifth training set's and the ninth and tenth
fresh sets' claimed pages included), refusing any string they hold. With the `pages` corpus
nearly exhausted, most of it comes from public GitHub files found through the `code` corpus
(academics' publication pages, lab pages, R package documentation, course and book
bibliographies), each file counted as one page at its github.com address, at most eight strings
a file or a repository; about two thirds APA-like as academics type them, Markdown emphasis
kept in the strings. It is small (65 strings from 23 pages, after two repositories whose
bibliographies read as machine-written were dropped at the merge); make_wild.py marks its items
"fresh" too, and it is not held out.
wild_references_train7.txt is the seventh training set, collected the same way and for the same
use at the same time as an eighth (the two kept apart by the shared claims file: this one took
the GitHub owners whose name starts with a-m), from pages none of the earlier sets used, refusing
any string they hold, every page a public GitHub file read through the `code` corpus
(publication pages and CVs, lab and consortium pages, questionnaire READMEs, reading lists, a
student paper, book bibliographies), at most eight strings a repository, about two thirds
APA-like, HTML tags not kept (90 strings from 18 pages of 13 repositories, after four
repositories that read as machine-written were dropped at the merge); make_wild.py marks its
items "fresh" too, and it is not held out.
wild_references_train8.txt is the eighth training set, collected the same way and for the same
use at the same time as a seventh (which took GitHub owners a-m; this one took owners n-z
or a digit, the shared claims file keeping the two apart), from pages none of the earlier sets
used, refusing any string they hold: 135 strings from 51 GitHub files in 25 repositories (lab
and course pages, reading lists, task and questionnaire READMEs, R help pages in Rd and roxygen,
a reStructuredText bibliography), at most eight strings a repository; 95 APA-like as academics
type them, the rest NLM, Chicago author-date, linguistics and other styles. HTML is copied as the
text a browser shows; Rd and Markdown markup is kept; roxygen's "#' @references" and
reStructuredText's ".. [key]" are not. make_wild.py marks its items "fresh" too, and it is not
held out.
wild_references_train9.txt is the ninth training set, collected the same way and for the same use
while the eighth training set was being collected by another engineer (the shared claims file
kept the two apart), from pages and repositories none of the earlier sets used, refusing any
string they hold: 90 strings from 21 GitHub files in 20 repositories, at most eight a
repository, about three quarters APA-like as academics, clinicians and students type or paste
them (Markdown and HTML emphasis, footnote marks, pasted LaTeX CVs, reStructuredText escapes,
references broken over lines, chapters and books), a quarter in other styles (title-first
reading-list lines, MLA, Chicago, Harvard, Vancouver, Nature and Wiley citations); it
comes after the seventh and eighth in the collection order. make_wild.py marks its items
"fresh" too, and it is not held out.
wild_references_train10.txt is the tenth training set, collected the same way and for the same
use while an eleventh was being collected by another engineer (the shared claims file kept the
two apart), from pages none of the earlier sets used, refusing any string they hold, mostly from
the `pages` corpus (reference-list pages of citation indexes, journal and publisher pages with
their "how to cite" lines, PubMed-style headers, clinicians' and practices' hand-typed reading
lists, a drug magazine's and BMJ Best Practice's NLM lists, EPrints and Cambridge "cited by"
lines), at most ten strings a page; about half APA-like, half in other styles. It comes after
the ninth in the collection order; make_wild.py marks its items "fresh" too, and it is not held
out.
wild_references_train11.txt is the eleventh training set, collected the same way and for the
same use while a tenth training set was being collected by another engineer (the shared claims
file kept the two apart), from pages and repositories none of the earlier sets used, refusing
any string they hold, weighted towards other styles than APA (about two fifths: NLM and AMA
pastes, Chicago, MLA, Springer and Elsevier exports, R authors' own styles) and towards books
with editions, chapters with editors, reports and theses. Two syllabus pages come from the
`pages` corpus; the rest are public GitHub files read through the `code` corpus (R and Python
help pages in Rd and docstrings, a meta-analysis workshop's reference page, a
digital-psychiatry lab's publication list), at most eight strings a repository. make_wild.py
marks its items "fresh" too, and it is not held out.
wild_references_fresh11.txt was collected blind the same way, at the same time as a twelfth fresh
set (hosts n-z or a digit), after all eleven training sets, from pages none of the earlier sets
used and only from pages whose host name starts with a letter a-m, refusing any string they hold,
every page claimed in the shared claims file first: 139 strings from 28 pages of the `pages`
corpus, at most ten a page, 79 APA-like (hand-typed project, clinic and resource lists, publisher
lists with link residue) and 60 in other styles (a charity's mixed hand-typed list, Expert Review,
NLM, AMA, Chicago, Springer, Harvard, unpunctuated lists). Nobody ran the parser, the bench or
the labeller on it; it is held out for the next change to the parser.
wild_references_fresh12.txt was collected blind the same way, at the same time as the eleventh
fresh set (hosts and GitHub owners a-m; the shared claims file kept the two apart), from pages
none of the earlier sets used (fresh1-10 and the eleven training sets) and only from hosts whose
name starts with n-z or a digit (GitHub owners n-z), refusing any string they hold, labelled by
hand without running the parser, the bench or the labeller on it. It is small (58 strings from 11
pages: the `pages` corpus is nearly exhausted for that host range), about half APA-like and half
AMA, Vancouver and a citation index's short form; it is held out for the next change to the parser.
wild_references_fresh13.txt was collected blind the same way, while the eleventh fresh set (hosts
a-m) was still being collected and after the twelfth (hosts n-z) was finished, from pages of any
host that none of the earlier sets used (fresh1-10, the eleven training sets and the twelfth fresh
set) and that neither other collector had claimed in the shared claims file, refusing any string
they hold, labelled by hand without running the parser, the bench or the labeller on it. With the
psychotherapy pages mined out, it comes from neighbouring clinical fields (psychiatry, psychiatric
nursing, occupational therapy, social work, health psychology, addiction): 149 strings from 26
pages, at most ten a page, about three fifths APA-like (citation-index and publisher reference
lists, a thesis list typed with missing spaces, a clinicians' network's list, chapters, books and
reports) and the rest Vancouver, NLM, Wiley, BMJ Best Practice, the citation index's short form,
Springer, MLA and Harvard; it is held out for the next change to the parser.
wild_references_fresh14.txt was collected blind the same way at the same time as a fifteenth
fresh set, the shared claims file keeping the two apart: this one only from hosts whose name
(without "www.") starts with a-m, from pages none of the earlier sets used (fresh1-13, the
eleven training sets, the first wild set and the legacy pages), refusing any string they hold,
labelled by hand without running the parser, the bench or the labeller on it: 134 strings from
24 pages of neighbouring clinical fields (psychiatric nursing, stigma, social work, caregiving,
supported employment, digital mental health, the arts and animal-assisted therapies), at most ten
a page, about half APA-like (publisher reference pages and practitioners' hand-typed lists) and
the rest Vancouver, Cochrane, JMIR "cited by" lists, Springer, Harvard, EndNote's quoted titles
and BJPsych; it is held out for the next change to the parser.
wild_references_fresh15.txt was collected blind the same way, at the same time as a fourteenth
fresh set (hosts and GitHub owners a-m; the shared claims file kept the two apart), from pages
none of the earlier sets used (fresh1-13 and the eleven training sets) and only from hosts whose
name starts with n-z or a digit (GitHub owners n-z), refusing any string they hold, labelled by
hand without running the parser, the bench or the labeller on it: 152 strings from 30 pages, at
most ten a page and eight a repository, half APA-like (citation-index lists with DOI lines, a
hand-typed pressbook, Springer pages with link residue glued on, course outlines and reading
lists, code comments broken over lines) and half the citation index's short form, a scholar
hub's comma form, Springer author-date, NLM, AMA and a nursing journal's Harvard; it is held
out for the next change to the parser.
wild_references_train12.txt is the twelfth training set, collected the same way and for the same
use as the other training sets while a fifteenth fresh set was being collected and after a
fourteenth was finished (the shared claims file kept the three apart), from pages none of the
earlier sets used, refusing any string they hold, weighted towards other styles than APA: 136
strings from 23 pages of the `pages` corpus, at most ten a page, about two thirds in other styles
(Vancouver and BMC lines of citation indexes, a Chinese journal portal's GB/T lists, Cambridge's
author-date style, NLM, Chicago, AMA, Annual Reviews, Wikipedia citations, reports) and the rest
APA-like (a nursing textbook page broken over lines, hand-keyed publisher lists, counselling
journals); make_wild.py marks its items "fresh" too, and it is not held out.
The eleventh to thirteenth fresh sets had their held-out figures taken twice (before and after
labeller first, figures only) and are tuning and training material since the fourteenth and
fifteenth were collected to judge the next change (labeller_training.TRAINING_SETS, the benches'
folds, with the twelfth training set).
wild_references_fresh16.txt was collected blind the same way, at the same time as a seventeenth
fresh set (hosts and GitHub owners n-z or a digit; the shared claims file kept the two apart),
from pages none of the earlier sets used (fresh1-15 and the twelve training sets) and only from
hosts whose name starts with a-m (GitHub owners a-m), refusing any string they hold, labelled by
hand without running the parser, the bench or the labeller on it: 160 strings from 30 pages, at
most ten a page and eight a repository, half APA-like (a play-therapy library's entries with
empty cells, citation-index lists typed without commas, a chapter whose page ranges lost their
dash, Springer pages with link residue glued on, DOI lines under the string) and half Nature's
short form, Annual Reviews, Cambridge "cited by" lines, Wikipedia citations with guillemets, a
journal's style from a PDF converted in a GitHub file, Britannica's bibliography, Vancouver, AMA,
Springer, nursing Harvard and a Hungarian list; it is held out for the next change to the parser.
wild_references_fresh17.txt was collected blind the same way, at the same time as a sixteenth
fresh set (hosts and GitHub owners a-m; the shared claims file kept the two apart), from pages
none of the earlier sets used (fresh1-15 and the twelve training sets) and only from hosts whose
name starts with n-z or a digit (GitHub owners n-z), refusing any string they hold, labelled by
hand without running the parser, the bench or the labeller on it: 157 strings from 25 pages, at
most ten a page, about half APA-like (nursing textbook reference pages, an annotated body-image
bibliography with theses and magazine items, citation-index lists with DOI lines, a Julia
docstring with Markdown emphasis) and half a Chinese portal's GB/T lists with OCR slips,
Vancouver and NLM with PubMed residue, a paper-summary site's short form, Chicago, Cureus's AMA
and the citation index's short form; it is held out for the next change to the parser.
wild_references_train13.txt is the thirteenth training set, collected the same way and for the
same use as the other training sets, at the same time as a fourteenth training set (hosts and
GitHub owners n-z or a digit; the shared claims file kept the two apart), from pages none of
the earlier sets used (fresh1-17 and the twelve training sets, fresh16 and fresh17 read only for
their addresses) and only from hosts whose name starts with a-m (GitHub owners a-m), refusing any
string they hold: 136 strings from 20 pages, at most ten a page and eight a repository, about
two thirds in other styles (publisher reference lists with the volume glued to the abbreviation,
BMC lines of a citation index, NLM with "pubmed" or link labels glued on, a Korean index with
"Article" under the string, AMA, a Cambridge list that lost its page dashes, a hand-typed
"compiled from" list) and the rest APA-like (a textbook chapter list, a markdown bibliography,
Chinese APA with Minguo years); make_wild.py marks its items "fresh" too, and it is not held out.

wild_references_train14.txt is the fourteenth training set, collected the same way and for the
same use as the other training sets, at the same time as a thirteenth (hosts and GitHub owners a-m;
the shared claims file kept the two apart), from pages none of the earlier sets used (fresh1-17
and the twelve training sets) and only from hosts whose name starts with n-z or a digit, refusing
any string they hold, labelled by hand without running the parser, the bench or the labeller on
it: 143 strings from 20 pages of the `pages` corpus, at most ten a page, two thirds in other
styles (the citation index's short form, Vancouver and NLM from a nursing portal and a Korean
journal, a psychiatric journal's reference pages whose page ranges lost their dash, Nature's
form, BMC's Vancouver with chapters and reports) and the rest APA-like (citation-index lists
with DOI lines and lost addresses, a health plan's hand-typed list, Springer link residue);
make_wild.py marks its items "fresh" too, and it is not held out.

wild_references_train15.txt is the fifteenth training set, collected the same way and for the
same use as the other training sets, beside other collectors working from the shared claims
file, from pages none of the earlier sets used (fresh1-17 and the fourteen training sets) and
only from hosts whose name starts with a-m (GitHub owners a-m), refusing any string they hold
(and any whose title they hold), labelled by hand without running the parser, the bench or the
labeller on it: 150 strings from 26 pages on 13 hosts, at most ten a page and eight a
repository, two thirds in other styles (Korean nursing and psychiatric journals and indexes in
Vancouver with DOI lines, KoreaMed's year-before-volume form with "Article" under the string and
"[cited ...] Available from:." web items, a Springer chapter with link labels glued on, a
publisher's medical Vancouver, a UK commissioning panel's hand-typed list, a Japanese
publisher's colon form, AMA with access dates) and a third APA-like (Markdown bibliographies on
GitHub with bold and italic marks, ISBNs, "<br>" and report numbers, Hangul APA from a Korean
psychology journal); make_wild.py marks its items "fresh" too, and it is not held out.
wild_references_train16.txt is the sixteenth training set, collected the same way and for the
same use as the other training sets, while another collector worked beside it (the shared claims
file kept the two apart), from pages none of the earlier sets used (fresh1-17, train1-14, the old
set and the legacy bench pages) and only from hosts whose name starts with n-z or a digit (GitHub
owners n-z or a digit), refusing any string whose title they hold, labelled by hand without
running the parser, the bench or the labeller on it: 167 strings from 25 pages, at most ten a page
and eight a repository, about two thirds in other styles (the citation index's short form with
"DOI:" lines, Vancouver from a Korean journal with empty or broken "PMID:" residue, a Chinese
portal's hyphenated abbreviations, a Wiley reference page whose page ranges lost their dash,
Springer author-date, a Markdown AMA list, Russian GOST entries, a reading list typed title
first, Harvard web guides, MLA) and the rest APA-like (Springer chapter lists with " ." after the
DOI, a PDF's text hyphenated at line breaks, APA printed without spaces, SAMHSA endnotes in
Markdown, a lab list with bold names and "(in press)"); make_wild.py marks its items "fresh" too,
and it is not held out.
wild_references_fresh19.txt was collected blind the same way, at the same time as an eighteenth
fresh set (hosts and GitHub owners a-m; the shared claims file kept the two apart), from pages none
of the earlier sets used (fresh1-17 and the fourteen training sets) and only from hosts whose name
starts with n-z or a digit (GitHub owners n-z), refusing any string they hold, labelled by hand
without running the parser, the bench or the labeller on it: 139 strings from 25 pages (after two
GitHub files that read as generated text were dropped at the merge), at most ten a page and eight a
repository, a third APA-like (citation-index lists with DOI lines, a trauma charity's and a
consortium's hand-typed lists with strings broken over lines, Springer pages with link residue) and
two thirds a Chinese portal's GB/T lists with OCR slips, the citation index's short form, Chicago
with curly quotes, Vancouver with "PubMed PDF" residue and New Phytologist's author-year form whose
page ranges lost their dash; it is held out for the next change to the parser.
wild_references_fresh18.txt was collected blind the same way, at the same time as a nineteenth
fresh set (hosts and GitHub owners n-z or a digit; the shared claims file kept the two apart), from
pages none of the earlier sets used (fresh1-17 and the training sets) and only from hosts whose
name starts with a-m (GitHub owners a-m), refusing any string they hold, labelled by hand without
running the parser, the bench or the labeller on it: 141 strings from 30 pages on 11 hosts (after a
generated list was dropped at the merge), at most ten a page and eight a repository, leaning on
GitHub files because the a-m half of the pages corpus is mined; 67 APA-like (a play-therapy
practice's and an association's reading lists, a publication page in Markdown with bold names and
equal-contribution stars, R help pages, a technical report's R Markdown with theses in brackets,
lecture notes) and 82 in other styles (Taylor & Francis's old reference pages, a law school's
Bluebook list, nursing Harvard broken over lines, Vancouver from a docling conversion with ligature
residue and from a wrapped reStructuredText archive, BMJ Best Practice with link labels glued on,
Cureus-like AMA broken over lines, EPrints, the National Academies' Chicago and a blog's bare "Name
(year) Title" lines); it is held out for the next change to the parser.

These tests read the data only and never run the parser: accuracy is the bench's to measure.
No network: addresses are checked as text.
"""

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from digest.references.tests.data import make_wild

DATA = Path(__file__).parent / "data"
FRESH_TXT = DATA / "wild_references_fresh.txt"
FRESH_JSON = DATA / "wild_references_fresh.json"
FRESH2_TXT = DATA / "wild_references_fresh2.txt"
FRESH3_TXT = DATA / "wild_references_fresh3.txt"
FRESH4_TXT = DATA / "wild_references_fresh4.txt"
FRESH5_TXT = DATA / "wild_references_fresh5.txt"
FRESH6_TXT = DATA / "wild_references_fresh6.txt"
FRESH7_TXT = DATA / "wild_references_fresh7.txt"
FRESH8_TXT = DATA / "wild_references_fresh8.txt"
FRESH9_TXT = DATA / "wild_references_fresh9.txt"
FRESH10_TXT = DATA / "wild_references_fresh10.txt"
FRESH11_TXT = DATA / "wild_references_fresh11.txt"
TRAIN1_TXT = DATA / "wild_references_train1.txt"
TRAIN2_TXT = DATA / "wild_references_train2.txt"
TRAIN3_TXT = DATA / "wild_references_train3.txt"
TRAIN4_TXT = DATA / "wild_references_train4.txt"
TRAIN5_TXT = DATA / "wild_references_train5.txt"
TRAIN6_TXT = DATA / "wild_references_train6.txt"
TRAIN7_TXT = DATA / "wild_references_train7.txt"
TRAIN8_TXT = DATA / "wild_references_train8.txt"
TRAIN9_TXT = DATA / "wild_references_train9.txt"
TRAIN10_TXT = DATA / "wild_references_train10.txt"
TRAIN11_TXT = DATA / "wild_references_train11.txt"
FRESH12_TXT = DATA / "wild_references_fresh12.txt"
FRESH13_TXT = DATA / "wild_references_fresh13.txt"
FRESH14_TXT = DATA / "wild_references_fresh14.txt"
FRESH15_TXT = DATA / "wild_references_fresh15.txt"
TRAIN12_TXT = DATA / "wild_references_train12.txt"
FRESH16_TXT = DATA / "wild_references_fresh16.txt"
FRESH17_TXT = DATA / "wild_references_fresh17.txt"
TRAIN13_TXT = DATA / "wild_references_train13.txt"
TRAIN14_TXT = DATA / "wild_references_train14.txt"
TRAIN15_TXT = DATA / "wild_references_train15.txt"
TRAIN16_TXT = DATA / "wild_references_train16.txt"
FRESH18_TXT = DATA / "wild_references_fresh18.txt"
FRESH19_TXT = DATA / "wild_references_fresh19.txt"
OLD_TXT = DATA / "wild_references.txt"
HOLDOUT_URLS = Path("/work/shared/legacy/holdout-urls.txt")
# Label styles a reader can name; "apa" is the one the first set was tuned on most.
STYLES = {
    "apa",
    "vancouver",
    "nlm",
    "ama",
    "chicago",
    "harvard",
    "mla",
    "tandf",
    "eprints",
    "bjpsych",
    "springer",
    "annualreview",
    "other",
}


@dataclass(frozen=True)
class HeldOutSet:
    text: Path
    min_references: int
    min_other_styles: int
    earlier: tuple[Path, ...]  # sets collected before it, whose pages and strings it must avoid
    min_apa_like: int = 0

    @property
    def json(self) -> Path:
        return self.text.with_suffix(".json")


# The sets in the order they were collected: each must avoid the pages and strings of the
# sets before it.
COLLECTED = (
    OLD_TXT,
    FRESH_TXT,
    FRESH2_TXT,
    FRESH3_TXT,
    FRESH4_TXT,
    FRESH5_TXT,
    FRESH6_TXT,
    FRESH7_TXT,
    TRAIN1_TXT,
    TRAIN2_TXT,
    TRAIN3_TXT,
    TRAIN4_TXT,
    FRESH8_TXT,
    FRESH9_TXT,
    FRESH10_TXT,
    TRAIN5_TXT,
    TRAIN6_TXT,
    TRAIN7_TXT,
    TRAIN8_TXT,
    TRAIN9_TXT,
    TRAIN10_TXT,
    TRAIN11_TXT,
    FRESH11_TXT,
    FRESH12_TXT,
    FRESH13_TXT,
    FRESH14_TXT,
    FRESH15_TXT,
    TRAIN12_TXT,
    FRESH16_TXT,
    FRESH17_TXT,
    TRAIN13_TXT,
    TRAIN14_TXT,
    TRAIN15_TXT,
    TRAIN16_TXT,
    FRESH18_TXT,
    FRESH19_TXT,
)


def _set(text: Path, total: int, other: int, min_apa_like: int = 0) -> HeldOutSet:
    return HeldOutSet(text, total, other, COLLECTED[: COLLECTED.index(text)], min_apa_like)


HELD_OUT = {
    "fresh": _set(FRESH_TXT, 150, 50),
    "fresh2": _set(FRESH2_TXT, 120, 40),
    "fresh3": _set(FRESH3_TXT, 150, 60),
    "fresh4": _set(FRESH4_TXT, 150, 40, min_apa_like=100),
    "fresh5": _set(FRESH5_TXT, 150, 30, min_apa_like=100),
    "fresh6": _set(FRESH6_TXT, 150, 50, min_apa_like=100),
    "fresh7": _set(FRESH7_TXT, 170, 50, min_apa_like=100),
    "fresh8": _set(FRESH8_TXT, 145, 45, min_apa_like=100),
    "fresh9": _set(FRESH9_TXT, 140, 45, min_apa_like=95),
    "fresh10": _set(FRESH10_TXT, 155, 55, min_apa_like=95),
    "fresh11": _set(FRESH11_TXT, 135, 55, min_apa_like=75),
    "fresh12": _set(FRESH12_TXT, 58, 30, min_apa_like=28),
    "fresh13": _set(FRESH13_TXT, 145, 55, min_apa_like=88),
    "fresh14": _set(FRESH14_TXT, 130, 60, min_apa_like=70),
    "fresh15": _set(FRESH15_TXT, 150, 70, min_apa_like=75),
    "fresh16": _set(FRESH16_TXT, 155, 75, min_apa_like=75),
    "fresh17": _set(FRESH17_TXT, 155, 75, min_apa_like=75),
    "fresh18": _set(FRESH18_TXT, 135, 70, min_apa_like=62),
    "fresh19": _set(FRESH19_TXT, 135, 88, min_apa_like=45),
    # Training material, not held out: checked the same way (see the module docstring).
    "train1": _set(TRAIN1_TXT, 250, 90, min_apa_like=130),
    "train2": _set(TRAIN2_TXT, 270, 100, min_apa_like=170),
    "train3": _set(TRAIN3_TXT, 135, 60, min_apa_like=75),
    "train4": _set(TRAIN4_TXT, 110, 35, min_apa_like=70),
    "train5": _set(TRAIN5_TXT, 135, 40, min_apa_like=90),
    "train6": _set(TRAIN6_TXT, 60, 20, min_apa_like=40),
    "train7": _set(TRAIN7_TXT, 88, 25, min_apa_like=60),
    "train8": _set(TRAIN8_TXT, 130, 38, min_apa_like=90),
    "train9": _set(TRAIN9_TXT, 85, 20, min_apa_like=60),
    "train10": _set(TRAIN10_TXT, 145, 70, min_apa_like=70),
    "train11": _set(TRAIN11_TXT, 120, 50, min_apa_like=70),
    "train12": _set(TRAIN12_TXT, 130, 90, min_apa_like=40),
    "train13": _set(TRAIN13_TXT, 130, 85, min_apa_like=40),
    "train14": _set(TRAIN14_TXT, 140, 90, min_apa_like=45),
    "train15": _set(TRAIN15_TXT, 145, 95, min_apa_like=45),
    "train16": _set(TRAIN16_TXT, 160, 112, min_apa_like=44),
}
# The training sets, each with the fewest pages it must be spread over.
TRAINING = {
    TRAIN1_TXT: 40,
    TRAIN2_TXT: 45,
    TRAIN3_TXT: 25,
    TRAIN4_TXT: 19,
    TRAIN5_TXT: 30,
    TRAIN6_TXT: 22,
    TRAIN7_TXT: 18,
    TRAIN8_TXT: 50,
    TRAIN9_TXT: 20,
    TRAIN10_TXT: 34,
    TRAIN11_TXT: 38,
    TRAIN12_TXT: 23,
    TRAIN13_TXT: 20,
    TRAIN14_TXT: 20,
    TRAIN15_TXT: 20,
    TRAIN16_TXT: 20,
}


def _groups(text: str):
    """(address, raw lines, label) for each labelled string; raises on any unlabelled one."""
    url, raw = "", []
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("#") and not raw:
            continue
        if line.startswith("@ "):
            assert not raw, f"line {number}: a string above this address has no '>' label"
            url = line[2:].strip()
            continue
        if line.startswith("> "):
            assert raw, f"line {number}: a label with no string above it"
            assert url, f"line {number}: a string with no '@' address above it"
            yield url, raw, line[2:]
            raw = []
            continue
        raw.append(line)
    assert not raw, "the file ends with a string that has no '>' label"


@pytest.fixture(scope="module", params=sorted(HELD_OUT))
def held_out(request):
    return HELD_OUT[request.param]


@pytest.fixture(scope="module")
def groups(held_out):
    return list(_groups(held_out.text.read_text(encoding="utf-8")))


def _addresses(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line[2:].strip() for line in lines if line.startswith("@ ")}


def test_every_string_has_a_label_and_enough_were_collected(held_out, groups):
    assert len(groups) >= held_out.min_references
    assert all(any(line.strip() for line in raw) for _url, raw, _label in groups)


def test_enough_references_are_in_other_styles_than_apa(held_out, groups):
    styles = [label.split("|", 1)[0].strip() for _url, _raw, label in groups]
    assert set(styles) <= STYLES
    assert sum(1 for style in styles if style != "apa") >= held_out.min_other_styles


def test_enough_references_are_apa_like(held_out, groups):
    styles = [label.split("|", 1)[0].strip() for _url, _raw, label in groups]
    assert sum(1 for style in styles if style == "apa") >= held_out.min_apa_like


def test_every_label_has_the_ten_cells_and_a_plain_year(groups):
    for _url, raw, label in groups:
        cells = label.split("|")
        assert len(cells) == 10, raw
        year = cells[2].strip()
        assert year == "" or re.fullmatch(r"(1[89]|20)\d\d", year), raw
        for part in (p.strip() for p in cells[9].split(" ; ") if p.strip()):
            assert part.partition("=")[0].strip() in make_wild.EXTRA_KEYS, raw


def test_addresses_are_public_pages_never_the_old_site_or_the_acceptance_set(groups):
    addresses = {url for url, _raw, _label in groups}
    assert all(re.match(r"https?://[^/\s]+\.[^/\s]+", url) for url in addresses)
    assert not [url for url in addresses if "pprnet" in url.lower()]
    assert not [url for url in addresses if "uottawa.ca" in url.lower()]
    if HOLDOUT_URLS.exists():
        held = {
            line.strip().rstrip("/")
            for line in HOLDOUT_URLS.read_text(encoding="utf-8").splitlines()
            if line.strip()
        }
        assert not {url.rstrip("/") for url in addresses} & held


def test_no_page_of_an_earlier_set_is_used_again(held_out, groups):
    addresses = {url for url, _raw, _label in groups}
    for earlier in held_out.earlier:
        assert not addresses & _addresses(earlier), earlier.name


def test_no_string_of_an_earlier_set_comes_back_from_another_page(held_out, groups):
    """A string already tuned on is not held out, whichever page it was copied from."""
    strings = {"\n".join(raw).strip() for _url, raw, _label in groups}
    for earlier in held_out.earlier:
        seen = {item["raw"].strip() for item in make_wild.build(earlier)}
        assert not strings & seen, earlier.name


def test_the_json_is_built_from_the_text_and_holds_every_item_out(held_out):
    built = make_wild.document(held_out.text)
    stored = json.loads(held_out.json.read_text(encoding="utf-8"))
    assert stored == built, (
        f"run: python digest/references/tests/data/make_wild.py {held_out.text.name}"
    )
    assert {item["split"] for item in stored["items"]} == {"fresh"}


@pytest.mark.parametrize("training", sorted(TRAINING), ids=lambda path: path.stem)
def test_the_training_set_is_spread_over_many_pages(training):
    pages = {url for url, _raw, _label in _groups(training.read_text(encoding="utf-8"))}
    assert len(pages) >= TRAINING[training]


def test_the_second_training_set_takes_at_most_ten_strings_from_a_page():
    per_page = Counter(url for url, _raw, _label in _groups(TRAIN2_TXT.read_text(encoding="utf-8")))
    assert max(per_page.values()) <= 10


def test_the_second_training_set_is_mostly_hand_typed_apa_journal_articles():
    """At least 130 APA-like journal articles, the old blog's kind of reference."""
    items = make_wild.build(TRAIN2_TXT)
    journal = [
        i for i in items if i["style"] == "apa" and i["expected"]["type"] == "article-journal"
    ]
    assert len(journal) >= 130


def test_the_third_training_set_takes_at_most_ten_strings_from_a_page_of_hosts_a_to_m():
    """Hosts a-m only: the fourth training set, collected at the same time, takes n-z."""
    groups = list(_groups(TRAIN3_TXT.read_text(encoding="utf-8")))
    per_page = Counter(url for url, _raw, _label in groups)
    assert max(per_page.values()) <= 10
    hosts = {re.match(r"https?://([^/]+)", url).group(1).lower() for url in per_page}
    assert all("a" <= host[0] <= "m" for host in hosts), hosts


def test_the_fourth_training_set_takes_at_most_ten_strings_from_a_page():
    per_page = Counter(url for url, _raw, _label in _groups(TRAIN4_TXT.read_text(encoding="utf-8")))
    assert max(per_page.values()) <= 10


def test_the_fourth_training_set_keeps_to_its_half_of_the_pages():
    """Only hosts starting n-z or a digit, with or without "www.": the third training set,
    collected at the same time, takes the others."""
    for url, _raw, _label in _groups(TRAIN4_TXT.read_text(encoding="utf-8")):
        host = re.match(r"https?://([^/]+)", url).group(1).lower()
        for name in {host, host.removeprefix("www.")}:
            assert re.match(r"[n-z0-9]", name), url


def test_the_fourth_training_set_holds_hand_typed_apa_journal_articles():
    items = make_wild.build(TRAIN4_TXT)
    journal = [
        i for i in items if i["style"] == "apa" and i["expected"]["type"] == "article-journal"
    ]
    assert len(journal) >= 30


# Sets read mostly from GitHub files, where one repository holds many files.
GITHUB_SETS = (TRAIN6_TXT, TRAIN7_TXT, TRAIN8_TXT, TRAIN9_TXT, TRAIN11_TXT)


@pytest.mark.parametrize("text", GITHUB_SETS, ids=lambda path: path.stem)
def test_a_github_training_set_takes_at_most_eight_strings_from_a_repository(text):
    """A GitHub repository counts once however many of its files were read."""
    sources = Counter(
        "/".join(url.split("/")[:5]) if url.startswith("https://github.com/") else url
        for url, _raw, _label in _groups(text.read_text(encoding="utf-8"))
    )
    assert max(sources.values()) <= 8


def test_the_tenth_training_set_takes_at_most_ten_strings_from_a_page():
    per_page = Counter(
        url for url, _raw, _label in _groups(TRAIN10_TXT.read_text(encoding="utf-8"))
    )
    assert max(per_page.values()) <= 10


def test_the_seventh_training_set_keeps_to_github_owners_a_to_m():
    """Owners starting n-z or a digit are the eighth training set's, collected at the same time."""
    for url, _raw, _label in _groups(TRAIN7_TXT.read_text(encoding="utf-8")):
        owner = re.match(r"https://github\.com/([^/]+)/", url)
        assert owner and "a" <= owner.group(1)[0].lower() <= "m", url


def test_the_eleventh_fresh_set_keeps_to_hosts_a_to_m_and_ten_strings_a_page():
    """Hosts a-m only, "www." ignored: the twelfth fresh set, collected at the same time, takes
    the others."""
    per_page = Counter(
        url for url, _raw, _label in _groups(FRESH11_TXT.read_text(encoding="utf-8"))
    )
    assert max(per_page.values()) <= 10
    assert len(per_page) >= 25
    for url in per_page:
        host = re.match(r"https?://([^/]+)", url).group(1).lower().removeprefix("www.")
        assert re.match(r"[a-m]", host), url


def _spread(text: Path, fewest_pages: int = 0, names: str = "") -> None:
    """At most ten strings a page and eight a GitHub repository, over at least ``fewest_pages``
    pages; with ``names`` (a character class), every host ("www." ignored) or GitHub owner
    starting with one of them."""
    per_page = Counter(url for url, _raw, _label in _groups(text.read_text(encoding="utf-8")))
    assert max(per_page.values()) <= 10
    assert len(per_page) >= fewest_pages
    per_repository = Counter(
        "/".join(url.split("/")[:5]) for url in per_page.elements() if "//github.com/" in url
    )
    assert not per_repository or max(per_repository.values()) <= 8
    for url in per_page if names else ():
        host = re.match(r"https?://([^/]+)", url).group(1).lower().removeprefix("www.")
        name = url.split("/")[3].lower() if host == "github.com" else host
        assert re.match(names, name), url


def test_the_twelfth_fresh_set_keeps_to_its_half_of_the_pages():
    """Hosts n-z or a digit (with or without "www."), GitHub owners n-z or a digit: the eleventh
    fresh set, collected at the same time, takes the others; at most ten strings a page and eight
    a repository."""
    _spread(FRESH12_TXT, names="[n-z0-9]")


def test_the_thirteenth_fresh_set_takes_at_most_ten_strings_from_a_page_of_many_pages():
    """Any host, but at most ten strings a page, spread over at least 25 pages."""
    groups = list(_groups(FRESH13_TXT.read_text(encoding="utf-8")))
    per_page = Counter(url for url, _raw, _label in groups)
    assert max(per_page.values()) <= 10
    assert len(per_page) >= 25


def test_the_fourteenth_fresh_set_keeps_to_its_half_of_the_pages():
    """Hosts a-m (with or without "www."), GitHub owners a-m: the fifteenth fresh set, collected
    at the same time, takes the others; at most ten strings a page and eight a repository, spread
    over at least 20 pages."""
    _spread(FRESH14_TXT, 20, "[a-m]")


def test_the_fifteenth_fresh_set_keeps_to_its_half_of_the_pages():
    """Hosts n-z or a digit (with or without "www."), GitHub owners n-z or a digit: the fourteenth
    fresh set, collected at the same time, takes the others; at most ten strings a page and eight
    a repository, spread over at least 25 pages."""
    _spread(FRESH15_TXT, 25, "[n-z0-9]")


def test_the_seventeenth_fresh_set_keeps_to_its_half_of_the_pages():
    """Hosts n-z or a digit (with or without "www."), GitHub owners n-z or a digit: the sixteenth
    fresh set, collected at the same time, takes the others; at most ten strings a page and eight
    a repository, spread over at least 25 pages."""
    _spread(FRESH17_TXT, 25, "[n-z0-9]")


def test_the_twelfth_training_set_takes_at_most_ten_strings_from_a_page():
    """Any host, but at most ten strings a page (and eight a GitHub repository, had one been
    read), spread over at least 20 pages."""
    _spread(TRAIN12_TXT, 20)


def test_the_sixteenth_fresh_set_keeps_to_its_half_of_the_pages():
    """Hosts a-m (with or without "www."), GitHub owners a-m: the seventeenth fresh set, collected
    at the same time, takes the others; at most ten strings a page and eight a repository, spread
    over at least 25 pages."""
    _spread(FRESH16_TXT, 25, "[a-m]")


def test_the_thirteenth_training_set_keeps_to_its_half_of_the_pages():
    """Hosts a-m (with or without "www."), GitHub owners a-m: the fourteenth training set,
    collected at the same time, takes the others; at most ten strings a page and eight a
    repository, spread over at least 20 pages."""
    _spread(TRAIN13_TXT, 20, "[a-m]")


def test_the_fourteenth_training_set_keeps_to_its_half_of_the_pages():
    """Hosts n-z or a digit (with or without "www."), GitHub owners n-z or a digit: the
    thirteenth training set, collected at the same time, takes the others; at most ten strings a
    page and eight a repository, spread over at least 20 pages."""
    _spread(TRAIN14_TXT, 20, "[n-z0-9]")


def test_the_fifteenth_training_set_keeps_to_its_half_of_the_pages():
    """Hosts a-m (with or without "www."), GitHub owners a-m: the collectors beside it, working
    from the same claims file, take the others; at most ten strings a page and eight a
    repository, spread over at least 25 pages."""
    _spread(TRAIN15_TXT, 25, "[a-m]")


def test_the_sixteenth_training_set_keeps_to_its_half_of_the_pages():
    """Hosts n-z or a digit (with or without "www."), GitHub owners n-z or a digit: the other
    collector at work at the same time takes the others; at most ten strings a page and eight a
    repository, spread over at least 25 pages."""
    _spread(TRAIN16_TXT, 25, "[n-z0-9]")


def test_the_nineteenth_fresh_set_keeps_to_its_half_of_the_pages():
    """Hosts n-z or a digit (with or without "www."), GitHub owners n-z or a digit: the eighteenth
    fresh set, collected at the same time, takes the others; at most ten strings a page and eight
    a repository, spread over at least 25 pages."""
    _spread(FRESH19_TXT, 25, "[n-z0-9]")


def test_the_eighteenth_fresh_set_keeps_to_its_half_of_the_pages():
    """Hosts a-m (with or without "www."), GitHub owners a-m: the nineteenth fresh set, collected
    at the same time, takes the others; at most ten strings a page and eight a repository, spread
    over at least 25 pages."""
    _spread(FRESH18_TXT, 25, "[a-m]")

"""Text analysis per language: normalisation, tokens for BM25, and the "concept stream" that the
glossary is matched against.

- vi: underthesea word segmentation, lower-cased, syllables of a word joined with "_"
  ("nông_nghiệp"); stop words removed. Tone marks are normalised to one placement
  ("thuỷ" -> "thủy", "hoá" -> "hóa") so both spellings meet.
- ja: SudachiPy mode C normalised forms of content words (nouns, verbs, adjectives, adjectival
  nouns) so that "探し" becomes "探す"; stop words ("する", "こと"...) removed. For BM25 the mode A
  parts of a compound are added as extra terms ("技能実習生" also gives "技能", "実習", "生").
- en: lower-case words with a light suffix stemmer (plurals, -ing, -ed, final -e, -ize/-ise).

The concept stream is what the glossary matches, as contiguous token sequences: vi syllables
(segmentation-independent), ja mode A normalised forms of every morpheme but symbols, en stemmed
words. Stop words are kept there so that terms such as "research and development" match.
The heavy analysers load lazily on first use (underthesea ~2 s, Sudachi ~1 s).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

LANGUAGES = ("vi", "ja", "en")

_lock = threading.Lock()
_sudachi = None  # the SudachiPy dictionary, loaded once
_per_thread = threading.local()

# Old-style Vietnamese tone placement -> the placement on the main vowel, at a syllable's end.
_VI_TONE_FIXES = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_VI_TONE_RE = re.compile(
    "(" + "|".join(re.escape(k) for k in _VI_TONE_FIXES) + r")(?![\w])", re.UNICODE | re.IGNORECASE
)
_WORD_RE = re.compile(r"\w+", re.UNICODE)

EN_STOP_WORDS = frozenset(
    """a an and are as at be been but by can could do does for from has have he her his i if in
    into is it its may more most no not of on or our ours over shall she should so such than that
    the their them then there these they this those to under up us was we were what when where
    which while who will with would you your also other any all each both within between across
    per via about new seek seeks seeking looking look want wants need needs partner partners
    offer offers offering provide provides project projects company companies buyer buyers
    japan japanese vietnam vietnamese""".split()
)
VI_STOP_WORDS = frozenset(
    """và của các những cho với trong là được có này đó một để từ theo về tại đã sẽ đang cũng
    như nhằm khi thì mà hoặc hay bị do vì nên rất nhiều số ở ra vào lên trên dưới giữa sau trước
    đến bởi nhưng tuy_nhiên ngoài bên cùng nhau mỗi mọi chúng_tôi chúng_ta tôi họ việc sự cần
    muốn tìm_kiếm tìm đối_tác dự_án công_ty doanh_nghiệp cung_cấp phía hơn nữa thêm người_mua
    nhật_bản nhật việt_nam""".split()
)
JA_STOP_WORDS = frozenset(
    """為る する 居る いる 有る ある 成る なる 出来る できる れる られる 行う こと 事 もの 物 ため
    為 よう 様 これ それ あれ 此れ 其れ 等 など 方 おる 致す 思う 考える 的 さ 化 性 中 等々
    提供 パートナー 企業 会社 事業 プロジェクト 日本 ベトナム バイヤー 買い手""".split()
)
_JA_CONTENT_POS = frozenset({"名詞", "動詞", "形容詞", "形状詞"})
_JA_SKIP_POS = frozenset({"補助記号", "空白", "記号"})


def normalise(text: str, language: str, *, lower: bool = True) -> str:
    """NFC (NFKC for Japanese: full-width letters and digits become ASCII), lower case, and for
    Vietnamese one tone-mark placement (`lower=False` keeps the case, which helps
    underthesea find proper nouns)."""
    if language == "ja":
        return unicodedata.normalize("NFKC", text)
    text = unicodedata.normalize("NFC", text)
    if language == "vi":
        text = _VI_TONE_RE.sub(lambda m: _VI_TONE_FIXES.get(m.group(1).lower(), m.group(1)), text)
    return text.lower() if lower else text


def stem(word: str) -> str:
    """A light English stemmer: enough to meet "processing"/"processed"/"process" and
    "machines"/"machine", and to make -ize and -ise one."""
    w = word
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("ization"):
        w = w[:-7] + "isation"
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    if w.endswith("iz"):
        w = w[:-2] + "is"
    return w


def _tokenizer():
    """This thread's SudachiPy tokenizer: the dictionary is loaded once and shared, but a
    tokenizer may not be used by two threads at once (tasks run in threads)."""
    global _sudachi
    if _sudachi is None:
        with _lock:
            if _sudachi is None:
                from sudachipy import Dictionary

                _sudachi = Dictionary(dict="core")
    tokenizer = getattr(_per_thread, "tokenizer", None)
    if tokenizer is None:
        from sudachipy import SplitMode

        tokenizer = _per_thread.tokenizer = _sudachi.tokenizer(SplitMode.C)
    return tokenizer


def _ja_morphemes(text: str):
    return _tokenizer().tokenize(normalise(text, "ja"))


def _vi_words(text: str) -> list[str]:
    from underthesea import word_tokenize

    return word_tokenize(normalise(text, "vi", lower=False))


def _is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def tokenise(text: str, language: str) -> list[str]:
    """Content tokens of `text` for keyword search (see the module docstring)."""
    return list(_tokenise(text, language))


@lru_cache(maxsize=4096)
def _tokenise(text: str, language: str) -> tuple[str, ...]:
    if language == "vi":
        out = []
        for word in _vi_words(text):
            if not _is_word(word):
                continue
            token = "_".join(word.lower().split())
            if token not in VI_STOP_WORDS:
                out.append(token)
        return tuple(out)
    if language == "ja":
        out = []
        for m in _ja_morphemes(text):
            pos = m.part_of_speech()[0]
            form = m.normalized_form().lower()
            if pos in _JA_CONTENT_POS and _is_word(form) and form not in JA_STOP_WORDS:
                out.append(form)
        return tuple(out)
    if language == "en":
        words = _WORD_RE.findall(normalise(text, "en"))
        return tuple(stem(w) for w in words if w not in EN_STOP_WORDS and not w.isdigit())
    raise ValueError(f"unknown language {language!r}")


def index_terms(text: str, language: str) -> list[str]:
    """The terms BM25 indexes: `tokenise()`, plus for Japanese the mode A parts of compounds."""
    if language != "ja":
        return tokenise(text, language)
    from sudachipy import SplitMode

    out = []
    for m in _ja_morphemes(text):
        pos = m.part_of_speech()[0]
        form = m.normalized_form().lower()
        if pos not in _JA_CONTENT_POS or not _is_word(form) or form in JA_STOP_WORDS:
            continue
        out.append(form)
        parts = m.split(SplitMode.A)
        if len(parts) > 1:
            for part in parts:
                sub = part.normalized_form().lower()
                if sub != form and _is_word(sub) and sub not in JA_STOP_WORDS:
                    out.append(sub)
    return out


def concept_stream(text: str, language: str) -> tuple[str, ...]:
    """The token sequence the glossary is matched against (see the module docstring)."""
    return _concept_stream(text, language)


@lru_cache(maxsize=8192)
def _concept_stream(text: str, language: str) -> tuple[str, ...]:
    if language == "vi":
        return tuple(_WORD_RE.findall(normalise(text, "vi")))
    if language == "en":
        return tuple(stem(w) for w in _WORD_RE.findall(normalise(text, "en")))
    if language == "ja":
        from sudachipy import SplitMode

        out = []
        for m in _ja_morphemes(text):
            if m.part_of_speech()[0] in _JA_SKIP_POS:
                continue
            parts = m.split(SplitMode.A) or [m]
            for part in parts:
                form = part.normalized_form().lower()
                if form.strip():
                    out.append(form)
        return tuple(out)
    raise ValueError(f"unknown language {language!r}")


# Words that may index a document but say nothing as a "shared keyword": function words and
# the verbs and nouns of every proposal, in each language (underthesea's Vietnamese list is
# read too, when it is installed).
SHOWN_STOP_WORDS = frozenset(
    """có_thể phục_vụ hỗ_trợ thực_hiện sử_dụng bao_gồm khoảng năm tháng ngày người bản
    chiếc tấn nhất hiện nay hiện_nay đầu_tiên mới lớn nhỏ tốt khác gần giảm đạt nhà đơn
    tiếng anh bằng mong_muốn triển_khai yêu_cầu sang hình_thức
    可能 希望 探す 行く 来る 見る 使う 持つ 語 年 月 日 人 円 件 社 所 者 点
    以上 以下 予定 対応 実施 箇月 ヶ月 か月 年間 程度 以内 箇所 方式 募集 支援 支える""".split()
)
# English words of the same kind, compared as the stems that the terms are.
SHOWN_STOP_STEMS = frozenset(
    stem(word)
    for word in """available buyer seller year month day company able well first include
    after help work run one two three near order through together small also new more many
    other such like want wish seek look find provide need base per use make high good best
    within without about into over under local site before during since until again already
    still just only very much some several""".split()
)
_LATIN_RE = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _underthesea_stop_words() -> frozenset[str]:
    try:
        from underthesea.datasets.stopwords import words
    except ImportError:  # the list moved or the package is absent: ours alone
        return frozenset()
    return frozenset("_".join(w.lower().split()) for w in words)


def showable_term(term: str, unshown: frozenset[str] = frozenset()) -> bool:
    """Whether a BM25 term may be shown to a reader as a shared keyword: not a stop word of
    any language, not a number, not one or two Latin letters ("ho" of "Ho Chi Minh"), not
    among `unshown` (place names, markers)."""
    if term in unshown or term in SHOWN_STOP_WORDS or term in SHOWN_STOP_STEMS:
        return False
    if term in EN_STOP_WORDS or term in VI_STOP_WORDS or term in JA_STOP_WORDS:
        return False
    if term in _underthesea_stop_words():
        return False
    if not any(ch.isalpha() for ch in term):
        return False
    # One letter or one kanji ("生" of "実習生") says nothing on its own.
    return len(term) > (2 if _LATIN_RE.fullmatch(term) else 1)


@lru_cache(maxsize=1024)
def surface_forms(text: str, language: str) -> dict[str, str]:
    """Each BM25 term of `text` and how a reader writes it: a Vietnamese word with spaces
    ("chế_biến" -> "chế biến"), an English stem as the first word of the text it came from
    ("machin" -> "machining"); Japanese terms are words as they are."""
    if language == "vi":
        return {term: term.replace("_", " ") for term in _tokenise(text, language)}
    if language == "en":
        forms: dict[str, str] = {}
        for word in _WORD_RE.findall(normalise(text, "en")):
            forms.setdefault(stem(word), word)
        return forms
    return {term: term for term in index_terms(text, language)}

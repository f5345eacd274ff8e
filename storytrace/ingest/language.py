"""Tell English text from other languages without a model: script first, then function words."""

from __future__ import annotations

import re
import unicodedata

_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in a is that for it was on with he as his by at from are be this "
                    "have has had not but they which were said an or who their its will would been".split()),
    "de": frozenset("der die und das ist nicht den mit sich des auf für ein eine dem im zu von auch "
                    "sie es wird wurde bei nach aus einer werden sind".split()),
    "fr": frozenset("le la les et des est une que pour dans du en un pas qui sur au avec il par "
                    "sont ce aux ont été cette elle".split()),
    "es": frozenset("el la los las y que en del un una por con para es se lo al como más pero sus "
                    "fue ha su le son".split()),
    "it": frozenset("il di che la e per un una non sono della del con le gli alla anche come ha "
                    "nel questo dei più".split()),
    "pt": frozenset("o a os as de que do da em um uma para com não no na por mais foi são ao "
                    "dos das ele".split()),
    "nl": frozenset("de het een en van is dat op te in niet zijn met voor die er aan ook als "
                    "maar werd wordt bij".split()),
}

_SCRIPTS = (
    ("CYRILLIC", "ru"), ("HEBREW", "he"), ("ARABIC", "ar"), ("GREEK", "el"), ("CJK", "zh"),
    ("HIRAGANA", "ja"), ("KATAKANA", "ja"), ("HANGUL", "ko"), ("DEVANAGARI", "hi"), ("THAI", "th"),
)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _script_language(text: str) -> str | None:
    """The language implied by a non-Latin script that makes up most of the letters, if any."""
    sample = text[:20000]
    others = [c for c in _NON_ASCII.findall(sample) if c.isalpha()]  # ASCII letters are all Latin
    if not others:
        return None
    counts: dict[str, int] = {}
    latin = len(_ASCII_LETTER.findall(sample))
    for char in others:
        name = unicodedata.name(char, "")
        if name.startswith("LATIN"):
            latin += 1
            continue
        for prefix, lang in _SCRIPTS:
            if name.startswith(prefix):
                counts[lang] = counts.get(lang, 0) + 1
                break
    if not counts:
        return None
    lang, count = max(counts.items(), key=lambda item: item[1])
    return lang if count > latin else None


def detect_language(text: str) -> str | None:
    """An ISO 639-1 guess for text, or None when there is too little text to tell."""
    by_script = _script_language(text)
    if by_script:
        return by_script
    words = re.findall(r"[^\W\d_]+", text[:20000].lower())
    if len(words) < 8:
        return None
    scores = {lang: sum(1 for w in words if w in vocab) for lang, vocab in _FUNCTION_WORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    if scores[best] < max(2, len(words) * 0.04):
        return None
    return best


def is_english(text: str) -> bool:
    """True unless the text is recognisably in another language."""
    lang = detect_language(text)
    return lang in (None, "en")

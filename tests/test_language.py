import pytest

from copydesk.tasks.language import detect_language, normalise_code

SAMPLES = {
    "en": "The central bank raised its main interest rate by a quarter point on Thursday, citing persistent "
          "inflation in services and a labour market that remains tight across most regions of the country.",
    "de": "Die Zentralbank hat am Donnerstag ihren Leitzins um einen Viertelpunkt angehoben und verwies auf die "
          "anhaltende Inflation bei Dienstleistungen und einen weiterhin angespannten Arbeitsmarkt im Land.",
    "es": "El banco central subió el jueves su tipo de interés principal en un cuarto de punto, citando la "
          "persistente inflación en los servicios y un mercado laboral que sigue tenso en la mayoría del país.",
    "fr": "La banque centrale a relevé jeudi son principal taux d'intérêt d'un quart de point, en invoquant "
          "une inflation persistante dans les services et un marché du travail qui reste tendu dans le pays.",
}


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_detects_the_four_demo_languages(language: str) -> None:
    assert detect_language(None, SAMPLES[language]) == language


def test_is_repeatable() -> None:
    text = "Kurzer Text mit wenigen Worten, aber genug für eine Entscheidung über die Sprache hoffentlich."
    assert len({detect_language(None, text) for _ in range(5)}) == 1


def test_too_short_is_undetermined() -> None:
    assert detect_language("Hi", "ok 123") == "und"
    assert detect_language(None, "12:30 — 14:45 / 2024") == "und"


def test_normalise_code() -> None:
    assert normalise_code("en-GB") == "en"
    assert normalise_code("zh-cn") == "zh"
    assert normalise_code("FR") == "fr"
    assert normalise_code("english") is None
    assert normalise_code(None) is None

"""Names of the night: tokens that sentence-case headlines write capitalized and (almost) never in lowercase."""

from __future__ import annotations

from tasks.headlines.norm import cased_tokens


def name_tokens(texts: list[str], case_ratio: float) -> set[str]:
    """Tokens that tonight's headlines write capitalized at least case_ratio times as often as in lowercase.

    Only sentence-case headlines count (norm.cased_tokens): there a capital mid-headline marks a place,
    team, company or person.

    Args:
        texts: headlines as published; a syndicated text counts once.
        case_ratio: capitalized occurrences needed per lowercase one.

    Returns:
        The name tokens (story-token form).
    """
    caps: dict[str, int] = {}
    lower: dict[str, int] = {}
    for text in set(texts):
        up, low = cased_tokens(text)
        for tok in up:
            caps[tok] = caps.get(tok, 0) + 1
        for tok in low:
            lower[tok] = lower.get(tok, 0) + 1
    return {tok for tok, count in caps.items() if count >= case_ratio * lower.get(tok, 0)}

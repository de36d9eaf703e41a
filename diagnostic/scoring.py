"""Scoring and recommendation rules of the self-diagnosis, free of HTTP and templates.

Answers arrive as {question key: [answer index, ...]} parsed from the result URL. Scores are
computed per lever as a percentage of the points the questionnaire can give that lever, so
questionnaires of any length compare.
"""

from dataclasses import dataclass, field


class InvalidAnswers(ValueError):
    """The answers do not fit the questionnaire (tampered or outdated link)."""


@dataclass
class Question:
    key: str
    text: str
    kind: str
    answers: list  # list of (label, {lever translation_key: points}, phase or None)


@dataclass
class LeverScore:
    lever: object
    points: int
    maximum: int
    band: dict | None = None

    @property
    def percent(self):
        if self.maximum <= 0:
            return 0
        return max(0, min(100, round(100 * self.points / self.maximum)))


@dataclass
class Outcome:
    scores: list[LeverScore] = field(default_factory=list)
    answered: int = 0
    total: int = 0
    phase: object = None

    @property
    def weakest(self):
        """The levers with the lowest percentage (all of them when tied)."""
        scored = [score for score in self.scores if score.maximum > 0]
        if not scored or self.answered == 0:
            return []
        lowest = min(score.percent for score in scored)
        return [score.lever for score in scored if score.percent == lowest]


def parse_answers(query_dict, questions, *, max_values=50):
    """Read `q_<key>` parameters; refuse unknown answer indexes with InvalidAnswers."""
    by_key = {question.key: question for question in questions}
    answers = {}
    for name in query_dict:
        if not name.startswith("q_"):
            continue
        key = name[2:]
        question = by_key.get(key)
        if question is None:
            raise InvalidAnswers(name)
        values = query_dict.getlist(name)[:max_values]
        indexes = []
        for value in values:
            if not value.isdigit() or int(value) >= len(question.answers):
                raise InvalidAnswers(name)
            indexes.append(int(value))
        if question.kind != "multiple" and len(set(indexes)) > 1:
            raise InvalidAnswers(name)
        answers[key] = sorted(set(indexes))
    return answers


def score(questions, answers, levers, bands):
    """Points per lever, the maximum each lever could get, its band, and the visitor's phase.

    `levers`: the Lever terms to report, in order; `bands`: list of (lever translation_key,
    minimum, maximum, band dict).
    """
    points = {lever.translation_key: 0 for lever in levers}
    maximum = {lever.translation_key: 0 for lever in levers}
    phase = None
    answered = 0
    for question in questions:
        # The most a lever can get from this question: the best answer, or all positive
        # answers together when several may be chosen.
        for key in maximum:
            gains = [answer[1].get(key, 0) for answer in question.answers]
            if question.kind == "multiple":
                maximum[key] += sum(gain for gain in gains if gain > 0)
            else:
                maximum[key] += max([0, *gains])
        chosen = answers.get(question.key, [])
        if chosen:
            answered += 1
        for index in chosen:
            label, lever_points, answer_phase = question.answers[index]
            for key, value in lever_points.items():
                if key in points:
                    points[key] += value
            if answer_phase is not None:
                phase = answer_phase
    outcome = Outcome(answered=answered, total=len(questions), phase=phase)
    for lever in levers:
        lever_score = LeverScore(
            lever, points[lever.translation_key], maximum[lever.translation_key]
        )
        for band_key, low, high, band in bands:
            if band_key == lever.translation_key and low <= lever_score.percent <= high:
                lever_score.band = band
                break
        outcome.scores.append(lever_score)
    return outcome


def checklist_result(statement_count, ticked, threshold):
    """(number recognised, belongs?) for a self-recognition checklist."""
    recognised = len({index for index in ticked if 0 <= index < statement_count})
    return recognised, recognised >= threshold

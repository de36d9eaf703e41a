from home.roles import EDITORS, MODERATORS, REVIEWERS

SYNONYMS = [
    "search.add_searchsynonym",
    "search.change_searchsynonym",
    "search.delete_searchsynonym",
]

MODEL_PERMISSIONS = {
    EDITORS: ["search.view_zeroresultquery", *SYNONYMS],
    MODERATORS: ["search.view_zeroresultquery", *SYNONYMS],
    REVIEWERS: ["search.view_zeroresultquery"],
}

SYNONYMS = [
    "search.add_searchsynonym",
    "search.change_searchsynonym",
    "search.delete_searchsynonym",
]

MODEL_PERMISSIONS = {
    "Editors": ["search.view_zeroresultquery", *SYNONYMS],
    "Moderators": ["search.view_zeroresultquery", *SYNONYMS],
    "Reviewers": ["search.view_zeroresultquery"],
}

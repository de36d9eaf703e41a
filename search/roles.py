MODEL_PERMISSIONS = {
    "Editors": ["search.view_zeroresultquery"],
    "Moderators": ["search.view_zeroresultquery"],
    "Reviewers": ["search.view_zeroresultquery"],
}

"""Who may read the download statistics of the tool library (admin report)."""

MODEL_PERMISSIONS = {
    "Editors": ["tools.view_downloadcount"],
    "Reviewers": ["tools.view_downloadcount"],
}

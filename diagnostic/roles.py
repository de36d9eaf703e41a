MODEL_PERMISSIONS = {
    "Moderators": ["diagnostic.view_diagnosticcompletion"],
    "Editors": ["diagnostic.view_diagnosticcompletion"],
    "Reviewers": ["diagnostic.view_diagnosticcompletion"],
}

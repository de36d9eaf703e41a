from home.roles import EDITORS, MODERATORS, REVIEWERS

MODEL_PERMISSIONS = {
    MODERATORS: ["diagnostic.view_diagnosticcompletion"],
    EDITORS: ["diagnostic.view_diagnosticcompletion"],
    REVIEWERS: ["diagnostic.view_diagnosticcompletion"],
}
